// Rule 6, the venue's way back: bookings it closed by hand can be reopened until their closing time (at
// the latest the session's start). Reopening takes new requests again; the waitlist that expired when
// bookings closed stays expired (its partners were told), and the timed closing is still to come.
import { cancelSession, closeBookings, reopenBookings } from "@/lib/booking/sessions";
import { closeSessionOnTime } from "@/lib/booking/timed";
import { requestBooking } from "@/lib/booking/request";
import { getPrisma } from "@/lib/db/client";
import { adminActor, venueActor } from "../factories/actors";
import { bookingsInOrder, partners, request, stage } from "../factories/booking";
import { waitingJobs } from "../support/jobs";

const HOUR = 3_600_000;

describe("reopening bookings closed by hand", () => {
  it("takes requests again, and does not bring back the waitlist that expired at closing", async () => {
    const { venueId, sessionId } = await stage({ capacity: 1 });
    const venue = await venueActor(venueId);
    const [a, b, c] = await partners(3);
    await requestBooking(a!.actor, request(sessionId, a!.id, 1));
    await requestBooking(b!.actor, request(sessionId, b!.id, 1)); // waits
    expect(await closeBookings(venue, { sessionId })).toEqual({ expired: 1 });

    expect(await reopenBookings(venue, { sessionId })).toEqual({ reopened: true, expiredAtClosing: 1 });
    expect((await getPrisma().session.findUniqueOrThrow({ where: { id: sessionId } })).closedAt).toBeNull();
    // The expired request stays cancelled, with its reason: its partner asks again if it still wants to.
    const expired = await getPrisma().booking.findMany({ where: { sessionId, partnerId: b!.id }, select: { status: true, cancelReason: true } });
    expect(expired).toEqual([{ status: "CANCELLED", cancelReason: "EXPIRED" }]);
    // New requests are taken again, and wait in order when the places are gone.
    await expect(requestBooking(c!.actor, request(sessionId, c!.id, 1))).resolves.toMatchObject({ outcome: "WAITLISTED", waitlisted: { position: 1 } });
    expect((await bookingsInOrder(sessionId)).map((x) => x.status)).toEqual(["CONFIRMED", "CANCELLED", "WAITLISTED"]);
  });

  it("is written to the audit log by whoever reopens, and reopening an open session changes nothing", async () => {
    const { sessionId } = await stage();
    const admin = await adminActor();
    expect(await reopenBookings(admin, { sessionId })).toEqual({ reopened: false, expiredAtClosing: 0 });
    expect(await getPrisma().auditLog.count({ where: { entityId: sessionId, action: "session.reopened" } })).toBe(0);

    await closeBookings(admin, { sessionId });
    await reopenBookings(admin, { sessionId });
    const entry = await getPrisma().auditLog.findFirstOrThrow({ where: { entityId: sessionId, action: "session.reopened" } });
    expect(entry).toMatchObject({ actorUserId: (admin as { userId: string }).userId, entityType: "Session", after: { closedAt: null } });
    expect((entry.before as { closedAt: string }).closedAt).toEqual(expect.any(String));
  });

  it("is refused once the session has started, or its closing time has passed", async () => {
    const startsAt = new Date(Date.now() + 10 * HOUR);
    const { venueId, sessionId } = await stage({ startsAt });
    const venue = await venueActor(venueId);
    await closeBookings(venue, { sessionId });
    await expect(reopenBookings(venue, { sessionId }, { now: new Date(startsAt.getTime() + 60_000) })).rejects.toMatchObject({
      code: "REOPEN_TOO_LATE",
      params: { when: "STARTED" },
    });

    await getPrisma().session.update({ where: { id: sessionId }, data: { bookingClosesAt: new Date(startsAt.getTime() - 2 * HOUR) } });
    await expect(reopenBookings(venue, { sessionId }, { now: new Date(startsAt.getTime() - HOUR) })).rejects.toMatchObject({
      code: "REOPEN_TOO_LATE",
      params: { when: "CLOSING_TIME" },
    });
    expect((await getPrisma().session.findUniqueOrThrow({ where: { id: sessionId } })).closedAt).not.toBeNull();
    // Before the closing time, it may.
    await expect(reopenBookings(venue, { sessionId }, { now: new Date(startsAt.getTime() - 3 * HOUR) })).resolves.toMatchObject({ reopened: true });
  });

  it("is refused for a cancelled session", async () => {
    const { venueId, sessionId } = await stage();
    const venue = await venueActor(venueId);
    await closeBookings(venue, { sessionId });
    await cancelSession(venue, { sessionId, note: "Artiste malade" });
    await expect(reopenBookings(venue, { sessionId })).rejects.toMatchObject({ code: "SESSION_CANCELLED" });
    await expect(reopenBookings(venue, { sessionId: "pas-un-id" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("schedules the timed closing again: at the closing time, the new waitlist expires", async () => {
    const startsAt = new Date(Date.now() + 48 * HOUR);
    const closesAt = new Date(startsAt.getTime() - 4 * HOUR);
    const { venueId, sessionId } = await stage({ capacity: 1, startsAt });
    await getPrisma().session.update({ where: { id: sessionId }, data: { bookingClosesAt: closesAt } });
    const venue = await venueActor(venueId);
    await closeBookings(venue, { sessionId });
    await reopenBookings(venue, { sessionId });

    const closing = (await waitingJobs()).filter((job) => job.task === "close-session" && job.payload.sessionId === sessionId);
    expect(closing.map((job) => job.runAt.toISOString())).toEqual([closesAt.toISOString()]);

    const [a, b] = await partners(2);
    await requestBooking(a!.actor, request(sessionId, a!.id, 1));
    await requestBooking(b!.actor, request(sessionId, b!.id, 1)); // waits
    expect(await closeSessionOnTime(sessionId, new Date(closesAt.getTime() - 60_000))).toEqual({ expired: 0 });
    expect(await closeSessionOnTime(sessionId, closesAt)).toEqual({ expired: 1 });
    expect((await bookingsInOrder(sessionId)).map((x) => x.status)).toEqual(["CONFIRMED", "CANCELLED"]);
  });
});
