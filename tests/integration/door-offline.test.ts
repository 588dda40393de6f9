// Issue 32.2–32.3: the door's snapshot (the day's sessions of a venue, its guests, a revocation list) and
// the arrivals marked offline, sent later: the server decides (the first arrival stands, a second device
// is told when and that it was another device), a booking cancelled after the snapshot is reported, and
// the door list says who was let in on an old snapshot.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/client";
import { getGuestList } from "@/lib/venue/guest-list";
import { markArrived } from "@/lib/venue/door";
import { doorSnapshot } from "@/lib/venue/door-snapshot";
import { syncArrivals } from "@/lib/venue/door-sync";
import { verifyInvitationCode } from "@/lib/invitation/verify";
import { encodeInvitationCode } from "@/lib/invitation/code";
import { venueActor } from "../factories/actors";
import { createEvent, createPartner, createSession, createVenue, insertBooking } from "../factories";

// 18:00 in Paris on the evening of the sessions.
const NOW = new Date("2027-05-20T16:00:00Z");
const LATER = new Date("2027-05-20T19:30:00Z");
let venueId: string;
let manager: Actor;

beforeAll(async () => {
  venueId = (await createVenue({ name: "Théâtre des Lilas" })).id;
  manager = await venueActor(venueId);
});

async function evening() {
  const event = await createEvent({ venueId, title: "Concert" });
  const session = await createSession({ eventId: event.id, startsAt: new Date("2027-05-20T18:30:00Z"), capacity: 10 });
  const tomorrow = await createSession({ eventId: event.id, startsAt: new Date("2027-05-21T18:30:00Z"), capacity: 10 });
  const partner = await createPartner({ name: "CHRS L'Escale" });
  const group = await insertBooking(session.id, partner.id, { places: 3 });
  const cancelled = await insertBooking(session.id, partner.id, {
    places: 1,
    status: "CANCELLED",
    cancelledAt: new Date("2027-05-20T10:00:00Z"),
    cancelReason: "PARTNER",
  });
  const later = await insertBooking(tomorrow.id, partner.id, { places: 1 });
  return { event, session, tomorrow, partner, group, cancelled, later };
}

const mark = (number: string, position: number, at = new Date("2027-05-20T18:20:00Z")) => ({ id: randomUUID(), number, position, at: at.toISOString() });

describe("the door's snapshot", () => {
  it("holds the day's sessions of the venue only, their guests, the revoked invitations and its own time", async () => {
    const { session, group, cancelled, later } = await evening();
    await getPrisma().bookingGuest.update({ where: { bookingId_position: { bookingId: group.id, position: 2 } }, data: { cancelledAt: NOW } });
    const snapshot = await doorSnapshot(manager, { venueId }, { now: NOW });
    expect(snapshot.takenAt).toEqual(NOW);
    expect(snapshot.day).toBe("2027-05-20");
    expect(snapshot.sessions.map((s) => s.id)).toContain(session.id);
    const numbers = snapshot.bookings.map((b) => b.number);
    expect(numbers).toContain(group.number);
    expect(numbers).not.toContain(later.number);
    expect(snapshot.bookings.find((b) => b.number === group.number)!.guests.map((g) => g.position)).toEqual([0, 1]);
    expect(snapshot.revoked).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ number: cancelled.number, position: null, reason: "CANCELLED" }),
        expect.objectContaining({ number: group.number, position: 2, reason: "WITHDRAWN" }),
      ]),
    );
    // The device verifies the day's codes with the keys it was given.
    const code = encodeInvitationCode({ number: group.number, position: 0, venueId, startsAt: session.startsAt });
    await expect(verifyInvitationCode(code, { keys: snapshot.keys, venueIds: [snapshot.venueId], day: snapshot.day })).resolves.toMatchObject({ valid: true });
  });

  it("is refused to anyone who does not manage the venue", async () => {
    const stranger = await venueActor((await createVenue()).id);
    await expect(doorSnapshot(stranger, { venueId }, { now: NOW })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(doorSnapshot(manager, { venueId: "pas-un-id" }, { now: NOW })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("arrivals marked offline, sent later", () => {
  it("records them once, however many times they are sent", async () => {
    const { group } = await evening();
    const marks = [0, 1, 2].map((position) => mark(group.number, position));
    const first = await syncArrivals(manager, { venueId, deviceId: "appareil-a", snapshotAt: NOW.toISOString(), marks }, { now: LATER });
    expect(first.results.map((r) => r.outcome)).toEqual(["RECORDED", "RECORDED", "RECORDED"]);
    const again = await syncArrivals(manager, { venueId, deviceId: "appareil-a", snapshotAt: NOW.toISOString(), marks }, { now: LATER });
    expect(again.results.map((r) => r.outcome)).toEqual(["RECORDED", "RECORDED", "RECORDED"]);
    const guests = await getPrisma().bookingGuest.findMany({ where: { bookingId: group.id }, orderBy: { position: "asc" } });
    expect(guests.map((g) => [g.checkedInAt, g.attendance, g.checkedInDevice])).toEqual(
      [0, 1, 2].map(() => [new Date("2027-05-20T18:20:00Z"), "ATTENDED", "appareil-a"]),
    );
    expect(await getPrisma().doorMark.count({ where: { guest: { bookingId: group.id } } })).toBe(3);
    const audits = await getPrisma().auditLog.count({ where: { entityId: group.id, action: "booking.checked_in" } });
    expect(audits).toBe(1);
  });

  it("lets the first arrival stand and tells the second device when, and that it was another device", async () => {
    const { group } = await evening();
    await syncArrivals(
      manager,
      { venueId, deviceId: "appareil-a", snapshotAt: NOW.toISOString(), marks: [mark(group.number, 0, new Date("2027-05-20T17:54:00Z"))] },
      { now: LATER },
    );
    const second = await syncArrivals(
      manager,
      { venueId, deviceId: "appareil-b", snapshotAt: NOW.toISOString(), marks: [mark(group.number, 0, new Date("2027-05-20T17:58:00Z"))] },
      { now: LATER },
    );
    expect(second.results[0]).toMatchObject({ outcome: "ALREADY_IN", arrivedAt: new Date("2027-05-20T17:54:00Z"), otherDevice: true });
    // Marked on the server's own page: another device too.
    await markArrived(manager, { bookingId: group.id, positions: [1] }, { now: NOW });
    const third = await syncArrivals(
      manager,
      { venueId, deviceId: "appareil-b", snapshotAt: NOW.toISOString(), marks: [mark(group.number, 1)] },
      { now: LATER },
    );
    expect(third.results[0]).toMatchObject({ outcome: "ALREADY_IN", arrivedAt: NOW, otherDevice: true });
  });

  it("gives one arrival to two devices sending the same guest at once, and to a guest marked twice in one batch", async () => {
    const { group } = await evening();
    const answers = await Promise.all(
      ["appareil-a", "appareil-b"].map((deviceId) =>
        syncArrivals(manager, { venueId, deviceId, snapshotAt: NOW.toISOString(), marks: [mark(group.number, 0)] }, { now: LATER }),
      ),
    );
    expect(answers.map((a) => a.results[0]!.outcome).sort()).toEqual(["ALREADY_IN", "RECORDED"]);
    expect(answers.find((a) => a.results[0]!.outcome === "ALREADY_IN")!.results[0]).toMatchObject({ otherDevice: true });
    const twice = await syncArrivals(
      manager,
      { venueId, deviceId: "appareil-a", snapshotAt: NOW.toISOString(), marks: [mark(group.number, 1), mark(group.number, 1)] },
      { now: LATER },
    );
    expect(twice.results).toMatchObject([{ outcome: "RECORDED" }, { outcome: "ALREADY_IN", otherDevice: false }]);
  });

  it("reports a booking cancelled after the snapshot, and the door list says who was let in on the old one", async () => {
    const { session, group, cancelled } = await evening();
    const snapshot = await doorSnapshot(manager, { venueId }, { now: NOW });
    await getPrisma().booking.update({
      where: { id: group.id },
      data: { status: "CANCELLED", cancelledAt: new Date("2027-05-20T17:00:00Z"), cancelReason: "PARTNER" },
    });
    const sync = await syncArrivals(
      manager,
      { venueId, deviceId: "appareil-a", snapshotAt: snapshot.takenAt.toISOString(), marks: [mark(group.number, 0), mark(cancelled.number, 0)] },
      { now: LATER },
    );
    expect(sync.results.map((r) => [r.outcome, r.cancelledAfterSnapshot])).toEqual([
      ["CANCELLED", true],
      ["CANCELLED", false],
    ]);
    // The revocations since the snapshot come back with the answer, for the device's list.
    expect(sync.revokedSince).toEqual([expect.objectContaining({ number: group.number, position: null, reason: "CANCELLED" })]);
    const list = await getGuestList(manager, session.id, { now: LATER });
    expect(list.letInOnOldList).toHaveLength(2);
    expect(list.letInOnOldList).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ number: group.number, firstName: "Prénom0", snapshotAt: snapshot.takenAt, markedAt: new Date("2027-05-20T18:20:00Z") }),
        expect.objectContaining({ number: cancelled.number, firstName: "Prénom0" }),
      ]),
    );
  });

  it("refuses arrivals of another day and numbers of another venue, without saying more", async () => {
    const { later } = await evening();
    const otherVenue = await createVenue();
    const elsewhere = await insertBooking(
      (await createSession({ eventId: (await createEvent({ venueId: otherVenue.id })).id, startsAt: new Date("2027-05-20T18:30:00Z") })).id,
      (await createPartner()).id,
    );
    const sync = await syncArrivals(
      manager,
      { venueId, deviceId: "appareil-a", snapshotAt: NOW.toISOString(), marks: [mark(later.number, 0), mark(elsewhere.number, 0), mark("ZZZZZZZZ", 0)] },
      { now: LATER },
    );
    expect(sync.results.map((r) => r.outcome)).toEqual(["REFUSED", "UNKNOWN", "UNKNOWN"]);
    expect((await getPrisma().bookingGuest.findFirstOrThrow({ where: { bookingId: elsewhere.id } })).checkedInAt).toBeNull();
  });

  it("turns malformed input into a domain error", async () => {
    await expect(syncArrivals(manager, { venueId, deviceId: "", snapshotAt: "hier", marks: [] }, { now: LATER })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });
});
