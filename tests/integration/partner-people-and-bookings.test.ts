// A structure's people and its bookings: each structure sees only its own; deleting a person takes
// them off the list while their bookings keep the names; "Mes réservations" shows the live waitlist
// position; attendance and feedback come after the session.
import type { Actor } from "@/lib/auth/actor";
import { cancelBooking } from "@/lib/booking/cancel";
import { requestBooking } from "@/lib/booking/request";
import { getPrisma } from "@/lib/db/client";
import { AccessDeniedError, NotFoundError, RuleViolation } from "@/lib/errors";
import { InvalidInput } from "@/lib/validation";
import { getPartnerBooking, listPartnerBookings, recordAttendance } from "@/lib/partner/bookings";
import { listNotifications, markNotificationsRead } from "@/lib/partner/notifications";
import { archivePerson, createPerson, getPerson, listPeople, updatePerson } from "@/lib/people/people";
import { partnerActor } from "../factories/actors";
import { createPartner, createSession, insertBooking } from "../factories";

let mine: { id: string; actor: Actor };
let theirs: { id: string; actor: Actor };

beforeEach(async () => {
  const a = await createPartner();
  const b = await createPartner();
  mine = { id: a.id, actor: await partnerActor(a.id) };
  theirs = { id: b.id, actor: await partnerActor(b.id) };
});

describe("the structure's people", () => {
  it("adds, finds as you type, edits and deletes a person", async () => {
    const zoe = await createPerson(mine.actor, { partnerId: mine.id, firstName: " Zoé ", lastName: "Lefèvre" });
    await createPerson(mine.actor, { partnerId: mine.id, firstName: "Jérôme", lastName: "Ndiaye", notes: "Vient avec sa sœur" });
    expect((await listPeople(mine.actor, mine.id, { q: "zoé" })).people.map((p) => p.firstName)).toEqual(["Zoé"]);
    expect((await listPeople(mine.actor, mine.id, { q: "ndi jér" })).people.map((p) => p.lastName)).toEqual(["Ndiaye"]);
    expect((await listPeople(mine.actor, mine.id)).people.map((p) => p.lastName)).toEqual(["Lefèvre", "Ndiaye"]);

    await updatePerson(mine.actor, { personId: zoe.id, firstName: "Zoé", lastName: "Lefèvre-Martin" });
    expect((await getPerson(mine.actor, zoe.id)).lastName).toBe("Lefèvre-Martin");

    await archivePerson(mine.actor, { personId: zoe.id });
    expect((await listPeople(mine.actor, mine.id)).people.map((p) => p.lastName)).toEqual(["Ndiaye"]);
    await expect(getPerson(mine.actor, zoe.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses a nameless person with a field error", async () => {
    await expect(createPerson(mine.actor, { partnerId: mine.id, firstName: "", lastName: "X" })).rejects.toMatchObject({
      fieldErrors: { firstName: ["validation.required"] },
    });
    await expect(createPerson(mine.actor, { partnerId: mine.id })).rejects.toBeInstanceOf(InvalidInput);
  });

  it("keeps each structure's people to itself, changing nothing", async () => {
    const zoe = await createPerson(mine.actor, { partnerId: mine.id, firstName: "Zoé", lastName: "Lefèvre" });
    await expect(listPeople(theirs.actor, mine.id)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(createPerson(theirs.actor, { partnerId: mine.id, firstName: "A", lastName: "B" })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(getPerson(theirs.actor, zoe.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updatePerson(theirs.actor, { personId: zoe.id, firstName: "X", lastName: "Y" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(archivePerson(theirs.actor, { personId: zoe.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listPeople({ kind: "visitor", partnerId: mine.id }, mine.id)).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await getPrisma().person.findUniqueOrThrow({ where: { id: zoe.id } })).toMatchObject({ firstName: "Zoé", archivedAt: null });
  });

  it("shows a person's outings, and the booking keeps the name once the person is deleted", async () => {
    const zoe = await createPerson(mine.actor, { partnerId: mine.id, firstName: "Zoé", lastName: "Lefèvre" });
    const session = await createSession({ capacity: 5 });
    const result = await requestBooking(mine.actor, {
      sessionId: session.id,
      partnerId: mine.id,
      guests: [{ firstName: "Zoé", lastName: "Lefèvre", kind: "MAIN", personId: zoe.id }],
    });
    expect(result.outcome).toBe("CONFIRMED");
    expect((await getPerson(mine.actor, zoe.id)).outingList).toHaveLength(1);
    // The list counts each person's outings (for the page's people only: issue 14).
    await createPerson(mine.actor, { partnerId: mine.id, firstName: "Awa", lastName: "Diallo" });
    expect((await listPeople(mine.actor, mine.id)).people.map((p) => [p.lastName, p.outings])).toEqual([
      ["Diallo", 0],
      ["Lefèvre", 1],
    ]);
    await archivePerson(mine.actor, { personId: zoe.id });
    const { bookings } = await listPartnerBookings(mine.actor, mine.id);
    expect(bookings[0]!.guests[0]).toMatchObject({ firstName: "Zoé", lastName: "Lefèvre" });
  });
});

describe("Mes réservations", () => {
  it("sorts bookings into tabs and shows the waitlist position as it moves", async () => {
    const session = await createSession({ capacity: 1 });
    const other = await createPartner();
    const first = await insertBooking(session.id, other.id, { places: 1 });
    await insertBooking(session.id, other.id, { places: 1, status: "WAITLISTED" });
    const guest = [{ firstName: "Awa", lastName: "Diallo", kind: "MAIN" as const }];
    await requestBooking(mine.actor, { sessionId: session.id, partnerId: mine.id, guests: guest });

    // The rank counts bookings; the places ahead and the end of the wait are said too (issue 29.13).
    let page = await listPartnerBookings(mine.actor, mine.id, { tab: "attente" });
    expect(page.counts).toEqual({ "a-venir": 0, attente: 1, passees: 0, annulees: 0 });
    expect(page.bookings[0]).toMatchObject({ status: "WAITLISTED", position: 2, waiting: { position: 2, placesAhead: 1, until: session.startsAt } });

    await cancelBooking(await partnerActor(other.id), { bookingId: first.id });
    page = await listPartnerBookings(mine.actor, mine.id, { tab: "attente" });
    expect(page.bookings[0]).toMatchObject({ position: 1, waiting: { placesAhead: 0 } });
    expect((await getPartnerBooking(mine.actor, page.bookings[0]!.id)).waiting).toEqual({ position: 1, placesAhead: 0, until: session.startsAt });
    await expect(listPartnerBookings(theirs.actor, mine.id)).rejects.toBeInstanceOf(AccessDeniedError);
  });

  it("counts each tab in one pass: upcoming, waiting, past and cancelled, split at the given instant", async () => {
    const structure = await createPartner();
    const actor = await partnerActor(structure.id);
    const now = new Date("2027-01-15T12:00:00Z");
    const past = await createSession({ capacity: 5, startsAt: new Date("2027-01-10T19:00:00Z") });
    const coming = await createSession({ capacity: 5, startsAt: new Date("2027-01-20T19:00:00Z") });
    await insertBooking(past.id, structure.id, { places: 1 });
    await insertBooking(past.id, structure.id, { places: 2 });
    await insertBooking(coming.id, structure.id, { places: 1 });
    await insertBooking(coming.id, structure.id, { places: 1, status: "WAITLISTED" });
    await insertBooking(coming.id, structure.id, { places: 1, status: "CANCELLED", cancelledAt: now, cancelReason: "PARTNER" });
    const page = await listPartnerBookings(actor, structure.id, { tab: "passees", now });
    expect(page.counts).toEqual({ "a-venir": 1, attente: 1, passees: 2, annulees: 1 });
    expect(page.total).toBe(2);
  });

  it("lists each tab in its sessions' order, following a session moved to another date (the start copied onto the booking)", async () => {
    const structure = await createPartner();
    const actor = await partnerActor(structure.id);
    const now = new Date("2027-01-15T12:00:00Z");
    const early = await createSession({ capacity: 5, startsAt: new Date("2027-01-20T19:00:00Z") });
    const late = await createSession({ capacity: 5, startsAt: new Date("2027-02-20T19:00:00Z") });
    const older = await createSession({ capacity: 5, startsAt: new Date("2027-01-02T19:00:00Z") });
    const newer = await createSession({ capacity: 5, startsAt: new Date("2027-01-12T19:00:00Z") });
    const onLate = await insertBooking(late.id, structure.id, { places: 1 });
    const onEarly = await insertBooking(early.id, structure.id, { places: 1 });
    const onOlder = await insertBooking(older.id, structure.id, { places: 1 });
    const onNewer = await insertBooking(newer.id, structure.id, { places: 1 });
    const ids = async (tab: "a-venir" | "passees") => (await listPartnerBookings(actor, structure.id, { tab, now })).bookings.map((booking) => booking.id);

    expect(await ids("a-venir")).toEqual([onEarly.id, onLate.id]);
    expect(await ids("passees")).toEqual([onNewer.id, onOlder.id]);

    // The venue moves the early session after the late one, and the late one into the past.
    const prisma = getPrisma();
    await prisma.session.update({ where: { id: early.id }, data: { startsAt: new Date("2027-03-01T19:00:00Z") } });
    await prisma.session.update({ where: { id: late.id }, data: { startsAt: new Date("2027-01-13T19:00:00Z") } });
    expect(await ids("a-venir")).toEqual([onEarly.id]);
    expect(await ids("passees")).toEqual([onLate.id, onNewer.id, onOlder.id]);
    const page = await listPartnerBookings(actor, structure.id, { tab: "passees", now });
    expect(page.counts).toMatchObject({ "a-venir": 1, passees: 3 });
    expect(page.bookings[0]!.startsAt).toEqual(new Date("2027-01-13T19:00:00Z"));

    // The copy is the database's: whatever the app writes there, the session's start wins.
    await prisma.booking.update({ where: { id: onOlder.id }, data: { sessionStartsAt: new Date("2030-01-01T00:00:00Z") } });
    const kept = await prisma.booking.findUniqueOrThrow({ where: { id: onOlder.id }, select: { sessionStartsAt: true } });
    expect(kept.sessionStartsAt).toEqual(new Date("2027-01-02T19:00:00Z"));
  });

  it("records attendance and feedback after the session, not before, and only for the structure", async () => {
    const session = await createSession({ capacity: 5, startsAt: new Date(Date.now() + 86_400_000) });
    const booking = await insertBooking(session.id, mine.id, { places: 2 });
    const input = { bookingId: booking.id, attended: [0], absent: [1], mood: "LOVED", comment: "Très beau spectacle" };
    await expect(recordAttendance(mine.actor, input)).rejects.toBeInstanceOf(RuleViolation);
    const later = { now: new Date(Date.now() + 2 * 86_400_000) };
    await expect(recordAttendance(theirs.actor, input, later)).rejects.toBeInstanceOf(NotFoundError);
    await recordAttendance(mine.actor, input, later);
    const guests = await getPrisma().bookingGuest.findMany({ where: { bookingId: booking.id }, orderBy: { position: "asc" } });
    expect(guests.map((g) => g.attendance)).toEqual(["ATTENDED", "NO_SHOW"]);
    expect(await getPrisma().bookingFeedback.findUnique({ where: { bookingId: booking.id } })).toMatchObject({ mood: "LOVED" });
  });

  it("notifies the structure when a waiting booking is confirmed, and marks news as read", async () => {
    const session = await createSession({ capacity: 1 });
    const other = await createPartner();
    const first = await insertBooking(session.id, other.id, { places: 1 });
    await requestBooking(mine.actor, { sessionId: session.id, partnerId: mine.id, guests: [{ firstName: "Awa", lastName: "Diallo", kind: "MAIN" }] });
    await cancelBooking(await partnerActor(other.id), { bookingId: first.id });
    const news = await listNotifications(mine.actor, mine.id);
    expect(news).toMatchObject([{ type: "BOOKING_PROMOTED", read: false, eventTitle: "Spectacle" }]);
    expect(await markNotificationsRead(mine.actor, { partnerId: mine.id })).toBe(1);
    expect((await listNotifications(mine.actor, mine.id))[0]!.read).toBe(true);
    await expect(listNotifications(theirs.actor, mine.id)).rejects.toBeInstanceOf(AccessDeniedError);
  });
});
