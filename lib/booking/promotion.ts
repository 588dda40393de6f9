// Rule 3: when places are released (a cancellation, a larger capacity, a looser quota), the waitlist
// moves up at once, in the same transaction: first come, first served, skipping a waiting booking that
// does not fit the freed places or its partner's quota. Each promotion is audited and notified.
import type { Actor } from "@/lib/auth/actor";
import { audit } from "./audit";
import { quotaPeriodRange } from "./quota-period";
import { applicableQuota, bookingWindow, pickPromotions, quotaLeft } from "./rules";
import { prismaSql } from "./sql";
import { lockSession, quotaExceptions, quotaUsage, type LockedSession } from "./state";
import type { Tx } from "./transaction";

export interface Promotion {
  bookingId: string;
  sessionId: string;
  partnerId: string;
  places: number;
}

/** Promotes what fits on a locked session; updates `session.confirmedPlaces` to match. */
export async function promoteWaitlist(tx: Tx, session: LockedSession, actor: Actor, now: Date): Promise<Promotion[]> {
  const placesLeft = session.capacity - session.confirmedPlaces;
  if (placesLeft <= 0 || session.waitlistedPlaces <= 0 || bookingWindow(session, now) !== "OPEN") return [];

  const waiting = await tx.booking.findMany({
    where: { sessionId: session.id, status: "WAITLISTED" },
    orderBy: { requestSeq: "asc" },
    select: { id: true, partnerId: true, places: true },
  });
  const partnerIds = [...new Set(waiting.map((booking) => booking.partnerId))];
  const [exceptions, usage] = await Promise.all([
    session.rule ? quotaExceptions(prismaSql(tx), session.venueId, partnerIds) : new Map(),
    quotaUsage(prismaSql(tx), session, partnerIds),
  ]);
  const remaining = (partnerId: string) =>
    quotaLeft(applicableQuota(session.rule, exceptions.get(partnerId) ?? null, session.startsAt, now), usage.get(partnerId) ?? 0);

  const ids = new Set(pickPromotions(waiting, placesLeft, remaining));
  if (!ids.size) return [];
  const promoted = waiting.filter((booking) => ids.has(booking.id));

  await tx.booking.updateMany({
    where: { id: { in: [...ids] }, status: "WAITLISTED" },
    data: { status: "CONFIRMED", confirmedAt: now, promotedAt: now },
  });
  await tx.notification.createMany({
    data: promoted.map((booking) => ({ partnerId: booking.partnerId, type: "BOOKING_PROMOTED" as const, bookingId: booking.id, sessionId: session.id })),
  });
  await audit(
    tx,
    actor,
    promoted.map((booking) => ({
      action: "booking.promoted",
      entityType: "Booking" as const,
      entityId: booking.id,
      before: { status: "WAITLISTED" },
      after: { status: "CONFIRMED", places: booking.places, sessionId: session.id },
    })),
  );
  const places = promoted.reduce((sum, booking) => sum + booking.places, 0);
  session.confirmedPlaces += places;
  session.waitlistedPlaces -= places;
  return promoted.map((booking) => ({ bookingId: booking.id, sessionId: session.id, partnerId: booking.partnerId, places: booking.places }));
}

/**
 * Moves up the waitlists of the venue's other open sessions, for when quota was released rather than
 * places: a cancellation under a monthly or seasonal rule, a new exception, a looser or lifted rule.
 * Runs under the venue's lock; sessions are locked in a fixed order.
 */
export async function promoteAcrossVenue(
  tx: Tx,
  venueId: string,
  actor: Actor,
  now: Date,
  scope: { partnerId?: string; around?: LockedSession; excludeSessionId?: string } = {},
): Promise<Promotion[]> {
  const range = scope.around?.rule ? quotaPeriodRange(scope.around.rule.period, scope.around.startsAt) : null;
  if (scope.around && !range) return []; // a per-session rule released nothing elsewhere
  const candidates = await tx.session.findMany({
    where: {
      id: scope.excludeSessionId ? { not: scope.excludeSessionId } : undefined,
      event: { venueId },
      status: "SCHEDULED",
      startsAt: range ? { gte: range.from, lt: range.to, gt: now } : { gt: now },
      bookings: { some: { status: "WAITLISTED", ...(scope.partnerId ? { partnerId: scope.partnerId } : {}) } },
    },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  const promotions: Promotion[] = [];
  for (const { id } of candidates) {
    const session = await lockSession(prismaSql(tx), id);
    if (session) promotions.push(...(await promoteWaitlist(tx, session, actor, now)));
  }
  return promotions;
}
