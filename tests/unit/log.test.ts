// Issue 31.3: what the log keeps of an error or a transport's answer — its kind and first line, with
// addresses and numbers masked — and the fields it blanks whatever a caller hands over.
import { Writable } from "node:stream";
import { errorFacts, logTo, withoutContacts } from "@/lib/observability/log";

describe("the log's guards", () => {
  it("keeps an error's kind, first line and database code, without addresses or numbers", () => {
    const error = Object.assign(new Error("Refusé pour referente@escale.test (06 12 34 56 78)\nSELECT * FROM …"), { code: "55P03" });
    expect(errorFacts(error)).toEqual({ error: "Error: Refusé pour [adresse] ([numéro])", errorCode: "55P03" });
    expect(withoutContacts("250 2.0.0 Ok: queued as 4F2A1 <x@y.test> +33612345678")).toBe("250 2.0.0 Ok: queued as 4F2A1 <[adresse]> [numéro]");
  });

  it("blanks passwords, tokens, codes, e-mails, phones and names handed over by mistake", () => {
    const lines: string[] = [];
    const logger = logTo(new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) }));
    logger.info(
      { password: "culture-pour-tous", token: "t0k3n", code: "ESCALE26", guest: { name: "Zoé Martin", email: "z@m.test", phone: "0612345678" } },
      "essai",
    );
    const text = lines.join("");
    for (const secret of ["culture-pour-tous", "t0k3n", "ESCALE26", "Zoé Martin", "z@m.test", "0612345678"]) expect(text).not.toContain(secret);
    expect(text).toContain("[masqué]");
  });
});
