// Rules 5 and 6 on a session: its capacity may go down only to what is confirmed (going up moves the
// waitlist), cancelling it cancels its bookings and tells the partners, and when bookings close the
// waitlist expires.
import type { Actor } from "@/lib/auth/actor";
import { systemActor } from "@/lib/auth/actor";
import { canManageSession, ensure } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { NotFoundError, RuleViolation } from "@/lib/errors";
import type { NotificationType } from "@/lib/generated/prisma/enums";
import { audit } from "./audit";
import { promoteWaitlist, type Promotion } from "./promotion";
import { bookingClosesAt } from "./rules";
import { changeCapacitySchema, parse, sessionActionSchema } from "./schemas";
import { prismaSql } from "./sql";
import { lockSession, venueOfSession, type LockedSession } from "./state";
import { withVenueLock, type Tx } from "./transaction";

/** Loads the session's venue, checks the actor manages it, and runs `work` with the session locked. */
async function onManagedSession<T>(actor: Actor, sessionId: string, work: (tx: Tx, session: LockedSession) => Promise<T>): Promise<T> {
  const venueId = await venueOfSession(prismaSql(getPrisma()), sessionId);
  if (!venueId) throw new NotFoundError("séance");
  ensure(canManageSession(actor, { venueId }), "Seul le lieu qui propose cette séance peut la modifier.");
  return withVenueLock(venueId, async (tx) => {
    const session = await lockSession(prismaSql(tx), sessionId);
    if (!session) throw new NotFoundError("séance");
    if (session.status === "CANCELLED") throw new RuleViolation("SESSION_CANCELLED", "Cette séance est annulée.");
    return work(tx, session);
  });
}

export async function changeCapacity(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<{ capacity: number; promoted: Promotion[] }> {
  const { sessionId, capacity } = parse(changeCapacitySchema, input);
  return onManagedSession(actor, sessionId, async (tx, session) => {
    if (capacity < session.confirmedPlaces) {
      throw new RuleViolation(
        "CAPACITY_BELOW_CONFIRMED",
        `${session.confirmedPlaces} places sont déjà confirmées : le nombre d'invitations ne peut pas descendre en dessous.`,
        { confirmed: session.confirmedPlaces },
      );
    }
    const before = session.capacity;
    await tx.session.update({ where: { id: sessionId }, data: { capacity } });
    await audit(tx, actor, { action: "session.capacity_changed", entityType: "Session", entityId: sessionId, before: { capacity: before }, after: { capacity } });
    session.capacity = capacity;
    const promoted = capacity > before ? await promoteWaitlist(tx, session, actor, now) : [];
    return { capacity, promoted };
  });
}

/** The venue closes bookings before the closing time: the waitlist expires now. */
export async function closeBookings(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<{ expired: number }> {
  const { sessionId } = parse(sessionActionSchema, input);
  return onManagedSession(actor, sessionId, async (tx, session) => {
    if (!session.closedAt) {
      await tx.session.update({ where: { id: sessionId }, data: { closedAt: now } });
      await audit(tx, actor, { action: "session.closed", entityType: "Session", entityId: sessionId, after: { closedAt: now.toISOString() } });
    }
    return { expired: await endBookings(tx, actor, session.id, "WAITLISTED", "EXPIRED", "WAITLIST_EXPIRED", now) };
  });
}

export async function cancelSession(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<{ cancelledBookings: number }> {
  const { sessionId, note } = parse(sessionActionSchema, input);
  return onManagedSession(actor, sessionId, async (tx) => {
    await tx.session.update({ where: { id: sessionId }, data: { status: "CANCELLED", cancelledAt: now, cancelNote: note || null } });
    await audit(tx, actor, { action: "session.cancelled", entityType: "Session", entityId: sessionId, before: { status: "SCHEDULED" }, after: { status: "CANCELLED", note: note || null } });
    const cancelled = await endBookings(tx, actor, sessionId, undefined, "SESSION_CANCELLED", "SESSION_CANCELLED", now);
    return { cancelledBookings: cancelled };
  });
}

/** Cancels the session's open bookings (or only its waitlist) with a reason, audited and notified. */
async function endBookings(
  tx: Tx,
  actor: Actor,
  sessionId: string,
  onlyStatus: "WAITLISTED" | undefined,
  reason: "EXPIRED" | "SESSION_CANCELLED",
  notification: NotificationType,
  now: Date,
): Promise<number> {
  const bookings = await tx.booking.findMany({
    where: { sessionId, status: onlyStatus ?? { in: ["CONFIRMED", "WAITLISTED"] } },
    select: { id: true, partnerId: true, status: true },
  });
  if (!bookings.length) return 0;
  await tx.booking.updateMany({
    where: { id: { in: bookings.map((b) => b.id) } },
    data: { status: "CANCELLED", cancelledAt: now, cancelReason: reason, cancelledById: actor.kind === "user" ? actor.userId : null },
  });
  await tx.notification.createMany({ data: bookings.map((b) => ({ partnerId: b.partnerId, type: notification, bookingId: b.id, sessionId })) });
  await audit(
    tx,
    actor,
    bookings.map((b) => ({ action: reason === "EXPIRED" ? "booking.expired" : "booking.cancelled", entityType: "Booking" as const, entityId: b.id, before: { status: b.status }, after: { status: "CANCELLED", reason } })),
  );
  return bookings.length;
}

/**
 * Scheduled work, run every few minutes (and safe to run on several servers at once): expires the
 * waitlists of sessions whose bookings have closed, and moves up waitlists where a quota rule has
 * just lifted itself before the session.
 */
export async function runScheduledBookingWork(now = new Date()): Promise<{ expired: number; promoted: number }> {
  const prisma = getPrisma();
  const waiting = await prisma.session.findMany({
    where: { status: "SCHEDULED", bookings: { some: { status: "WAITLISTED" } } },
    select: { id: true, startsAt: true, bookingClosesAt: true, closedAt: true, event: { select: { venueId: true } } },
  });
  let expired = 0;
  let promoted = 0;
  for (const session of waiting) {
    const closed = session.closedAt !== null || now >= bookingClosesAt(session);
    await withVenueLock(session.event.venueId, async (tx) => {
      const locked = await lockSession(prismaSql(tx), session.id);
      if (!locked || locked.status === "CANCELLED") return;
      if (closed) expired += await endBookings(tx, systemActor, session.id, "WAITLISTED", "EXPIRED", "WAITLIST_EXPIRED", now);
      else if (locked.rule?.liftDaysBefore != null) promoted += (await promoteWaitlist(tx, locked, systemActor, now)).length;
    });
  }
  return { expired, promoted };
}

