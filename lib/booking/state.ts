// Reading what a booking decision depends on, under the locks of lib/booking/transaction.ts.
import type { QuotaPeriod } from "@/lib/generated/prisma/enums";
import { quotaPeriodRange } from "./quota-period";
import type { QuotaExceptionFacts, QuotaRuleFacts, SessionWindow } from "./rules";
import type { Tx } from "./transaction";

export interface LockedSession extends SessionWindow {
  id: string;
  eventId: string;
  venueId: string;
  capacity: number;
  confirmedPlaces: number;
  waitlistedPlaces: number;
  rule: QuotaRuleFacts | null;
}

type SessionRow = Omit<LockedSession, "rule"> & { period: QuotaPeriod | null; maxPlaces: number | null; liftDaysBefore: number | null };

function toLocked(row: SessionRow): LockedSession {
  const { period, maxPlaces, liftDaysBefore, ...session } = row;
  return { ...session, rule: period ? { period, maxPlaces: maxPlaces!, liftDaysBefore } : null };
}

/** Locks a session row (FOR UPDATE) and reads it with its venue's quota rule. */
export async function lockSession(tx: Tx, sessionId: string): Promise<LockedSession | null> {
  const rows = await tx.$queryRaw<SessionRow[]>`
    SELECT s."id", s."eventId", e."venueId", s."capacity", s."confirmedPlaces", s."waitlistedPlaces",
           s."startsAt", s."bookingOpensAt", s."bookingClosesAt", s."closedAt", s."status"::text AS "status",
           e."status"::text AS "eventStatus", r."period"::text AS "period", r."maxPlaces", r."liftDaysBefore"
    FROM "Session" s
    JOIN "Event" e ON e."id" = s."eventId"
    LEFT JOIN "QuotaRule" r ON r."venueId" = e."venueId"
    WHERE s."id" = ${sessionId}::uuid
    FOR UPDATE OF s`;
  return rows[0] ? toLocked(rows[0]) : null;
}

/** The venue a session belongs to, read without lock (a session never changes venue). */
export async function venueOfSession(tx: Pick<Tx, "$queryRaw">, sessionId: string): Promise<string | null> {
  const rows = await tx.$queryRaw<{ venueId: string }[]>`
    SELECT e."venueId" FROM "Session" s JOIN "Event" e ON e."id" = s."eventId" WHERE s."id" = ${sessionId}::uuid`;
  return rows[0]?.venueId ?? null;
}

/** Each partner's exception to the venue's quota rule. */
export async function quotaExceptions(tx: Tx, venueId: string, partnerIds: string[]): Promise<Map<string, QuotaExceptionFacts>> {
  if (!partnerIds.length) return new Map();
  const rows = await tx.quotaException.findMany({
    where: { venueId, partnerId: { in: partnerIds } },
    select: { partnerId: true, maxPlaces: true, expiresAt: true },
  });
  return new Map(rows.map((row) => [row.partnerId, { maxPlaces: row.maxPlaces, expiresAt: row.expiresAt }]));
}

/** Places each partner holds (confirmed) against the venue's quota in the period of `session`. */
export async function quotaUsage(tx: Tx, session: LockedSession, partnerIds: string[]): Promise<Map<string, number>> {
  if (!session.rule || !partnerIds.length) return new Map();
  const range = quotaPeriodRange(session.rule.period, session.startsAt);
  const rows = range
    ? await tx.$queryRaw<{ partnerId: string; places: number }[]>`
        SELECT b."partnerId", sum(b."places")::int AS "places"
        FROM "Booking" b JOIN "Session" s ON s."id" = b."sessionId" JOIN "Event" e ON e."id" = s."eventId"
        WHERE b."status" = 'CONFIRMED' AND e."venueId" = ${session.venueId}::uuid
          AND s."startsAt" >= ${range.from} AND s."startsAt" < ${range.to}
          AND b."partnerId" = ANY(${partnerIds}::uuid[])
        GROUP BY b."partnerId"`
    : await tx.$queryRaw<{ partnerId: string; places: number }[]>`
        SELECT b."partnerId", sum(b."places")::int AS "places"
        FROM "Booking" b
        WHERE b."status" = 'CONFIRMED' AND b."sessionId" = ${session.id}::uuid AND b."partnerId" = ANY(${partnerIds}::uuid[])
        GROUP BY b."partnerId"`;
  return new Map(rows.map((row) => [row.partnerId, row.places]));
}
