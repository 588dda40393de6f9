// Issue 27.10: a cell is quoted when it holds a separator (";" or ","), a quote, a line break, or starts
// like a formula, whatever separator the reader picks: a comma-separated reader must not start a
// formula at ",=" inside a cell, nor split it. Formulas also keep their leading apostrophe (OWASP).
import { toCsv } from "@/lib/csv";

/** The cells of the one data line, as written (the header is "h"). */
const line = (cell: string | number) =>
  toCsv(["h"], [[cell]])
    .replace(/^\uFEFFh\r?\n/, "")
    .replace(/\r?\n$/, "");

describe("a CSV cell", () => {
  it.each([
    ['Dupont,=HYPERLINK("http://evil")', '"Dupont,=HYPERLINK(""http://evil"")"'],
    ["a,b", '"a,b"'],
    ["a;b", '"a;b"'],
    ['dit "oui"', '"dit ""oui"""'],
    ["deux\nlignes", '"deux\nlignes"'],
    ["=1+1", '"\'=1+1"'],
    ["+33 6 12", '"\'+33 6 12"'],
    ["-2", '"\'-2"'],
    ["@SUM(A1)", '"\'@SUM(A1)"'],
    ["\t=1", '"\'\t=1"'],
  ])("%j is written %j", (cell, written) => {
    expect(line(cell)).toBe(written);
  });

  it("is left as it is when nothing in it can split it or run", () => {
    expect(line("Théâtre des Lilas")).toBe("Théâtre des Lilas");
    expect(line(12)).toBe("12");
    expect(line("a=b")).toBe("a=b");
  });

  it("splits into the same cells for a comma reader and a semicolon reader, none starting a formula", () => {
    const csv = toCsv(["Nom", "Note"], [["Dupont,=cmd|' /C calc'!A0", "x;=1"]]).replace(/^\uFEFF/, "");
    const data = csv.split(/\r?\n/)[1]!;
    for (const separator of [",", ";"]) {
      // Outside quotes, no separator of either kind is followed by a formula character.
      const outside = data.replace(/"(?:[^"]|"")*"/g, "Q");
      expect(outside.split(separator).every((cell) => !/^[=+\-@\t\r]/.test(cell))).toBe(true);
    }
  });
});
