// One way to write a date (issue 13, item 13): every date people read is written by lib/format/dates.ts.
// This guard reads the source of app/, components/ and lib/ and names each file that formats a date on
// its own (next-intl's format.dateTime with options, toLocale…String, Intl.DateTimeFormat, date-fns's
// format), so that a new page cannot bring back a date that reads differently from the rest.
import fs from "node:fs";
import path from "node:path";

const repo = path.join(__dirname, "..", "..");
const FOLDERS = ["app", "components", "lib"];
/** Generated code, and the one module allowed to format dates. */
const SKIPPED = [path.join("lib", "generated"), path.join("lib", "format")];

const AD_HOC: Array<[string, RegExp]> = [
  ["format.dateTime(…) (use lib/format/dates.ts)", /\bdateTime(Range)?\(/],
  ["toLocaleDateString", /\btoLocaleDateString\b/],
  ["toLocaleString(", /\btoLocaleString\(/],
  ["toLocaleTimeString", /\btoLocaleTimeString\b/],
  ["Intl.DateTimeFormat", /\bIntl\.DateTimeFormat\b/],
  ["date-fns's format", /import\s*\{[^}]*\bformat\b[^}]*\}\s*from\s*"date-fns"/],
];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    const relative = path.relative(repo, full);
    if (entry.isDirectory()) return SKIPPED.includes(relative) || entry.name === "node_modules" ? [] : sources(full);
    return /\.(ts|tsx|mts|mjs|js|jsx)$/.test(entry.name) ? [relative] : [];
  });
}

const files = FOLDERS.flatMap((folder) => sources(path.join(repo, folder)));

it("finds no date formatted outside lib/format/dates.ts", () => {
  const offenders = files.flatMap((file) => {
    const text = fs.readFileSync(path.join(repo, file), "utf8");
    return AD_HOC.filter(([, pattern]) => pattern.test(text)).map(([what]) => `${file}: ${what}`);
  });
  expect(offenders).toEqual([]);
});

it("reads the folders it is about (the check itself works)", () => {
  expect(files.length).toBeGreaterThan(100);
  expect(files).toEqual(
    expect.arrayContaining([path.join("lib", "mail", "content", "bookings.ts"), path.join("components", "offer", "catalog-event-card.tsx")]),
  );
  expect(files.some((file) => file.startsWith(path.join("lib", "generated")) || file.startsWith(path.join("lib", "format")))).toBe(false);
  const [, dateTime] = AD_HOC[0]!;
  expect(dateTime.test('format.dateTime(date, { dateStyle: "long" })')).toBe(true);
  expect(dateTime.test("<time dateTime={date.toISOString()}>")).toBe(false);
});
