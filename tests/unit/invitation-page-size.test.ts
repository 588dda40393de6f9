// An invitation is printed by the referent on an office printer, one guest per sheet: each page must be an
// A4 sheet, in French and beside every language of the person. react-pdf makes a page that does not wrap
// as tall as its content: until 2026-12-07 every invitation was taller than A4 (855 pt for one French guest,
// 911 in Arabic with ten, A4 being 842), so that a printer shrank or cropped it.
import { LANGUAGE_CODES } from "@/lib/i18n/languages";
import { renderInvitationPdf } from "@/lib/pdf/invitation";
import { sampleInvitation } from "@/scripts/bench/sample-invitation";

process.env.INVITATION_SIGNING_KEY ??= "test-invitation-signing-key-0123456789abcdef";
process.env.INVITATION_ED25519_KEY ??= "dGVzdC1pbnZpdGF0aW9uLWVkMjU1MTkta2V5LTAxMjM";

/** Each page's [width, height] in points, as the PDF declares them (pdfkit writes page objects in clear). */
function pageSizes(pdf: Buffer): number[][] {
  return [...pdf.toString("latin1").matchAll(/\/MediaBox \[([^\]]+)\]/g)].map((match) =>
    match[1]!
      .trim()
      .split(/\s+/)
      .slice(2)
      .map((value) => Math.round(Number(value))),
  );
}

describe("every page of an invitation is an A4 sheet", () => {
  it.each(LANGUAGE_CODES.flatMap((locale) => [1, 10].map((guests) => [locale, guests] as const)))(
    "in %s with %i guest(s)",
    async (locale, guests) => {
      const sizes = pageSizes(await renderInvitationPdf(sampleInvitation(guests), { locale }));
      expect(sizes).toHaveLength(guests);
      // A4: 595.28 × 841.89 pt.
      for (const size of sizes) expect(size).toEqual([595, 842]);
    },
    60_000,
  );
});
