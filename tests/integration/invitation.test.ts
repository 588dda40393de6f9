// The nominative invitation (DESIGN.md, "The invitation"): one page per guest, with the guest's name,
// the event, the venue and how to warn of an absence, and a QR code that reads back as the signed code
// of that guest. Printed by the partner that booked, the venue it is for and the association; a
// cancelled or waitlisted booking has no invitation.
import { getPrisma } from "@/lib/db/client";
import { feedbackCode, formatFeedbackCode } from "@/lib/invitation/feedback-code";
import { loadInvitation } from "@/lib/invitation/invitation";
import { publishedKeys } from "@/lib/invitation/code";
import { verifyInvitationCode } from "@/lib/invitation/verify";
import { renderInvitationPdf } from "@/lib/pdf/invitation";
import { bookingWithGuests, invitationWorld, type InvitationWorld } from "../factories/invitation";
import { readPdf } from "../support/read-pdf";
import { invitationCases } from "./authorization/invitation.cases";

// Rendering a PDF and reading it back (a child process) takes seconds on a busy 2-core machine.
const PDF_TIMEOUT = 30_000;

let world: InvitationWorld;
beforeAll(async () => {
  world = await invitationWorld();
});

describe("the invitation PDF", () => {
  it(
    "prints one page per guest with the name, the event, the venue, the number and what to do in case of absence",
    async () => {
      const pdf = await renderInvitationPdf(await loadInvitation(world.actors.partnerA, world.bookingId));
      const guestIds = (
        await getPrisma().bookingGuest.findMany({ where: { bookingId: world.bookingId }, orderBy: { position: "asc" }, select: { id: true } })
      ).map((guest) => guest.id);

      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const { total, pages } = await readPdf(pdf);
      expect(total).toBe(2);
      const formatted = `${world.number.slice(0, 4)}-${world.number.slice(4)}`;
      for (const [index, name] of ["Zoé Lefèvre", "Jérôme Ndiaye"].entries()) {
        // Lines joined and non-breaking spaces read as spaces, as a reader sees them.
        const text = pages[index]!.replace(/\s+/g, " ");
        expect(text).toContain(name);
        expect(text).toContain("Invitation nominative, ne peut être cédée");
        expect(text).toContain("Le Malade imaginaire");
        expect(text).toContain("samedi 12 décembre 2026 à 20 h 30");
        expect(text).toContain("Théâtre des Lilas");
        expect(text).toContain("12 rue des Églantiers");
        expect(text).toContain("Métro C, arrêt Croix-Rousse.");
        expect(text).toContain("04 72 00 12 34");
        expect(text).toContain("CHRS L'Escale");
        expect(text).toContain(formatted);
        expect(text).toContain("Vous ne pouvez pas venir ?");
        // The person's own feedback after the outing (issue 16): where, and the code of this invitation.
        expect(text).toContain("Après la sortie, dites-nous comment c'était.");
        expect(text).toContain("/offre/avis");
        expect(text).toContain(formatFeedbackCode(feedbackCode(guestIds[index]!)));
      }
      // Each page names its own guest only.
      expect(pages[0]).not.toContain("Jérôme");
      expect(pdf.length).toBeLessThan(100_000);
    },
    PDF_TIMEOUT,
  );

  it(
    "never sends people to a visitor code the structure does not have (issue 29.5)",
    async () => {
      const data = await loadInvitation(world.actors.partnerA, world.bookingId);
      const { pages } = await readPdf(await renderInvitationPdf({ ...data, visitorCodeExists: false }));
      const text = pages[0]!.replace(/\s+/g, " ");
      expect(text).not.toContain("code d'accès de votre structure");
      expect(text).toContain("demandez à votre structure comment faire, et gardez ce code.");
    },
    PDF_TIMEOUT,
  );

  it(
    "carries on each page a QR code that reads back as that guest's signed code",
    async () => {
      const { qr } = await readPdf(await renderInvitationPdf(await loadInvitation(world.actors.admin, world.bookingId)));
      // Issue 32.1: the new code, which a door's device verifies with the public key alone.
      const keys = publishedKeys();
      await expect(Promise.all(qr.map((scanned) => verifyInvitationCode(scanned ?? "", { keys, venueIds: [world.venueX] })))).resolves.toEqual([
        expect.objectContaining({ valid: true, signed: true, number: world.number, position: 0, venueId: world.venueX }),
        expect.objectContaining({ valid: true, signed: true, number: world.number, position: 1, venueId: world.venueX }),
      ]);
    },
    PDF_TIMEOUT,
  );
});

describe("who may print the invitation", () => {
  it("lets the partner that booked, the venue it is for and the association print it", async () => {
    for (const actor of [world.actors.partnerA, world.actors.venueX, world.actors.admin]) {
      const data = await loadInvitation(actor, world.bookingId);
      expect(data.guests.map((guest) => guest.lastName)).toEqual(["Lefèvre", "Ndiaye"]);
    }
  });

  it("hides the booking from another structure and another venue", async () => {
    await expect(loadInvitation(world.actors.partnerB, world.bookingId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(loadInvitation(world.actors.venueY, world.bookingId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses visitors and anyone not signed in", async () => {
    await expect(loadInvitation(world.actors.visitorA, world.bookingId)).rejects.toMatchObject({ code: "ACCESS_DENIED" });
    await expect(loadInvitation(world.actors.anonymous, world.bookingId)).rejects.toMatchObject({ code: "ACCESS_DENIED" });
  });

  it("answers not found for an id that is not a booking's", async () => {
    await expect(loadInvitation(world.actors.admin, "not-a-uuid")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(loadInvitation(world.actors.admin, "01890000-0000-7000-8000-000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("has no invitation for a cancelled or a waitlisted booking", async () => {
    for (const [status, words] of [
      ["CANCELLED", "annulée"],
      ["WAITLISTED", "liste d'attente"],
    ] as const) {
      const booking = await bookingWithGuests(world.sessionId, world.partnerA, [["Zoé", "Lefèvre"]], status);
      const refusal = loadInvitation(world.actors.partnerA, booking.id);
      await expect(refusal).rejects.toMatchObject({ code: "INVITATION_NOT_AVAILABLE" });
      await expect(refusal).rejects.toThrow(words);
    }
  });

  it.each(invitationCases)("matrix case: $name", async ({ call, allowed }) => {
    for (const [name, actor] of Object.entries(world.actors)) {
      const outcome = call(actor, world);
      if (allowed.includes(name as (typeof allowed)[number])) await expect(outcome).resolves.toBeDefined();
      else await expect(outcome).rejects.toMatchObject({ code: expect.stringMatching(/^(ACCESS_DENIED|NOT_FOUND)$/) });
    }
  });
});
