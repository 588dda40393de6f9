// Who arrived and who came. On the evening, the venue ticks arrivals on its guest list (the door's own
// rule, lib/venue/door.ts) and may take a mistaken tick back; the printed list and the spreadsheet have
// an "Arrivé" column to tick by hand. After the outing, the partner says who came: a guest nobody
// answered for stays unknown, never "venu" nor "absent" by default.
import type { Actor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { recordAttendance } from "@/lib/partner/bookings";
import { undoArrival } from "@/lib/venue/arrivals";
import { checkInvitation, markArrived } from "@/lib/venue/door";
import { getGuestList, guestListCsv } from "@/lib/venue/guest-list";
import { partnerActor, venueActor } from "../factories/actors";
import { createEvent, createPartner, createSession, createVenue, insertBooking } from "../factories";
import { readPdf } from "../support/read-pdf";

// Rendering a PDF and reading it back (a child process) takes seconds on a busy 2-core machine.
const PDF_TIMEOUT = 30_000;

// The list is ticked on the session's day, in Paris: the clock is fixed for these tests.
const NOW = { now: new Date("2027-05-20T16:00:00Z") }; // 18:00 in Paris
const STARTS_AT = new Date("2027-05-20T18:30:00Z");

let manager: Actor;
let sessionId: string;
let partnerId: string;

beforeEach(async () => {
  const venue = await createVenue({ name: "Théâtre des Lilas" });
  manager = await venueActor(venue.id);
  const event = await createEvent({ venueId: venue.id, title: "Concert" });
  sessionId = (await createSession({ eventId: event.id, startsAt: STARTS_AT, capacity: 10 })).id;
  partnerId = (await createPartner({ name: "CHRS L'Escale", phone: "04 78 00 00 00" })).id;
});

const attendance = async (bookingId: string) =>
  (await getPrisma().bookingGuest.findMany({ where: { bookingId }, orderBy: { position: "asc" }, select: { attendance: true, checkedInAt: true } })).map(
    (g) => ({
      attendance: g.attendance,
      arrived: g.checkedInAt !== null,
    }),
  );

describe("ticking arrivals on the guest list", () => {
  it("marks one guest with one tap, shown on the list; a mistaken tick is taken back, audited", async () => {
    const booking = await insertBooking(sessionId, partnerId, { places: 2 });
    await expect(markArrived(manager, { bookingId: booking.id, positions: [1] }, NOW)).resolves.toEqual({ marked: 1 });
    const list = await getGuestList(manager, sessionId);
    expect(list.guests.map((g) => [g.position, g.checkedInAt !== null])).toEqual([
      [0, false],
      [1, true],
    ]);

    await expect(undoArrival(manager, { bookingId: booking.id, position: 1 }, NOW)).resolves.toEqual({ undone: 1 });
    expect(await attendance(booking.id)).toEqual([
      { attendance: null, arrived: false },
      { attendance: null, arrived: false },
    ]);
    // The invitation checks as unused again at the door.
    await expect(checkInvitation(manager, { number: booking.number }, NOW)).resolves.toMatchObject({ result: "VALID" });
    // Taking back a tick that is not there changes nothing, and writes nothing.
    await expect(undoArrival(manager, { bookingId: booking.id, position: 0 }, NOW)).resolves.toEqual({ undone: 0 });
    const entries = await getPrisma().auditLog.findMany({ where: { entityId: booking.id }, orderBy: { id: "asc" }, select: { action: true, after: true } });
    expect(entries).toEqual([
      { action: "booking.checked_in", after: { positions: [1] } },
      { action: "booking.check_in_undone", after: { positions: [1] } },
    ]);
  });

  it("takes a tick back only on the session's day, for a confirmed booking of the venue", async () => {
    const booking = await insertBooking(sessionId, partnerId, { places: 1 });
    await markArrived(manager, { bookingId: booking.id, positions: [0] }, NOW);
    await expect(undoArrival(manager, { bookingId: booking.id, position: 0 }, { now: new Date("2027-05-21T16:00:00Z") })).rejects.toMatchObject({
      code: "OTHER_DAY",
    });
    await expect(undoArrival(await venueActor((await createVenue()).id), { bookingId: booking.id, position: 0 }, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(undoArrival(await partnerActor(partnerId), { bookingId: booking.id, position: 0 }, NOW)).rejects.toMatchObject({ code: "ACCESS_DENIED" });
    await expect(undoArrival(manager, { bookingId: booking.id, position: "x" }, NOW)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const waiting = await insertBooking(sessionId, partnerId, { places: 1, status: "WAITLISTED" });
    await expect(undoArrival(manager, { bookingId: waiting.id, position: 0 }, NOW)).rejects.toMatchObject({ code: "NOT_CONFIRMED" });
    expect(await attendance(booking.id)).toEqual([{ attendance: "ATTENDED", arrived: true }]);
  });
});

describe("the list on paper and in a spreadsheet", () => {
  it("has an 'Arrivé' column: an empty box to tick by hand, crossed for those already arrived", async () => {
    const booking = await insertBooking(sessionId, partnerId, { places: 2 });
    await markArrived(manager, { bookingId: booking.id, positions: [0] }, NOW);
    const { renderGuestListPdf } = await import("@/lib/pdf/guest-list");
    const pdf = await readPdf(await renderGuestListPdf(await getGuestList(manager, sessionId)));
    const lines = pdf.pages[0]!.split("\n").map((line) => line.trim());
    expect(lines.find((line) => line.includes("Réservation"))).toMatch(/^Arrivé\s+Nom\s+Réservation/);
    // The boxes are drawn; the one of a guest already arrived is crossed.
    expect(lines.find((line) => line.includes("Prénom0"))).toMatch(/^×\s+Nom Prénom0/);
    expect(lines.find((line) => line.includes("Prénom1"))).toMatch(/^Nom Prénom1/);

    const { csv } = await guestListCsv(manager, sessionId);
    const [header, ...rows] = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(header!.split(";").at(-1)).toBe("Arrivé");
    expect(rows.map((row) => row.split(";").at(-1))).toEqual(["oui", ""]);
  }, 30_000); // the PDF library loads on first use
});

describe("attendance after the outing, as the partner says", () => {
  it(
    "records who came and who did not, and leaves a guest nobody answered for unknown",
    async () => {
      const booking = await insertBooking(sessionId, partnerId, { places: 3 });
      const partner = await partnerActor(partnerId);
      const after = { now: new Date("2027-05-21T09:00:00Z") };
      await recordAttendance(partner, { bookingId: booking.id, attended: [0], absent: [2] }, after);
      expect((await attendance(booking.id)).map((g) => g.attendance)).toEqual(["ATTENDED", null, "NO_SHOW"]);
      // Nothing said this time: what was said stays.
      await recordAttendance(partner, { bookingId: booking.id, attended: [], absent: [] }, after);
      expect((await attendance(booking.id)).map((g) => g.attendance)).toEqual(["ATTENDED", null, "NO_SHOW"]);
      // A guest both came and did not: refused.
      await expect(recordAttendance(partner, { bookingId: booking.id, attended: [1], absent: [1] }, after)).rejects.toMatchObject({ code: "INVALID_INPUT" });
      // Every change of a booking is in the audit log (DESIGN.md): who said it, when, which places; an
      // answer that changes nothing writes nothing, and the partner's comment stays out.
      await recordAttendance(partner, { bookingId: booking.id, attended: [1], mood: "LOVED", comment: "Awa a adoré" }, after);
      const entries = await getPrisma().auditLog.findMany({
        where: { entityId: booking.id },
        orderBy: { id: "asc" },
        select: { action: true, actorKind: true, at: true, after: true },
      });
      expect(entries).toEqual([
        { action: "booking.attendance_recorded", actorKind: "partner", at: after.now, after: { attended: [0], absent: [2] } },
        { action: "booking.attendance_recorded", actorKind: "partner", at: after.now, after: { attended: [1], absent: [], mood: "LOVED" } },
      ]);
    },
    PDF_TIMEOUT,
  );

  it("keeps an arrival ticked at the door when the partner gives no answer for that guest", async () => {
    const booking = await insertBooking(sessionId, partnerId, { places: 2 });
    await markArrived(manager, { bookingId: booking.id, positions: [1] }, NOW);
    await recordAttendance(await partnerActor(partnerId), { bookingId: booking.id, attended: [], absent: [0] }, { now: new Date("2027-05-21T09:00:00Z") });
    expect((await attendance(booking.id)).map((g) => g.attendance)).toEqual(["NO_SHOW", "ATTENDED"]);
  });
});
