// Rules 5 and 6 of lib/booking: a venue changes a session's invitations (never below what is confirmed),
// closes or cancels it; when bookings close, the waitlist expires.
import { cancelSession, changeCapacity, closeBookings } from "@/lib/booking/sessions";
import { closeSessionOnTime, liftQuotaOnTime } from "@/lib/booking/timed";
import { requestBooking } from "@/lib/booking/request";
import { getPrisma } from "@/lib/db/client";
import { adminActor, venueActor } from "../factories/actors";
import { bookingsInOrder, partners, request, sessionCounters, stage } from "../factories/booking";

describe("rule 5: changing a session", () => {
  it("refuses to lower the capacity below what is confirmed, with the figure", async () => {
    const { venueId, sessionId } = await stage({ capacity: 6 });
    const [partner] = await partners(1);
    await requestBooking(partner!.actor, request(sessionId, partner!.id, 4));
    const venue = await venueActor(venueId);

    await expect(changeCapacity(venue, { sessionId, capacity: 3 })).rejects.toMatchObject({ code: "CAPACITY_BELOW_CONFIRMED", params: { confirmed: 4 } });
    expect(await changeCapacity(venue, { sessionId, capacity: 4 })).toEqual({ capacity: 4, promoted: [] });
    expect(await sessionCounters(sessionId)).toMatchObject({ capacity: 4, confirmedPlaces: 4 });
  });

  it("moves the waitlist up when the capacity grows", async () => {
    const { venueId, sessionId } = await stage({ capacity: 2 });
    const [a, b] = await partners(2);
    await requestBooking(a!.actor, request(sessionId, a!.id, 2));
    await requestBooking(b!.actor, request(sessionId, b!.id, 2));
    const result = await changeCapacity(await venueActor(venueId), { sessionId, capacity: 5 });
    expect(result.promoted).toEqual([expect.objectContaining({ partnerId: b!.id, places: 2 })]);
    expect(await sessionCounters(sessionId)).toMatchObject({ capacity: 5, confirmedPlaces: 4, waitlistedPlaces: 0 });
  });

  it("is for the session's venue and the association only", async () => {
    const { venueId, sessionId } = await stage();
    const other = await stage();
    const [partner] = await partners(1);
    for (const actor of [await venueActor(other.venueId), partner!.actor, { kind: "anonymous" } as const]) {
      await expect(changeCapacity(actor, { sessionId, capacity: 50 })).rejects.toMatchObject({ code: "ACCESS_DENIED" });
    }
    await expect(changeCapacity(await adminActor(), { sessionId, capacity: 50 })).resolves.toMatchObject({ capacity: 50 });
    await expect(changeCapacity(await venueActor(venueId), { sessionId, capacity: -1 })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("cancelling a session cancels its bookings and tells each partner", async () => {
    const { venueId, sessionId } = await stage({ capacity: 2 });
    const [a, b] = await partners(2);
    await requestBooking(a!.actor, request(sessionId, a!.id, 2));
    await requestBooking(b!.actor, request(sessionId, b!.id, 1));

    expect(await cancelSession(await venueActor(venueId), { sessionId, note: "Comédien malade" })).toMatchObject({ cancelledBookings: 2 });
    expect((await bookingsInOrder(sessionId)).map((x) => x.status)).toEqual(["CANCELLED", "CANCELLED"]);
    const bookings = await getPrisma().booking.findMany({ where: { sessionId }, select: { cancelReason: true } });
    expect(bookings.every((x) => x.cancelReason === "SESSION_CANCELLED")).toBe(true);
    const notified = await getPrisma().notification.findMany({ where: { sessionId, type: "SESSION_CANCELLED" }, select: { partnerId: true } });
    expect(notified.map((n) => n.partnerId).sort()).toEqual([a!.id, b!.id].sort());
    expect(await sessionCounters(sessionId)).toMatchObject({ confirmedPlaces: 0, waitlistedPlaces: 0 });
    await expect(requestBooking(a!.actor, request(sessionId, a!.id, 1))).rejects.toMatchObject({ code: "BOOKINGS_CANCELLED" });
    await expect(changeCapacity(await venueActor(venueId), { sessionId, capacity: 9 })).rejects.toMatchObject({ code: "SESSION_CANCELLED" });
  });
});

describe("rule 6: bookings close at the session's start or closing time, and the waitlist expires", () => {
  it("expires the waitlist when the venue closes bookings", async () => {
    const { venueId, sessionId } = await stage({ capacity: 1 });
    const [a, b] = await partners(2);
    await requestBooking(a!.actor, request(sessionId, a!.id, 1));
    await requestBooking(b!.actor, request(sessionId, b!.id, 1));

    expect(await closeBookings(await venueActor(venueId), { sessionId })).toEqual({ expired: 1 });
    expect((await bookingsInOrder(sessionId)).map((x) => x.status)).toEqual(["CONFIRMED", "CANCELLED"]);
    expect(await getPrisma().notification.count({ where: { partnerId: b!.id, type: "WAITLIST_EXPIRED" } })).toBe(1);
    await expect(requestBooking(a!.actor, request(sessionId, a!.id, 1))).rejects.toMatchObject({ code: "BOOKINGS_CLOSED" });
  });

  it("at their time, the waitlist expires when bookings close and moves up when a quota rule lifts", async () => {
    const closing = await stage({ capacity: 1, startsInDays: 1 });
    const lifting = await stage({ capacity: 5, quota: { period: "SESSION", maxPlaces: 1, liftDaysBefore: 2 }, startsInDays: 5 });
    const [a, b] = await partners(2);
    await requestBooking(a!.actor, request(closing.sessionId, a!.id, 1));
    await requestBooking(b!.actor, request(closing.sessionId, b!.id, 1));
    await requestBooking(a!.actor, request(lifting.sessionId, a!.id, 1));
    await requestBooking(a!.actor, request(lifting.sessionId, a!.id, 2)); // over the quota: waits

    // Three and a half days from now: the first session has started, the second is inside its lift window.
    const later = new Date(Date.now() + 3.5 * 86_400_000);
    expect(await closeSessionOnTime(closing.sessionId, later)).toEqual({ expired: 1 });
    expect((await liftQuotaOnTime(lifting.sessionId, later)).promoted).toHaveLength(1);
    // Too early, or again: nothing happens.
    expect(await closeSessionOnTime(lifting.sessionId, later)).toEqual({ expired: 0 });
    expect(await closeSessionOnTime(closing.sessionId, later)).toEqual({ expired: 0 });
    expect((await bookingsInOrder(closing.sessionId)).map((x) => x.status)).toEqual(["CONFIRMED", "CANCELLED"]);
    expect((await bookingsInOrder(lifting.sessionId)).map((x) => x.status)).toEqual(["CONFIRMED", "CONFIRMED"]);
    expect(await getPrisma().auditLog.count({ where: { action: "booking.expired", actorKind: "system" } })).toBe(1);
  });
});
