// Reading what a booking decision depends on, under the locks of lib/booking/transaction.ts.
import { createHash } from "node:crypto";
import "server-only";
import type { Sql } from "@/lib/db/sql";
import type { QuotaPeriod } from "@/lib/generated/prisma/enums";
import { quotaPeriodRange } from "./quota-period";
import type { QuotaExceptionFacts, QuotaRuleFacts, SessionWindow } from "./rules";

export interface LockedSession extends SessionWindow {
  id: string;
  eventId: string;
  venueId: string;
  capacity: number;
  confirmedPlaces: number;
  waitlistedPlaces: number;
  /** Bookings waiting: the waitlist's length. */
  waitlistedBookings: number;
  /** Late places released and booked (late-places.ts), a pool apart from capacity. */
  latePlaces: number;
  lateConfirmedPlaces: number;
  lateMarginMinutes: number;
  rule: QuotaRuleFacts | null;
}

type SessionRow = Omit<LockedSession, "rule"> & { period: QuotaPeriod | null; maxPlaces: number | null; liftDaysBefore: number | null };

const SESSION_COLUMNS = `
  s."id"::text AS "id", s."eventId"::text AS "eventId", e."venueId"::text AS "venueId", s."capacity", s."confirmedPlaces",
  s."waitlistedPlaces", s."waitlistedBookings", s."latePlaces", s."lateConfirmedPlaces", s."lateMarginMinutes", s."startsAt", s."bookingOpensAt", s."bookingClosesAt", s."closedAt", s."status"::text AS "status",
  e."status"::text AS "eventStatus", r."period"::text AS "period", r."maxPlaces", r."liftDaysBefore"`;

const SESSION_FROM = `
  FROM "Session" s
  JOIN "Event" e ON e."id" = s."eventId"
  LEFT JOIN "QuotaRule" r ON r."venueId" = e."venueId"`;

function toLocked<T extends SessionRow>(row: T): Omit<T, "period" | "maxPlaces" | "liftDaysBefore"> & { rule: QuotaRuleFacts | null } {
  const { period, maxPlaces, liftDaysBefore, ...rest } = row;
  return { ...rest, rule: period ? { period, maxPlaces: maxPlaces!, liftDaysBefore } : null };
}

/** Locks a session row (FOR UPDATE) and reads it with its venue's quota rule. */
export async function lockSession(sql: Sql, sessionId: string): Promise<LockedSession | null> {
  const [row] = await sql.query<SessionRow>(`SELECT ${SESSION_COLUMNS} ${SESSION_FROM} WHERE s."id" = $1::uuid FOR UPDATE OF s`, [sessionId], "lock-session");
  return row ? toLocked(row) : null;
}

export interface RequestFacts {
  exception: QuotaExceptionFacts | null;
  /** Places the partner holds on this very session (a per-session quota counts only these). */
  partnerPlacesOnSession: number;
  /** Whether the partner structure exists and has a convention valid on the session's date. */
  partnerFound: boolean;
  conventionValid: boolean;
  /** How many of the requested people belong to the partner and are not archived. */
  ownPeople: number;
  /** The partner's booking made with the same idempotency key (the same form sent again), if any. */
  repeatOf: string | null;
  /** "<id> <number>" of the partner's open booking on this session that already has one of the guests (not withdrawn). */
  duplicateOf: string | null;
  /** Whether the request names the same person twice. */
  nameRepeated: boolean;
  /** The session is "Candidatures puis tirage" and its draw has not run: no booking, an application. */
  drawPending: boolean;
  /**
   * A structure waits on this session, with places free, under an exception tighter than the rule that has
   * ended (its job may not have run yet): the waitlist moves before this request (issue 26.5).
   */
  exceptionEnded: boolean;
}

type RequestRow = SessionRow & {
  hasException: boolean;
  exceptionMax: number | null;
  exceptionExpiresAt: Date | null;
} & Omit<RequestFacts, "exception">;

export interface RequestKeys {
  sessionId: string;
  partnerId: string;
  /** The people of the structure's list named in the request. */
  personIds: string[];
  /** Every guest's names, for "the same person" (person_name_key in SQL: case, accents, spaces, dashes, apostrophes, ligatures). */
  firstNames: string[];
  lastNames: string[];
  /** Each guest's entry of the list (null: typed in), in the order of the names: a listed person is compared by the list's name. */
  guestPersonIds?: (string | null)[];
  idempotencyKey: string | null;
  /** The moment of the request (an exception's end date is compared with it). */
  now?: Date;
}

// The guests' names as the booking will keep them: a person of the structure's list by the list's name,
// whatever was typed beside the entry (issue 26.7); others as typed.
const REQUEST_READ = `WITH named AS (
     SELECT person_name_key(coalesce(h."firstName", n.first), coalesce(h."lastName", n.last)) AS key
     FROM unnest($4::text[], $5::text[], $7::uuid[]) AS n(first, last, person_id)
     LEFT JOIN "Person" h ON h."id" = n.person_id AND h."partnerId" = $2::uuid
   )
   SELECT ${SESSION_COLUMNS},
          x."id" IS NOT NULL AS "hasException", x."maxPlaces" AS "exceptionMax", x."expiresAt" AS "exceptionExpiresAt",
          -- Only a per-session quota needs the partner's places on the session: the sub-select runs only then.
          CASE WHEN r."period" = 'SESSION' THEN
            (SELECT coalesce(sum(b."places"), 0)::int FROM "Booking" b
              WHERE b."sessionId" = s."id" AND b."partnerId" = $2::uuid AND b."status" = 'CONFIRMED' AND NOT b."late")
          ELSE 0 END AS "partnerPlacesOnSession",
          p."id" IS NOT NULL AS "partnerFound", partner_convention_valid(p."id", s."startsAt") AS "conventionValid",
          (SELECT count(*)::int FROM "Person" h
            WHERE h."id" = ANY($3::uuid[]) AND h."partnerId" = $2::uuid AND h."archivedAt" IS NULL) AS "ownPeople",
          (SELECT k."id"::text FROM "Booking" k WHERE k."partnerId" = $2::uuid AND k."idempotencyKey" = $6::uuid) AS "repeatOf",
          (SELECT d."id"::text || ' ' || d."number" FROM "Booking" d JOIN "BookingGuest" g ON g."bookingId" = d."id"
            WHERE d."sessionId" = s."id" AND d."partnerId" = $2::uuid AND d."status" IN ('CONFIRMED', 'WAITLISTED')
              AND g."cancelledAt" IS NULL -- a guest withdrawn from the booking holds no place (withdraw-guest.ts)
              AND (g."personId" = ANY($3::uuid[]) OR person_name_key(g."firstName", g."lastName") IN (SELECT named.key FROM named))
            ORDER BY d."requestSeq" LIMIT 1) AS "duplicateOf",
          (SELECT count(*) <> count(DISTINCT named.key) FROM named) AS "nameRepeated",
          EXISTS (SELECT 1 FROM "SessionDraw" w WHERE w."sessionId" = s."id" AND w."drawnAt" IS NULL) AS "drawPending",
          -- Looked for only when someone waits while places are free (quota, not places, holds them back).
          (s."waitlistedBookings" > 0 AND s."capacity" > s."confirmedPlaces" AND EXISTS (
            SELECT 1 FROM "Booking" wb JOIN "QuotaException" wx ON wx."venueId" = e."venueId" AND wx."partnerId" = wb."partnerId"
            WHERE wb."sessionId" = s."id" AND wb."status" = 'WAITLISTED'
              AND wx."expiresAt" <= $8 AND wx."maxPlaces" < r."maxPlaces")) AS "exceptionEnded"
   ${SESSION_FROM}
   LEFT JOIN "QuotaException" x ON x."venueId" = e."venueId" AND x."partnerId" = $2::uuid
   LEFT JOIN "Partner" p ON p."id" = $2::uuid
   WHERE s."id" = $1::uuid
  FOR UPDATE OF s`;
// Named by its text: a server that reloads its code in development keeps its connections, on which a
// name prepared with another text would fail.
const REQUEST_READ_NAME = `booking-lock-session-for-request-${createHash("sha1").update(REQUEST_READ).digest("hex").slice(0, 12)}`;

/**
 * For a booking request, one round trip: the locked session, its rule, the partner's exception and
 * convention, the partner's places on the session, whether the people named are the partner's own,
 * whether this form was sent before and whether a guest already holds a place on the session.
 * Prepared once per connection: it is the hot path's heaviest read.
 */
export async function lockSessionForRequest(sql: Sql, keys: RequestKeys): Promise<(LockedSession & RequestFacts) | null> {
  const [row] = await sql.query<RequestRow>(
    REQUEST_READ,
    [
      keys.sessionId,
      keys.partnerId,
      keys.personIds,
      keys.firstNames,
      keys.lastNames,
      keys.idempotencyKey,
      keys.guestPersonIds ?? keys.firstNames.map(() => null),
      keys.now ?? new Date(),
    ],
    REQUEST_READ_NAME,
  );
  if (!row) return null;
  const { hasException, exceptionMax, exceptionExpiresAt, ...session } = row;
  return { ...toLocked(session), exception: hasException ? { maxPlaces: exceptionMax, expiresAt: exceptionExpiresAt } : null };
}

// A session never changes venue, so the answer can be remembered for the life of the process; the
// cache is emptied when it grows past a season's worth of sessions.
const venueBySession = new Map<string, string>();
const VENUE_CACHE_SIZE = 20_000;

/** The venue a session belongs to, read without lock. */
export async function venueOfSession(sql: Sql, sessionId: string): Promise<string | null> {
  const known = venueBySession.get(sessionId);
  if (known) return known;
  const [row] = await sql.query<{ venueId: string }>(
    `SELECT e."venueId"::text AS "venueId" FROM "Session" s JOIN "Event" e ON e."id" = s."eventId" WHERE s."id" = $1::uuid`,
    [sessionId],
    "venue-of-session",
  );
  if (!row) return null;
  if (venueBySession.size >= VENUE_CACHE_SIZE) venueBySession.clear();
  venueBySession.set(sessionId, row.venueId);
  return row.venueId;
}

/** Each partner's exception to the venue's quota rule. */
export async function quotaExceptions(sql: Sql, venueId: string, partnerIds: string[]): Promise<Map<string, QuotaExceptionFacts>> {
  if (!partnerIds.length) return new Map();
  const rows = await sql.query<{ partnerId: string } & QuotaExceptionFacts>(
    `SELECT "partnerId"::text AS "partnerId", "maxPlaces", "expiresAt" FROM "QuotaException"
     WHERE "venueId" = $1::uuid AND "partnerId" = ANY($2::uuid[])`,
    [venueId, partnerIds],
  );
  return new Map(rows.map(({ partnerId, ...facts }) => [partnerId, facts]));
}

/** Places each partner holds (confirmed) against the venue's quota in the period of `session`. */
export async function quotaUsage(sql: Sql, session: LockedSession, partnerIds: string[]): Promise<Map<string, number>> {
  if (!session.rule || !partnerIds.length) return new Map();
  const range = quotaPeriodRange(session.rule.period, session.startsAt);
  const rows = range
    ? await sql.query<{ partnerId: string; places: number }>(
        `SELECT b."partnerId"::text AS "partnerId", sum(b."places")::int AS "places"
         FROM "Booking" b JOIN "Session" s ON s."id" = b."sessionId" JOIN "Event" e ON e."id" = s."eventId"
         WHERE b."status" = 'CONFIRMED' AND NOT b."late" AND e."venueId" = $1::uuid AND s."startsAt" >= $2 AND s."startsAt" < $3
           AND b."partnerId" = ANY($4::uuid[])
         GROUP BY b."partnerId"`,
        [session.venueId, range.from, range.to, partnerIds],
        "quota-usage-period",
      )
    : await sql.query<{ partnerId: string; places: number }>(
        `SELECT b."partnerId"::text AS "partnerId", sum(b."places")::int AS "places"
         FROM "Booking" b
         WHERE b."status" = 'CONFIRMED' AND NOT b."late" AND b."sessionId" = $1::uuid AND b."partnerId" = ANY($2::uuid[])
         GROUP BY b."partnerId"`,
        [session.id, partnerIds],
        "quota-usage-session",
      );
  return new Map(rows.map((row) => [row.partnerId, row.places]));
}
