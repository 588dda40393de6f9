// The season's invariants, checked at its end over the whole database, each as a count of violations
// (0: it holds). Written in SQL against the rows as they are, read with what each row records of its
// history (when it was asked for, confirmed, promoted, cancelled; when a guest was withdrawn; the
// exceptions' ledger the replay keeps), so that each check is sound: a booking counted as a violation
// truly broke the rule. Where the history is ambiguous (two things at the same simulated instant) a check
// gives the app the benefit of the doubt. The draw's order is recomputed in JavaScript from its seed with
// lib/booking/draw.ts, as anyone with the published seed would. tests/integration/season-invariants.test.ts
// breaks each one on purpose and sees it counted.
import type pg from "pg";
import { drawOrder, drawWeight } from "../../../lib/booking/draw";
import { seasonRange } from "../../../lib/time";

export interface Violations {
  name: string;
  violations: number;
}

/** The exceptions granted during the replay, with when each held: the quota check reads it. */
export const EXCEPTION_LEDGER = `
  CREATE TABLE IF NOT EXISTS season_replay_exception (
    venue_id uuid NOT NULL, partner_id uuid NOT NULL, max_places int, held_from timestamptz NOT NULL, held_until timestamptz
  )`;

type Query = Pick<pg.ClientBase, "query">;
const count = async (db: Query, sql: string, params: unknown[] = []) => Number((await db.query<{ n: number }>(sql, params)).rows[0]?.n ?? 0);

/**
 * A booking's places at instant $t: its guests not withdrawn before it. A guest withdrawn at that very
 * instant is still counted by default (the withdrawal may have come after); with `afterSameInstant`
 * false it is not: for a booking's own confirmation, which a withdrawal in the same transaction made
 * possible (the booking then moved up with the places left), and for the structure's other bookings
 * when the confirmation was a move up (a guest withdrawn from its confirmed part freed the place that
 * its waiting part took, in one transaction).
 */
const placesAt = (booking: string, at: string, afterSameInstant = true) =>
  `(SELECT count(*) FROM "BookingGuest" g WHERE g."bookingId" = ${booking}."id" AND (g."cancelledAt" IS NULL OR g."cancelledAt" ${afterSameInstant ? ">=" : ">"} ${at}))`;

/** When a venue's rule lifts itself for a session (lib/booking/rules.ts quotaLiftsAt, in Paris days). */
const liftsAt = (session: string, rule: string) =>
  `CASE WHEN ${rule}."liftDaysBefore" IS NOT NULL THEN ((${session}."startsAt" AT TIME ZONE 'Europe/Paris') - make_interval(days => ${rule}."liftDaysBefore")) AT TIME ZONE 'Europe/Paris' END`;

/** A confirmation that took its structure over the venue's quota (see its check below): the bookings b. */
const QUOTA_OVER = `
  FROM "Booking" b JOIN "Session" s ON s."id" = b."sessionId" JOIN "Event" e ON e."id" = s."eventId"
      JOIN "QuotaRule" r ON r."venueId" = e."venueId"
      WHERE b."confirmedAt" IS NOT NULL AND NOT b."late"
        AND (r."liftDaysBefore" IS NULL OR b."confirmedAt" < ${liftsAt("s", "r")})
        AND NOT EXISTS (SELECT 1 FROM season_replay_exception x WHERE x.venue_id = e."venueId" AND x.partner_id = b."partnerId"
                          AND x.held_from <= b."confirmedAt" AND (x.held_until IS NULL OR x.held_until >= b."confirmedAt") AND x.max_places IS NULL)
        AND (SELECT coalesce(sum(CASE WHEN c."id" = b."id" OR b."promotedAt" = b."confirmedAt" THEN ${placesAt("c", 'b."confirmedAt"', false)}
                                      ELSE ${placesAt("c", 'b."confirmedAt"')} END), 0)
             FROM "Booking" c JOIN "Session" cs ON cs."id" = c."sessionId" JOIN "Event" ce ON ce."id" = cs."eventId"
             WHERE c."partnerId" = b."partnerId" AND ce."venueId" = e."venueId" AND NOT c."late"
               AND (c."id" = b."id" OR c."confirmedAt" < b."confirmedAt")
               AND (c."cancelledAt" IS NULL OR c."cancelledAt" > b."confirmedAt")
               AND CASE r."period"
                     WHEN 'SESSION' THEN cs."id" = s."id"
                     WHEN 'MONTH' THEN date_trunc('month', cs."startsAt" AT TIME ZONE 'Europe/Paris') = date_trunc('month', s."startsAt" AT TIME ZONE 'Europe/Paris')
                     ELSE date_trunc('year', (cs."startsAt" AT TIME ZONE 'Europe/Paris') - interval '8 months') = date_trunc('year', (s."startsAt" AT TIME ZONE 'Europe/Paris') - interval '8 months')
                   END)
            > greatest(r."maxPlaces", (SELECT max(x.max_places) FROM season_replay_exception x WHERE x.venue_id = e."venueId" AND x.partner_id = b."partnerId"
                                         AND x.held_from <= b."confirmedAt" AND (x.held_until IS NULL OR x.held_until >= b."confirmedAt")))`;

/** Rule 3 broken by a promotion out of turn (see its check below): the promoted bookings b. */
const OUT_OF_TURN = `
  FROM "Booking" b JOIN "Session" s ON s."id" = b."sessionId" JOIN "Event" e ON e."id" = s."eventId"
  LEFT JOIN "QuotaRule" r ON r."venueId" = e."venueId"
  WHERE b."promotedAt" IS NOT NULL AND EXISTS (
    SELECT 1 FROM "Booking" a
    WHERE a."sessionId" = b."sessionId" AND a."requestSeq" < b."requestSeq" AND NOT a."late"
      AND NOT EXISTS (SELECT 1 FROM "Application" ap WHERE ap."bookingId" = a."id")
      AND (a."confirmedAt" IS NULL OR a."confirmedAt" > b."promotedAt")
      AND (a."cancelledAt" IS NULL OR a."cancelledAt" > b."promotedAt")
      AND ${placesAt("a", 'b."promotedAt"')} <= b."places"
      AND (r."venueId" IS NULL OR a."partnerId" = b."partnerId" OR b."promotedAt" >= ${liftsAt("s", "r")}))`;

/** Rule 3 broken by a release that moved no one up (see its check below): the cancelled bookings c. */
const NOT_AT_ALL = `
  FROM "Booking" c JOIN "Session" s ON s."id" = c."sessionId" JOIN "Event" e ON e."id" = s."eventId"
  LEFT JOIN "QuotaRule" r ON r."venueId" = e."venueId"
  WHERE c."status" = 'CANCELLED' AND c."cancelReason" = 'PARTNER' AND NOT c."late"
    AND c."confirmedAt" IS NOT NULL AND c."confirmedAt" < c."cancelledAt"
    AND s."closedAt" IS NULL AND c."cancelledAt" < coalesce(least(s."bookingClosesAt", s."startsAt"), s."startsAt")
    AND NOT EXISTS (SELECT 1 FROM "Booking" p WHERE p."sessionId" = s."id" AND p."promotedAt" = c."cancelledAt")
    AND EXISTS (
      SELECT 1 FROM "Booking" a
      WHERE a."sessionId" = c."sessionId" AND a."id" <> c."id" AND NOT a."late" AND a."requestedAt" < c."cancelledAt"
        AND NOT EXISTS (SELECT 1 FROM "Application" ap WHERE ap."bookingId" = a."id")
        AND (a."confirmedAt" IS NULL OR a."confirmedAt" > c."cancelledAt")
        AND (a."cancelledAt" IS NULL OR a."cancelledAt" > c."cancelledAt")
        AND ${placesAt("a", 'c."cancelledAt"')} <= ${placesAt("c", 'c."cancelledAt"')}
        AND (r."venueId" IS NULL OR c."cancelledAt" >= ${liftsAt("s", "r")}
             OR (r."period" = 'SESSION' AND a."partnerId" = c."partnerId"
                 AND NOT EXISTS (SELECT 1 FROM season_replay_exception x WHERE x.venue_id = e."venueId" AND x.partner_id = a."partnerId"))))`;

/**
 * When rule 3's check counts violations: up to three sessions concerned, each with the history of its
 * bookings, for a person to read what happened (the bench prints them).
 */
export async function promotionExamples(db: Query): Promise<{ kind: string; bookingId: string; sessionId: string; bookings: unknown[] }[]> {
  const { rows } = await db.query<{ kind: string; bookingId: string; sessionId: string }>(
    `(SELECT 'hors tour' AS kind, b."id"::text AS "bookingId", b."sessionId"::text AS "sessionId" ${OUT_OF_TURN} LIMIT 3)
     UNION ALL (SELECT 'aucune promotion' AS kind, c."id"::text, c."sessionId"::text ${NOT_AT_ALL} LIMIT 3)`,
  );
  const examples = [];
  for (const row of rows) {
    const { rows: bookings } = await db.query(
      `SELECT b."requestSeq"::int AS seq, b."id"::text AS id, b."status"::text AS status, b."places", b."partnerId"::text AS partner,
              b."requestedAt", b."confirmedAt", b."promotedAt", b."cancelledAt", b."cancelReason"::text AS reason, b."splitFromId"::text AS "splitFrom"
       FROM "Booking" b WHERE b."sessionId" = $1::uuid ORDER BY b."requestSeq"`,
      [row.sessionId],
    );
    // The venue's rule, and the exceptions its structures held, which decide what fitted.
    const { rows: rule } = await db.query(
      `SELECT r."period"::text AS period, r."maxPlaces", r."liftDaysBefore", s."startsAt",
              (SELECT json_agg(x) FROM season_replay_exception x WHERE x.venue_id = e."venueId") AS exceptions
       FROM "Session" s JOIN "Event" e ON e."id" = s."eventId" LEFT JOIN "QuotaRule" r ON r."venueId" = e."venueId" WHERE s."id" = $1::uuid`,
      [row.sessionId],
    );
    examples.push({ ...row, rule: rule[0], bookings });
  }
  return examples;
}

const CHECKS: { name: string; sql: string }[] = [
  {
    name: "places confirmées ≤ capacité, par séance",
    sql: `SELECT count(*)::int AS n FROM "Session" s
          WHERE s."capacity" < (SELECT coalesce(sum(b."places"), 0) FROM "Booking" b WHERE b."sessionId" = s."id" AND b."status" = 'CONFIRMED' AND NOT b."late")`,
  },
  {
    // At each confirmation (direct, promoted or drawn), the structure's places in the rule's period held
    // at that instant, against the most the rule or an exception held then allowed. Confirmed after the
    // rule lifted itself for that session: not subject to it.
    name: "aucun quota dépassé (exceptions comprises)",
    sql: `SELECT count(*)::int AS n ${QUOTA_OVER}`,
  },
  {
    name: "personne deux fois sur une séance",
    sql: `SELECT ((SELECT count(*) FROM (SELECT 1 FROM "BookingGuest" g JOIN "Booking" b ON b."id" = g."bookingId"
                                       WHERE b."status" IN ('CONFIRMED', 'WAITLISTED') AND g."cancelledAt" IS NULL AND g."personId" IS NOT NULL
                                       GROUP BY b."sessionId", g."personId" HAVING count(*) > 1) p)
               + (SELECT count(*) FROM (SELECT 1 FROM "BookingGuest" g JOIN "Booking" b ON b."id" = g."bookingId"
                                       WHERE b."status" IN ('CONFIRMED', 'WAITLISTED') AND g."cancelledAt" IS NULL AND g."anonymizedAt" IS NULL
                                       GROUP BY b."sessionId", b."partnerId", person_name_key(g."firstName", g."lastName") HAVING count(*) > 1) n))::int AS n`,
  },
  {
    // Two ways to break rule 3. Out of turn: a booking B promoted at t while an earlier booking A of the
    // same session waited at t and fitted what B got (A whole within B's places; A of B's structure, or
    // no quota, or the rule lifted): A should have gone first. Not at all: a confirmed booking C cancelled
    // by its structure at t, on a session still open, nothing promoted there at t, while a booking asked
    // for before t and still waiting after it fitted C's places and, under a quota, was C's structure's own
    // under a per-session rule with no exception in play (its quota on the session then grew by C's places;
    // under a monthly or seasonal rule, places taken elsewhere after a lift may still hold it at its maximum). A drawn application (served down to
    // its minimum) is left to the draw's own check.
    name: "chaque libération a promu la première réservation en attente qui tient",
    sql: `SELECT ((SELECT count(*) ${OUT_OF_TURN}) + (SELECT count(*) ${NOT_AT_ALL}))::int AS n`,
  },
  {
    name: "aucune réservation en attente sur une séance passée",
    sql: `SELECT count(*)::int AS n FROM "Booking" b JOIN "Session" s ON s."id" = b."sessionId" WHERE b."status" = 'WAITLISTED' AND s."startsAt" <= $1`,
  },
  {
    // Its confirmation (booking-confirmed), its draw's result (draw-result), or the notice of its move up.
    // NOT EXISTS, an anti-join PostgreSQL hashes: NOT IN over a subquery too large to hash in memory
    // compared every booking with every mail (over 6 minutes at scale 1).
    name: "chaque réservation confirmée a son courriel de confirmation",
    sql: `WITH mailed AS (
            SELECT split_part(m."sourceKey", ':', 2) AS id FROM "OutboxMail" m
            WHERE m."sourceKey" LIKE 'booking-confirmed:%' OR m."sourceKey" LIKE 'draw-result:%'
            UNION
            SELECT n."bookingId"::text FROM "OutboxMail" m JOIN "Notification" n ON n."id"::text = split_part(m."sourceKey", ':', 2)
            WHERE m."sourceKey" LIKE 'notice:%' AND n."type" = 'BOOKING_PROMOTED'
          )
          SELECT count(*)::int AS n FROM "Booking" b
          WHERE b."status" = 'CONFIRMED' AND NOT EXISTS (SELECT 1 FROM mailed WHERE mailed.id = b."id"::text)`,
  },
  {
    name: "compteurs des séances = sommes de leurs réservations",
    sql: `SELECT count(*)::int AS n FROM "Session" s,
          LATERAL (SELECT coalesce(sum(b."places") FILTER (WHERE b."status" = 'CONFIRMED' AND NOT b."late"), 0) AS confirmed,
                          coalesce(sum(b."places") FILTER (WHERE b."status" = 'WAITLISTED'), 0) AS waiting,
                          count(*) FILTER (WHERE b."status" = 'WAITLISTED') AS waiting_bookings,
                          coalesce(sum(b."places") FILTER (WHERE b."status" = 'CONFIRMED' AND b."late"), 0) AS late
                   FROM "Booking" b WHERE b."sessionId" = s."id") x
          WHERE (s."confirmedPlaces", s."waitlistedPlaces", s."waitlistedBookings", s."lateConfirmedPlaces") <> (x.confirmed, x.waiting, x.waiting_bookings, x.late)`,
  },
];

/** The season's figures (StatsFigure, written by the job stats-refresh) against a recount from the bookings, measure by measure. */
const STATS_RECOUNT = `
  WITH g AS (
    SELECT b."id", b."status", b."cancelReason", b."promotedAt" IS NOT NULL AS promoted, b."partnerId", gu."kind",
           gu."cancelledAt" IS NOT NULL AS gone, (b."status" = 'CONFIRMED' AND gu."cancelledAt" IS NULL) AS placed
    FROM "Booking" b JOIN "Session" s ON s."id" = b."sessionId" JOIN "BookingGuest" gu ON gu."bookingId" = b."id"
    WHERE s."startsAt" >= $1 AND s."startsAt" < $2
  ), recount AS (
    SELECT count(*)::int AS requested, count(*) FILTER (WHERE placed)::int AS confirmed,
           count(*) FILTER (WHERE status = 'CANCELLED' AND "cancelReason" = 'PARTNER')::int AS "cancelledByPartner",
           count(*) FILTER (WHERE status = 'CANCELLED' AND "cancelReason" = 'VENUE')::int AS "cancelledByVenue",
           count(*) FILTER (WHERE status = 'CANCELLED' AND "cancelReason" = 'ASSOCIATION')::int AS "cancelledByAssociation",
           count(*) FILTER (WHERE status = 'CANCELLED' AND "cancelReason" = 'SESSION_CANCELLED')::int AS "sessionCancelled",
           count(*) FILTER (WHERE status = 'CANCELLED' AND "cancelReason" = 'EXPIRED')::int AS expired,
           count(*) FILTER (WHERE gone AND status <> 'CANCELLED')::int AS withdrawn,
           count(DISTINCT "id") FILTER (WHERE promoted)::int AS promotions,
           count(DISTINCT "partnerId") FILTER (WHERE placed)::int AS structures,
           count(*) FILTER (WHERE placed AND kind <> 'MAIN')::int AS companions,
           (SELECT coalesce(sum(s."capacity"), 0)::int FROM "Session" s JOIN "Event" e ON e."id" = s."eventId"
             WHERE s."status" = 'SCHEDULED' AND e."status" <> 'DRAFT' AND s."startsAt" >= $1 AND s."startsAt" < $2) AS offered
    FROM g
  )
  SELECT r.*, f."requested" AS f_requested, f."confirmed" AS f_confirmed, f."cancelledByPartner" AS "f_cancelledByPartner",
         f."cancelledByVenue" AS "f_cancelledByVenue", f."cancelledByAssociation" AS "f_cancelledByAssociation",
         f."sessionCancelled" AS "f_sessionCancelled", f."expired" AS f_expired, f."withdrawn" AS f_withdrawn, f."promotions" AS f_promotions,
         f."structures" AS f_structures, f."companions" AS f_companions, f."offered" AS f_offered
  FROM recount r LEFT JOIN "StatsFigure" f ON f."season" = $3 AND f."dimension" = 'total' AND f."key" = ''`;

const STATS_MEASURES = [
  "requested",
  "confirmed",
  "cancelledByPartner",
  "cancelledByVenue",
  "cancelledByAssociation",
  "sessionCancelled",
  "expired",
  "withdrawn",
  "promotions",
  "structures",
  "companions",
  "offered",
];

/** Every invariant with its count of violations. `end`: the replay's last instant; `season`: the season played. */
export async function checkInvariants(db: Query, { end, season }: { end: Date; season: number }): Promise<Violations[]> {
  await db.query(EXCEPTION_LEDGER);
  const results: Violations[] = [];
  for (const check of CHECKS) {
    results.push({ name: check.name, violations: await count(db, check.sql, check.sql.includes("$1") ? [end] : []) });
  }
  results.push({ name: "chaque tirage se recalcule depuis sa graine", violations: await drawsThatDoNotRecompute(db) });
  const { from, to } = seasonRange(season);
  const [stats] = (await db.query<Record<string, number | null>>(STATS_RECOUNT, [from, to, season])).rows;
  results.push({
    name: "statistiques de la saison = recompte des réservations",
    violations: STATS_MEASURES.filter((measure) => stats![`f_${measure}`] !== stats![measure]).length,
  });
  return results;
}

/** Draws whose published ranks (or weights) differ from those recomputed from the seed and the applications. */
async function drawsThatDoNotRecompute(db: Query): Promise<number> {
  const { rows: draws } = await db.query<{ sessionId: string; seed: string }>(
    `SELECT "sessionId"::text AS "sessionId", "seed" FROM "SessionDraw" WHERE "drawnAt" IS NOT NULL AND "notHeld" IS NULL ORDER BY "sessionId"`,
  );
  let wrong = 0;
  for (const draw of draws) {
    const { rows } = await db.query<{ id: string; partnerId: string; places: number; minPlaces: number; outings: number; weight: number; rank: number }>(
      `SELECT "id"::text AS "id", "partnerId"::text AS "partnerId", "places", "minPlaces", "outings", "weight", "rank" FROM "Application" WHERE "sessionId" = $1::uuid`,
      [draw.sessionId],
    );
    const recomputed = drawOrder(
      rows.map((row) => ({ ...row, weight: drawWeight(row.outings, row.minPlaces) })),
      draw.seed,
    );
    const stored = new Map(rows.map((row) => [row.id, row]));
    if (recomputed.some((application) => stored.get(application.id)!.rank !== application.rank || stored.get(application.id)!.weight !== application.weight))
      wrong++;
  }
  return wrong;
}

/**
 * When the quota check counts violations: up to three confirmations over the quota, each with its
 * structure's bookings at the venue (their guests and when each was withdrawn), the rule and the
 * exceptions' ledger, for a person to read what happened (the bench prints them).
 */
export async function quotaExamples(db: Query): Promise<unknown[]> {
  const { rows } = await db.query<{ bookingId: string; venueId: string; partnerId: string }>(
    `SELECT b."id"::text AS "bookingId", e."venueId"::text AS "venueId", b."partnerId"::text AS "partnerId" ${QUOTA_OVER} LIMIT 3`,
  );
  const examples = [];
  for (const row of rows) {
    const { rows: bookings } = await db.query(
      `SELECT b."id"::text AS id, b."sessionId"::text AS session, s."startsAt", b."status"::text AS status, b."places", b."late",
              b."requestedAt", b."confirmedAt", b."promotedAt", b."cancelledAt", b."cancelReason"::text AS reason, b."splitFromId"::text AS "splitFrom",
              (SELECT json_agg(json_build_object('position', g."position", 'cancelledAt', g."cancelledAt") ORDER BY g."position") FROM "BookingGuest" g WHERE g."bookingId" = b."id") AS guests,
              EXISTS (SELECT 1 FROM "Application" a WHERE a."bookingId" = b."id") AS applied
       FROM "Booking" b JOIN "Session" s ON s."id" = b."sessionId" JOIN "Event" e ON e."id" = s."eventId"
       WHERE b."partnerId" = $1::uuid AND e."venueId" = $2::uuid AND b."confirmedAt" IS NOT NULL ORDER BY b."confirmedAt"`,
      [row.partnerId, row.venueId],
    );
    const { rows: rule } = await db.query(
      `SELECT r."period"::text AS period, r."maxPlaces", r."liftDaysBefore",
              (SELECT json_agg(x) FROM season_replay_exception x WHERE x.venue_id = r."venueId" AND x.partner_id = $2::uuid) AS ledger,
              (SELECT json_agg(q) FROM "QuotaException" q WHERE q."venueId" = r."venueId" AND q."partnerId" = $2::uuid) AS exceptions
       FROM "QuotaRule" r WHERE r."venueId" = $1::uuid`,
      [row.venueId, row.partnerId],
    );
    examples.push({ ...row, rule: rule[0], bookings });
  }
  return examples;
}
