// Issue 34.6: the invitation prints its fixed words in the person's language beside the French (the
// ticket office reads French). The words are read back from the PDF as a screen reader, a search or a
// copy-paste would read them: Arabic and Persian must come back as the same letters, in reading order.
import { loadInvitation } from "@/lib/invitation/invitation";
import { publishedKeys } from "@/lib/invitation/code";
import { verifyInvitationCode } from "@/lib/invitation/verify";
import { renderInvitationPdf } from "@/lib/pdf/invitation";
import ar from "@/messages/ar/invitation.json";
import fa from "@/messages/fa-AF/invitation.json";
import uk from "@/messages/uk/invitation.json";
import { invitationWorld, type InvitationWorld } from "../factories/invitation";
import { readPdf } from "../support/read-pdf";

const PDF_TIMEOUT = 60_000;

let world: InvitationWorld;
beforeAll(async () => {
  world = await invitationWorld();
});

/** As a reader compares text: compatibility forms folded (NFKC), runs of spaces as one. pdf.js reads Dari's
 * zero-width non-joiner (دعوت‌نامه) as a space, a spelling Dari also uses. */
const plain = (text: string) => text.normalize("NFKC").replace(/[\s\u200c]+/g, " ");

describe("the invitation in the person's language", () => {
  it.each([
    ["ar", ar.invitation.pdf],
    ["fa-AF", fa.invitation.pdf],
    ["uk", uk.invitation.pdf],
  ] as const)(
    "prints the fixed words in %s beside the French, readable back as the same letters",
    async (locale, words) => {
      const data = await loadInvitation(world.actors.partnerA, world.bookingId);
      const { total, pages, qr } = await readPdf(await renderInvitationPdf(data, { locale }));
      // Still one page per guest, each with its QR code scanning.
      expect(total).toBe(2);
      // The codes a door's device verifies with the public key alone (issue 32.1).
      const keys = publishedKeys();
      await expect(Promise.all(qr.map((scanned) => verifyInvitationCode(scanned ?? "", { keys, venueIds: [world.venueX] })))).resolves.toEqual([
        expect.objectContaining({ valid: true, number: world.number, position: 0 }),
        expect.objectContaining({ valid: true, number: world.number, position: 1 }),
      ]);
      const text = plain(pages[0]!);
      // The French stays for the ticket office.
      for (const french of ["Invitation nominative, ne peut être cédée", "Vous ne pouvez pas venir ?", "Zoé Lefèvre", "Théâtre des Lilas"]) {
        expect(text).toContain(french);
      }
      // Whole phrases without figures: a reader puts numbers inside right-to-left lines in its own order.
      for (const key of ["nominative", "forGuest", "when", "where", "number", "showAtDoor", "cannotComeTitle", "cannotComeText", "feedbackTitle"] as const) {
        expect(text).toContain(plain(words[key]));
      }
    },
    PDF_TIMEOUT,
  );

  it(
    "prints French only by default",
    async () => {
      const data = await loadInvitation(world.actors.partnerA, world.bookingId);
      const text = plain((await readPdf(await renderInvitationPdf(data))).pages[0]!);
      expect(text).toContain("Invitation nominative, ne peut être cédée");
      expect(text).not.toMatch(/[\u0600-\u06ff\u0400-\u04ff]/);
    },
    PDF_TIMEOUT,
  );
});
