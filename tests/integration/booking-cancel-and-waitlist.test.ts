// Rules 3 and 4 of lib/booking: a cancellation frees its places, and in the same transaction the
// waitlist moves up, first come first served, skipping what does not fit places or quota.
import { cancelBooking } from "@/lib/booking/cancel";
import { endQuotaExceptionOnTime, grantQuotaException, revokeQuotaException, setQuotaRule } from "@/lib/booking/quota";
import { requestBooking } from "@/lib/booking/request";
import { getPrisma } from "@/lib/db/client";
import { adminActor, venueActor } from "../factories/actors";
import { anotherSession, bookingsInOrder, partners, request, sessionCounters, stage } from "../factories/booking";
import { inDays, midMonth } from "../support/clock";
import { waitingJobs } from "../support/jobs";

const idOf = (result: Awaited<ReturnType<typeof requestBooking>>) => {
  if (result.outcome === "CONFIRMED") return result.confirmed.id;
  if (result.outcome === "WAITLISTED") return result.waitlisted.id;
  throw new Error(`unexpected ${result.outcome}`);
};

describe("rule 4: cancelling frees the places and voids the invitation", () => {
  it("cancels with who and why, and frees the places", async () => {
    const { sessionId } = await stage({ capacity: 4 });
    const [partner] = await partners(1);
    const id = idOf(await requestBooking(partner!.actor, request(sessionId, partner!.id, 3)));
    const result = await cancelBooking(partner!.actor, { bookingId: id, note: "Rendez-vous médical" });

    expect(result).toMatchObject({ bookingId: id, placesReleased: 3, promoted: [] });
    const booking = await getPrisma().booking.findUniqueOrThrow({ where: { id } });
    expect(booking).toMatchObject({ status: "CANCELLED", cancelReason: "PARTNER", cancelNote: "Rendez-vous médical" });
    expect(booking.cancelledById).toBe(partner!.actor.kind === "user" ? partner!.actor.userId : null);
    expect(await sessionCounters(sessionId)).toMatchObject({ confirmedPlaces: 0 });
    await expect(cancelBooking(partner!.actor, { bookingId: id })).rejects.toMatchObject({ code: "ALREADY_CANCELLED" });
  });

  it("lets the venue and the association cancel too, and tells the partner", async () => {
    const { venueId, sessionId } = await stage({ capacity: 4 });
    const [partner] = await partners(1);
    const first = idOf(await requestBooking(partner!.actor, request(sessionId, partner!.id, 1)));
    const second = idOf(await requestBooking(partner!.actor, request(sessionId, partner!.id, 1)));

    await cancelBooking(await venueActor(venueId), { bookingId: first, note: "La personne a appelé" });
    await cancelBooking(await adminActor(), { bookingId: second });
    const reasons = await getPrisma().booking.findMany({ where: { id: { in: [first, second] } }, select: { id: true, cancelReason: true } });
    expect(Object.fromEntries(reasons.map((r) => [r.id, r.cancelReason]))).toEqual({ [first]: "VENUE", [second]: "ASSOCIATION" });
    expect(await getPrisma().notification.count({ where: { partnerId: partner!.id, type: "BOOKING_CANCELLED" } })).toBe(2);
  });

  it("hides another structure's booking, and refuses a venue that is not the session's", async () => {
    const { sessionId } = await stage();
    const other = await stage();
    const [mine, theirs] = await partners(2);
    const id = idOf(await requestBooking(mine!.actor, request(sessionId, mine!.id, 1)));
    await expect(cancelBooking(theirs!.actor, { bookingId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(cancelBooking(await venueActor(other.venueId), { bookingId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(cancelBooking({ kind: "visitor", partnerId: mine!.id }, { bookingId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getPrisma().booking.findUniqueOrThrow({ where: { id } })).status).toBe("CONFIRMED");
  });

  it("refuses to cancel once the session has started", async () => {
    const { sessionId } = await stage();
    const [partner] = await partners(1);
    const id = idOf(await requestBooking(partner!.actor, request(sessionId, partner!.id, 1)));
    const { startsAt } = await getPrisma().session.findUniqueOrThrow({ where: { id: sessionId } });
    await expect(cancelBooking(partner!.actor, { bookingId: id }, { now: startsAt })).rejects.toMatchObject({ code: "SESSION_STARTED" });
  });
});

describe("rule 3: the waitlist moves up at once when places are released", () => {
  it("promotes first come first served, skipping a booking too large for the freed places", async () => {
    const { sessionId } = await stage({ capacity: 3 });
    const [a, b, c, d, e] = await partners(5);
    const held = idOf(await requestBooking(a!.actor, request(sessionId, a!.id, 2)));
    await requestBooking(e!.actor, request(sessionId, e!.id, 1));
    const big = idOf(await requestBooking(b!.actor, request(sessionId, b!.id, 3)));
    const small = idOf(await requestBooking(c!.actor, request(sessionId, c!.id, 2)));
    const later = idOf(await requestBooking(d!.actor, request(sessionId, d!.id, 1)));

    // Two places free up: the 3-place booking first in line does not fit, the 2-place one behind it
    // does and takes them, so the 1-place one after finds none left.
    const result = await cancelBooking(a!.actor, { bookingId: held });
    expect(result.promoted.map((p) => p.bookingId)).toEqual([small]);
    const statuses = Object.fromEntries((await bookingsInOrder(sessionId)).map((x) => [x.id, x.status]));
    expect([statuses[big], statuses[small], statuses[later]]).toEqual(["WAITLISTED", "CONFIRMED", "WAITLISTED"]);
    expect(await sessionCounters(sessionId)).toMatchObject({ confirmedPlaces: 3, waitlistedPlaces: 4 });
  });

  it("does not move anything when a waitlisted booking is cancelled", async () => {
    const { sessionId } = await stage({ capacity: 1 });
    const [a, b, c] = await partners(3);
    await requestBooking(a!.actor, request(sessionId, a!.id, 1));
    const first = idOf(await requestBooking(b!.actor, request(sessionId, b!.id, 1)));
    await requestBooking(c!.actor, request(sessionId, c!.id, 1));
    expect(await cancelBooking(b!.actor, { bookingId: first })).toMatchObject({ placesReleased: 0, promoted: [] });
    expect(await sessionCounters(sessionId)).toMatchObject({ confirmedPlaces: 1, waitlistedPlaces: 1 });
  });

  it("skips a waiting booking that fits the places but not its partner's quota, and tries the next", async () => {
    const { sessionId } = await stage({ capacity: 4, quota: { period: "SESSION", maxPlaces: 2 } });
    const [a, b] = await partners(2);
    const aHeld = idOf(await requestBooking(a!.actor, request(sessionId, a!.id, 2)));
    const bHeld = idOf(await requestBooking(b!.actor, request(sessionId, b!.id, 2)));
    const aWaits = idOf(await requestBooking(a!.actor, request(sessionId, a!.id, 1))); // quota reached
    const bWaits = idOf(await requestBooking(b!.actor, request(sessionId, b!.id, 1))); // quota reached
    expect((await sessionCounters(sessionId)).confirmedPlaces).toBe(4);

    // b frees two places: a's waiting booking is first but a is at its quota; b's own is next and fits.
    const result = await cancelBooking(b!.actor, { bookingId: bHeld });
    expect(result.promoted.map((p) => p.bookingId)).toEqual([bWaits]);
    expect((await getPrisma().booking.findUniqueOrThrow({ where: { id: aWaits } })).status).toBe("WAITLISTED");
    expect((await getPrisma().booking.findUniqueOrThrow({ where: { id: aHeld } })).status).toBe("CONFIRMED");
  });

  it("records each promotion, tells the partner, and audits it", async () => {
    const { sessionId } = await stage({ capacity: 1 });
    const [a, b] = await partners(2);
    const held = idOf(await requestBooking(a!.actor, request(sessionId, a!.id, 1)));
    const waiting = idOf(await requestBooking(b!.actor, request(sessionId, b!.id, 1)));
    await cancelBooking(a!.actor, { bookingId: held });

    const promoted = await getPrisma().booking.findUniqueOrThrow({ where: { id: waiting } });
    expect(promoted.status).toBe("CONFIRMED");
    expect(promoted.promotedAt).not.toBeNull();
    expect(await getPrisma().notification.findMany({ where: { bookingId: waiting } })).toEqual([
      expect.objectContaining({ type: "BOOKING_PROMOTED", partnerId: b!.id }),
    ]);
    expect(await getPrisma().auditLog.count({ where: { entityId: waiting, action: "booking.promoted" } })).toBe(1);
  });

  it("moves up a partner's bookings on the venue's other sessions when a monthly quota is released", async () => {
    const { venueId, sessionId } = await stage({ capacity: 10, quota: { period: "MONTH", maxPlaces: 2 }, startsAt: midMonth(1) });
    const start = (await getPrisma().session.findUniqueOrThrow({ where: { id: sessionId } })).startsAt;
    const sameMonth = await anotherSession(venueId, { startsAt: new Date(start.getTime() + 7200_000) });
    const [partner] = await partners(1);
    const held = idOf(await requestBooking(partner!.actor, request(sessionId, partner!.id, 2)));
    const waiting = idOf(await requestBooking(partner!.actor, request(sameMonth, partner!.id, 2)));

    const result = await cancelBooking(partner!.actor, { bookingId: held });
    expect(result.promoted).toEqual([expect.objectContaining({ bookingId: waiting, sessionId: sameMonth })]);
  });

  it("moves up when the association grants an exception or the venue loosens its rule", async () => {
    const { venueId, sessionId } = await stage({ capacity: 10, quota: { period: "SESSION", maxPlaces: 1 } });
    const [a, b] = await partners(2);
    await requestBooking(a!.actor, request(sessionId, a!.id, 1));
    await requestBooking(b!.actor, request(sessionId, b!.id, 1));
    const aWaits = idOf(await requestBooking(a!.actor, request(sessionId, a!.id, 2)));
    const bWaits = idOf(await requestBooking(b!.actor, request(sessionId, b!.id, 2)));

    await expect(grantQuotaException(a!.actor, { venueId, partnerId: a!.id, maxPlaces: 3 })).rejects.toMatchObject({ code: "ACCESS_DENIED" });
    const granted = await grantQuotaException(await adminActor(), { venueId, partnerId: a!.id, maxPlaces: 3, reason: "Sortie de groupe" });
    expect(granted.promoted.map((p) => p.bookingId)).toEqual([aWaits]);

    const loosened = await setQuotaRule(await venueActor(venueId), { venueId, rule: { period: "SESSION", maxPlaces: 5, liftDaysBefore: null } });
    expect(loosened.promoted.map((p) => p.bookingId)).toEqual([bWaits]);
  });
});

describe("issue 26.5: an exception that ends loosens the quota, and the waitlist moves at once", () => {
  // The venue allows 3 places per structure and session; the association held structure A to 1. A holds
  // 1 and waits for 2 more; 3 places are free.
  async function heldToOne({ expiresAt }: { expiresAt?: Date } = {}) {
    const { venueId, sessionId } = await stage({ capacity: 4, quota: { period: "SESSION", maxPlaces: 3 } });
    const [a, b] = await partners(2);
    await grantQuotaException(await adminActor(), { venueId, partnerId: a!.id, maxPlaces: 1, reason: "Une place à la fois", expiresAt });
    await requestBooking(a!.actor, request(sessionId, a!.id, 1));
    const aWaits = await requestBooking(a!.actor, request(sessionId, a!.id, 2));
    expect(aWaits).toMatchObject({ outcome: "WAITLISTED", reason: "QUOTA_REACHED" });
    return { venueId, sessionId, a: a!, b: b!, aWaits: idOf(aWaits) };
  }

  it("revoking it moves A's waiting booking up before another structure takes the places", async () => {
    const { venueId, sessionId, a, b, aWaits } = await heldToOne();
    const revoked = await revokeQuotaException(await adminActor(), { venueId, partnerId: a.id, reason: "Fin de la mesure" });
    expect(revoked.promoted.map((p) => p.bookingId)).toEqual([aWaits]);
    expect(await requestBooking(b.actor, request(sessionId, b.id, 2, "NOTHING"))).toMatchObject({ outcome: "NOT_BOOKED", reason: "NO_PLACES" });
    expect(await getPrisma().notification.count({ where: { partnerId: a.id, type: "BOOKING_PROMOTED", bookingId: aWaits } })).toBe(1);
  });

  it("its end date is a job, at that time, that moves the waitlist up; revoking or granting it again without an end removes the job", async () => {
    const expiresAt = inDays(2);
    const { venueId, sessionId, a, aWaits } = await heldToOne({ expiresAt });
    const ends = (await waitingJobs()).filter((job) => job.task === "end-quota-exception" && job.payload.partnerId === a.id);
    expect(ends.map((job) => [job.runAt.toISOString(), job.payload.venueId])).toEqual([[expiresAt.toISOString(), venueId]]);

    // Too early: nothing moves. At its time: A's booking moves up. Again: nothing more.
    expect((await endQuotaExceptionOnTime(venueId, a.id, inDays(1))).promoted).toEqual([]);
    expect((await endQuotaExceptionOnTime(venueId, a.id, inDays(2.1))).promoted.map((p) => p.bookingId)).toEqual([aWaits]);
    expect((await endQuotaExceptionOnTime(venueId, a.id, inDays(2.2))).promoted).toEqual([]);
    expect((await bookingsInOrder(sessionId)).map((x) => x.status)).toEqual(["CONFIRMED", "CONFIRMED"]);

    await grantQuotaException(await adminActor(), { venueId, partnerId: a.id, maxPlaces: 1 });
    expect((await waitingJobs()).some((job) => job.task === "end-quota-exception" && job.payload.partnerId === a.id)).toBe(false);
    await grantQuotaException(await adminActor(), { venueId, partnerId: a.id, maxPlaces: 1, expiresAt: inDays(3) });
    await revokeQuotaException(await adminActor(), { venueId, partnerId: a.id });
    expect((await waitingJobs()).some((job) => job.task === "end-quota-exception" && job.payload.partnerId === a.id)).toBe(false);
  });

  it("past its end date, before its job has run, a request from another structure comes after A's waiting booking", async () => {
    const { sessionId, b, aWaits } = await heldToOne({ expiresAt: inDays(2) });
    const later = inDays(2.1);
    expect(await requestBooking(b.actor, request(sessionId, b.id, 2, "NOTHING"), { now: later })).toMatchObject({ outcome: "NOT_BOOKED", reason: "NO_PLACES" });
    expect((await getPrisma().booking.findUniqueOrThrow({ where: { id: aWaits } })).status).toBe("CONFIRMED");
  });
});
