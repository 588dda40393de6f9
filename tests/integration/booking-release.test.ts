// Rule 3 on every path that frees places or quota (hardening items 1 to 3): cancelling a session or an
// event gives the partners' monthly or seasonal quota back, cancelling an event leaves its played
// sessions alone, and a quota that has lifted itself moves the waitlist before any newcomer.
import { cancelSession } from "@/lib/booking/sessions";
import { requestBooking } from "@/lib/booking/request";
import { quotaLiftsAt } from "@/lib/booking/rules";
import { getPrisma } from "@/lib/db/client";
import { cancelEvent } from "@/lib/venue/events";
import { venueActor } from "../factories/actors";
import { anotherSession, bookingsInOrder, partners, request, stage } from "../factories/booking";
import { createSession, insertBooking } from "../factories";
import { midMonth } from "../support/clock";

const idOf = (result: Awaited<ReturnType<typeof requestBooking>>) =>
  result.outcome === "WAITLISTED" ? result.waitlisted.id : result.outcome === "CONFIRMED" ? result.confirmed.id : "";

async function statusOf(bookingId: string) {
  return (await getPrisma().booking.findUniqueOrThrow({ where: { id: bookingId } })).status;
}

describe("item 1: cancelling a session or an event gives a monthly quota back at once", () => {
  async function heldAndWaiting() {
    const startsAt = midMonth(1);
    const { venueId, sessionId } = await stage({ capacity: 10, quota: { period: "MONTH", maxPlaces: 2 }, startsAt });
    const sameMonth = await anotherSession(venueId, { startsAt: new Date(startsAt.getTime() + 86_400_000) });
    const [partner] = await partners(1);
    await requestBooking(partner!.actor, request(sessionId, partner!.id, 2));
    const waiting = idOf(await requestBooking(partner!.actor, request(sameMonth, partner!.id, 2)));
    expect(await statusOf(waiting)).toBe("WAITLISTED");
    return { venueId, sessionId, partner: partner!, waiting };
  }

  it("when the venue cancels the session the partner held its quota on", async () => {
    const { venueId, sessionId, partner, waiting } = await heldAndWaiting();
    const result = await cancelSession(await venueActor(venueId), { sessionId, note: "Comédien malade" });
    expect(result.promoted).toEqual([expect.objectContaining({ bookingId: waiting, partnerId: partner.id })]);
    expect(await statusOf(waiting)).toBe("CONFIRMED");
    expect(await getPrisma().notification.count({ where: { bookingId: waiting, type: "BOOKING_PROMOTED" } })).toBe(1);
  });

  it("when the venue cancels the whole event", async () => {
    const { venueId, sessionId, waiting } = await heldAndWaiting();
    const { eventId } = await getPrisma().session.findUniqueOrThrow({ where: { id: sessionId } });
    await cancelEvent(await venueActor(venueId), { eventId, note: "Tournée annulée" });
    expect(await statusOf(waiting)).toBe("CONFIRMED");
  });

  it("never moves up a booking on another session of the event being cancelled", async () => {
    const startsAt = midMonth(1);
    const { venueId, sessionId } = await stage({ capacity: 10, quota: { period: "MONTH", maxPlaces: 2 }, startsAt });
    const { eventId } = await getPrisma().session.findUniqueOrThrow({ where: { id: sessionId } });
    const sibling = (await createSession({ eventId, startsAt: new Date(startsAt.getTime() + 86_400_000), capacity: 10 })).id;
    const [partner] = await partners(1);
    await requestBooking(partner!.actor, request(sessionId, partner!.id, 2));
    const waiting = idOf(await requestBooking(partner!.actor, request(sibling, partner!.id, 2)));
    await cancelEvent(await venueActor(venueId), { eventId });
    expect(await statusOf(waiting)).toBe("CANCELLED");
    expect(await getPrisma().notification.findMany({ where: { bookingId: waiting }, select: { type: true } })).toEqual([{ type: "SESSION_CANCELLED" }]);
  });
});

describe("item 2: cancelling an event leaves its played sessions as they were", () => {
  it("cancels only the sessions not yet started; played ones keep their bookings and attendance", async () => {
    const { venueId, sessionId } = await stage({ capacity: 10 });
    const { eventId } = await getPrisma().session.findUniqueOrThrow({ where: { id: sessionId } });
    const played = await createSession({ eventId, startsAt: new Date(Date.now() - 3 * 86_400_000), capacity: 10 });
    const [partner] = await partners(1);
    const past = await insertBooking(played.id, partner!.id, { places: 2 });
    await getPrisma().bookingGuest.updateMany({ where: { bookingId: past.id }, data: { attendance: "ATTENDED" } });
    const upcoming = idOf(await requestBooking(partner!.actor, request(sessionId, partner!.id, 1)));

    const result = await cancelEvent(await venueActor(venueId), { eventId, note: "Travaux" });
    expect(result).toEqual({ cancelledSessions: 1, cancelledBookings: 1 });
    expect(await statusOf(upcoming)).toBe("CANCELLED");
    expect(await statusOf(past.id)).toBe("CONFIRMED");
    expect((await getPrisma().session.findUniqueOrThrow({ where: { id: played.id } })).status).toBe("SCHEDULED");
    expect(await getPrisma().bookingGuest.findMany({ where: { bookingId: past.id }, select: { attendance: true } })).toEqual([
      { attendance: "ATTENDED" },
      { attendance: "ATTENDED" },
    ]);
    expect(await getPrisma().notification.count({ where: { bookingId: past.id } })).toBe(0);
    expect((await getPrisma().event.findUniqueOrThrow({ where: { id: eventId } })).status).toBe("CANCELLED");
  });

  it("refuses to cancel a session that has started", async () => {
    const { venueId, sessionId } = await stage();
    const { startsAt } = await getPrisma().session.findUniqueOrThrow({ where: { id: sessionId } });
    await expect(cancelSession(await venueActor(venueId), { sessionId }, { now: new Date(startsAt.getTime() + 60_000) })).rejects.toMatchObject({
      code: "SESSION_ALREADY_STARTED",
    });
    expect((await getPrisma().session.findUniqueOrThrow({ where: { id: sessionId } })).status).toBe("SCHEDULED");
  });
});

describe("item 3: a quota that lifts itself moves the waitlist before any newcomer", () => {
  it("confirms the waiting booking first when a request arrives after the lift", async () => {
    const { sessionId } = await stage({ capacity: 10, quota: { period: "SESSION", maxPlaces: 1, liftDaysBefore: 3 } });
    const [early, late] = await partners(2);
    await requestBooking(early!.actor, request(sessionId, early!.id, 1));
    const waiting = await requestBooking(early!.actor, request(sessionId, early!.id, 2));
    expect(waiting).toMatchObject({ outcome: "WAITLISTED", reason: "QUOTA_REACHED" });

    const session = await getPrisma().session.findUniqueOrThrow({ where: { id: sessionId } });
    const liftsAt = quotaLiftsAt({ period: "SESSION", maxPlaces: 1, liftDaysBefore: 3 }, session.startsAt)!;
    const newcomer = await requestBooking(late!.actor, request(sessionId, late!.id, 9, "NOTHING"), { now: new Date(liftsAt.getTime() + 60_000) });

    // The two waiting places went first: 7 were left for the newcomer, who asked for 9.
    expect(newcomer).toMatchObject({ outcome: "NOT_BOOKED", placesLeft: 7 });
    expect(await statusOf(idOf(waiting))).toBe("CONFIRMED");
    expect((await bookingsInOrder(sessionId)).map((b) => b.status)).toEqual(["CONFIRMED", "CONFIRMED"]);
    expect(await getPrisma().auditLog.findFirst({ where: { entityId: idOf(waiting), action: "booking.promoted" }, select: { actorKind: true } })).toEqual({
      actorKind: "system",
    });
  });
});
