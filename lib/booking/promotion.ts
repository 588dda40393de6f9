// Rule 3: when places are released (a cancellation, a larger capacity, a looser or lifted quota), the
// waitlist moves up at once, in the same transaction: first come, first served, skipping a waiting
// booking that does not fit the freed places or its partner's quota; after a draw, a drawn application
// waiting is served down to its minimum (decision 013, second round). Each promotion is audited and its
// partner told. Every path that frees places or quota ends here (promoteAfterRelease, promoteWaitlist,
// promoteAcrossVenue); all take the Sql of the transaction holding the venue's lock.
import "server-only";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import type { Sql } from "@/lib/db/sql";
import { notifyPartners } from "./notify";
import { quotaPeriodRange } from "./quota-period";
import { applicableQuota, bookingWindow, pickPromotionParts, quotaLeft, type WaitingBooking } from "./rules";
import { lockSession, quotaExceptions, quotaUsage, type LockedSession } from "./state";

export interface Promotion {
  bookingId: string;
  sessionId: string;
  partnerId: string;
  places: number;
}

/** Promotes what fits on a locked session; keeps the session's counters in `session` up to date. */
export async function promoteWaitlist(sql: Sql, session: LockedSession, actor: Actor, now: Date): Promise<Promotion[]> {
  const placesLeft = session.capacity - session.confirmedPlaces;
  if (placesLeft <= 0 || session.waitlistedPlaces <= 0 || bookingWindow(session, now) !== "OPEN") return [];

  const waiting = await sql.query<WaitingBooking>(
    `SELECT b."id"::text AS "id", b."partnerId"::text AS "partnerId", b."places", a."minPlaces" FROM "Booking" b
     LEFT JOIN "Application" a ON a."bookingId" = b."id"
     WHERE b."sessionId" = $1::uuid AND b."status" = 'WAITLISTED' ORDER BY b."requestSeq"`,
    [session.id],
  );
  const partnerIds = [...new Set(waiting.map((booking) => booking.partnerId))];
  const [exceptions, usage] = await Promise.all([
    session.rule ? quotaExceptions(sql, session.venueId, partnerIds) : new Map(),
    quotaUsage(sql, session, partnerIds),
  ]);
  const remaining = (partnerId: string) =>
    quotaLeft(applicableQuota(session.rule, exceptions.get(partnerId) ?? null, session.startsAt, now), usage.get(partnerId) ?? 0);

  const parts = new Map(pickPromotionParts(waiting, placesLeft, remaining).map((part) => [part.id, part.places]));
  if (!parts.size) return [];
  const promoted = waiting.filter((booking) => parts.has(booking.id));
  const ids = [...parts.keys()];
  const counts = ids.map((id) => parts.get(id)!);

  // A drawn application served with fewer places than it asked keeps its first guests (the main guest
  // first), as the draw serves it; the others were never booked. Counted by rank, not by position: the
  // waitlisted part of a split goes on numbering the group's guests (positions 3 and 4 for two places),
  // and must keep them all (found by the season replay, issue 35).
  await sql.query(
    `DELETE FROM "BookingGuest" g USING (
       SELECT k."id", p.places, row_number() OVER (PARTITION BY k."bookingId" ORDER BY k."position") AS rank
       FROM "BookingGuest" k JOIN unnest($1::uuid[], $2::int[]) AS p(id, places) ON k."bookingId" = p.id
       WHERE k."cancelledAt" IS NULL
     ) r WHERE g."id" = r."id" AND r.rank > r.places`,
    [ids, counts],
  );
  await sql.query(
    `UPDATE "Booking" b SET "status" = 'CONFIRMED', "places" = p.places, "confirmedAt" = $3, "promotedAt" = $3, "updatedAt" = $3
     FROM unnest($1::uuid[], $2::int[]) AS p(id, places) WHERE b."id" = p.id AND b."status" = 'WAITLISTED'`,
    [ids, counts, now],
  );
  await notifyPartners(
    sql,
    promoted.map((booking) => ({ partnerId: booking.partnerId, type: "BOOKING_PROMOTED", bookingId: booking.id, sessionId: session.id })),
    now,
  );
  await audit(
    sql,
    actor,
    promoted.map((booking) => ({
      action: "booking.promoted",
      entityType: "Booking" as const,
      entityId: booking.id,
      before: { status: "WAITLISTED", places: booking.places },
      after: { status: "CONFIRMED", places: parts.get(booking.id)!, sessionId: session.id },
    })),
    now,
  );
  session.confirmedPlaces += counts.reduce((sum, places) => sum + places, 0);
  session.waitlistedPlaces -= promoted.reduce((sum, booking) => sum + booking.places, 0);
  session.waitlistedBookings -= promoted.length;
  return promoted.map((booking) => ({ bookingId: booking.id, sessionId: session.id, partnerId: booking.partnerId, places: parts.get(booking.id)! }));
}

/**
 * After `partnerIds` released confirmed places on `session` (a cancellation of a booking or of the whole
 * session): the session's own waitlist moves up, then, under a monthly or seasonal rule, the quota they
 * got back may let their bookings move up on the venue's other sessions of the period.
 */
export async function promoteAfterRelease(sql: Sql, session: LockedSession, actor: Actor, now: Date, partnerIds: string[]): Promise<Promotion[]> {
  const promoted = await promoteWaitlist(sql, session, actor, now);
  if (partnerIds.length) {
    promoted.push(...(await promoteAcrossVenue(sql, session.venueId, actor, now, { partnerIds, around: session, excludeSessionId: session.id })));
  }
  return promoted;
}

/**
 * Moves up the waitlists of the venue's other open sessions, for when quota was released rather than
 * places: a cancellation under a monthly or seasonal rule, a new exception, a looser or lifted rule.
 * Runs under the venue's lock; sessions are locked in a fixed order.
 */
export async function promoteAcrossVenue(
  sql: Sql,
  venueId: string,
  actor: Actor,
  now: Date,
  scope: { partnerIds?: string[]; around?: LockedSession; excludeSessionId?: string } = {},
): Promise<Promotion[]> {
  const range = scope.around?.rule ? quotaPeriodRange(scope.around.rule.period, scope.around.startsAt) : null;
  if (scope.around && !range) return []; // a per-session rule (or none) released nothing elsewhere
  const candidates = await sql.query<{ id: string }>(
    `SELECT s."id"::text AS "id" FROM "Session" s JOIN "Event" e ON e."id" = s."eventId"
     WHERE e."venueId" = $1::uuid AND s."status" = 'SCHEDULED' AND s."startsAt" > $2
       AND ($3::timestamptz IS NULL OR (s."startsAt" >= $3 AND s."startsAt" < $4))
       AND ($5::uuid IS NULL OR s."id" <> $5::uuid)
       AND EXISTS (SELECT 1 FROM "Booking" b WHERE b."sessionId" = s."id" AND b."status" = 'WAITLISTED'
                     AND ($6::uuid[] IS NULL OR b."partnerId" = ANY($6::uuid[])))
     ORDER BY s."id"`,
    [venueId, now, range?.from ?? null, range?.to ?? null, scope.excludeSessionId ?? null, scope.partnerIds ?? null],
  );
  const promotions: Promotion[] = [];
  for (const { id } of candidates) {
    const session = await lockSession(sql, id);
    if (session) promotions.push(...(await promoteWaitlist(sql, session, actor, now)));
  }
  return promotions;
}
