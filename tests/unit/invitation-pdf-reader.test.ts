// Issue 35.2: the ten-guest invitation is drawn faster, and its reader must not notice. What a reader and a
// scanner get from the bench's own invitations (scripts/bench/sample-invitation.ts, ten guests, French and
// Arabic) is pinned here: each page's text as pdf.js extracts it, line by line (a line broken elsewhere or a
// word moved shows), and each page's QR code, read from a rendering of the page, as its guest's code.
import { PDF_FONT_FAMILY } from "@/lib/pdf/fonts";
import { loadReactPdf, renderInvitationPdf } from "@/lib/pdf/invitation";
import type { InvitationLocale } from "@/lib/pdf/invitation-words";
import { sampleInvitation } from "@/scripts/bench/sample-invitation";
import { readPdf } from "../support/read-pdf";

process.env.INVITATION_SIGNING_KEY ??= "test-invitation-signing-key-0123456789abcdef";
process.env.INVITATION_ED25519_KEY ??= "dGVzdC1pbnZpdGF0aW9uLWVkMjU1MTkta2V5LTAxMjM";

// Rendering ten pages and reading them back in a child process takes seconds on a busy 2-core machine.
const PDF_TIMEOUT = 90_000;

describe("the ten-guest invitation, as its reader gets it", () => {
  it.each(["fr", "ar"] as const satisfies readonly InvitationLocale[])(
    "in %s: the same text on each page, and each page's QR code reads as its guest's code",
    async (locale) => {
      const data = sampleInvitation(10);
      const { total, pages, qr } = await readPdf(await renderInvitationPdf(data, { locale }));
      expect(total).toBe(10);
      expect(qr).toEqual(data.guests.map((guest) => guest.code));
      expect(pages).toMatchSnapshot();
    },
    PDF_TIMEOUT,
  );
});

/** fontkit's shaper, behind every font react-pdf lays text out with: what it is asked, by which font. */
type Shaper = { font: { postscriptName: string }; layout(text: string): unknown };

describe("the ten-guest invitation's words", () => {
  it(
    "are shaped once per document, not once per page (decision 027)",
    async () => {
      await renderInvitationPdf(sampleInvitation(1));
      const { Font } = await loadReactPdf();
      const font = Font.getFont({ fontFamily: PDF_FONT_FAMILY, fontWeight: 400 })?.data as unknown as { _layoutEngine: Shaper };
      const shape = jest.spyOn(Object.getPrototypeOf(font._layoutEngine) as Shaper, "layout");
      try {
        await renderInvitationPdf(sampleInvitation(10));
        const shaped = shape.mock.calls.map(([text], call) => `${(shape.mock.contexts[call] as Shaper).font.postscriptName}: ${text}`);
        // The fixed words, the event, the venue and the structure are on every page: once each is enough.
        expect(shaped.filter((text, index) => shaped.indexOf(text) !== index)).toEqual([]);
        expect(shaped).toContain("DejaVuSans-Bold: Culture pour tous");
      } finally {
        shape.mockRestore();
      }
    },
    PDF_TIMEOUT,
  );
});
