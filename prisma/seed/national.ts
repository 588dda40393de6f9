// A data set the size of a national network, for benchmarks and worst-case pages: the demo (its accounts,
// passwords and stories) plus, generated inside PostgreSQL with set-based SQL, some 4,200 partner
// structures, 1,500 venues, 50,000 sessions over a year (half past, half to come), 500,000 bookings with
// 750,000 guests and 200,000 people supported. `npm run db:seed:national`; `scale` shrinks it for tests.
//
// Everything is drawn from hashes of row numbers (hashint8extended), never from random(): the same
// `now` and `scale` give the same rows, whatever the plan PostgreSQL picks. Ids are UUIDv7-shaped
// (their first 48 bits are the row's creation time, like Prisma's uuid(7)) and derived from those hashes.
//
// The rules the application keeps hold here too, by construction:
// - a session never has more confirmed places than its capacity: bookings are taken in order of request
//   and a session that runs out ends up exactly full (its capacity is where the last confirmed booking
//   ended), so that every waitlisted booking truly did not fit (rule 3 would have promoted it otherwise);
// - per-session quotas (the Lilas' 4 places, a tenth of the venues): a structure's places beyond its
//   quota wait (or were given up), and never count as confirmed;
// - a waitlist exists only where bookings are open; past sessions' waitlists expired, cancelled sessions
//   cancelled their bookings; attendance only on confirmed bookings of past sessions;
// - one place per person per session (docs/decisions/006): within a structure and a session, main guests
//   are distinct people of the structure's list and companions have distinct first names from a list
//   that shares none with the people's (prisma/seed/national-data.ts);
// - a structure books only for sessions its convention covers, only its own people, by its own users;
// - a booking's places are its guests not withdrawn (a companion withdrawn keeps their row and position);
// - the session counters are computed with the bookings and written with the sessions, while the
//   trigger that keeps them is off for the load (see NationalLoadMode), then checked against the
//   bookings before the transaction commits.
//
// Speed (scale 1 on the 2-core machine, embedded PostgreSQL with fsync on, other jobs running): about
// 40 s in all, the demo included. Two per-row costs dominate a naive load and are avoided: the counter
// trigger (one UPDATE of the session per booking: 63–83 s for the bookings alone, against 16–23 s
// without it) and the foreign-key checks (the bookings then take under 5 s); the secondary indexes of
// the bookings and guests are built once after the load rather than updated a million times.
import pg from "pg";
import { warnEndingConventions } from "../../lib/association/convention-warnings";
import { sessionJobs } from "../../lib/booking/timed";
import { connectionConfig } from "../../lib/db/client";
import type { Sql } from "../../lib/db/sql";
import type { QuotaPeriod } from "../../lib/generated/prisma/enums";
import { seasonOf } from "../../lib/time";
import { demoAccounts } from "./catalog";
import { seedDemoData } from "./demo";
import {
  associationCancelNotes,
  companionFirstNames,
  DEMO_TOWN,
  lastNames,
  personFirstNames,
  pitches,
  sectors,
  sessionCancelNotes,
  streets,
  structureNames,
  titles,
  towns,
  venueKinds,
} from "./national-data";

/**
 * The sizes at scale 1: totals in the database, the demo's rows included. The guests follow from the
 * bookings (1.51 guests a booking, withdrawn companions included); the others are drawn to the count.
 */
export const NATIONAL_SIZES = {
  Partner: 4_200,
  Venue: 1_500,
  Session: 50_000,
  Booking: 500_000,
  BookingGuest: 750_000,
  Person: 200_000,
} as const;

/** The demo's partner structure, at scale 1, supports this many people. */
const DEMO_PARTNER_PEOPLE = 2_000;

/**
 * How the load treats what PostgreSQL does for each row written:
 * - "trigger": everything per row, as the application writes: foreign keys checked, the trigger on
 *   "Booking" moving the session counters for each booking (the sessions start at zero), every index
 *   updated at each insert;
 * - "keys": foreign keys still checked per row; the counter trigger disabled for the load (the counters
 *   are written with the sessions); the secondary indexes of "Booking" and "BookingGuest" dropped and
 *   rebuilt afterwards from their own definitions (the same indexes, built in one sort each);
 * - "bulk" (the default when the role is a superuser): as "keys", but under session_replication_role =
 *   replica, so no per-row trigger at all, foreign keys included: the seed checks every foreign key of
 *   the rows it wrote with anti-joins instead, before committing.
 * In every mode the session counters are checked against the bookings before the commit, and all of it
 * is one transaction: a failure leaves the demo as it was.
 */
export type NationalLoadMode = "trigger" | "keys" | "bulk";

export interface NationalSeedOptions {
  /** 1 for the sizes above, 0.01 for tests. */
  scale?: number;
  /** The moment the data is laid out around (half the sessions before it, half after). */
  now?: Date;
  /** Default: "bulk" for a superuser (the embedded PostgreSQL), "keys" otherwise. */
  mode?: NationalLoadMode;
  /** Called after each step with its time, for the command line. */
  onStep?: (step: string, ms: number) => void;
}

export interface NationalSeedResult {
  /** Rows per table once loaded. */
  counts: Record<string, number>;
  /** Everything: the demo seed, the national load, ANALYZE. */
  ms: number;
  demoMs: number;
  mode: NationalLoadMode;
  steps: { step: string; ms: number }[];
}

/** Tables counted in the summary, in the order a person reads them. */
const COUNTED = [
  "User",
  "Partner",
  "Convention",
  "OnboardingStep",
  "Membership",
  "PartnershipRequest",
  "Person",
  "Venue",
  "VenueManager",
  "QuotaRule",
  "Event",
  "Session",
  "Booking",
  "BookingGuest",
  "BookingFeedback",
] as const;

/** The tables whose secondary indexes are rebuilt rather than updated row by row. */
const REBUILT = ["Booking", "BookingGuest", "BookingFact"];

export async function seedNational(databaseUrl: string, options: NationalSeedOptions = {}): Promise<NationalSeedResult> {
  const { scale = 1, now = new Date(), onStep } = options;
  if (!(scale > 0 && scale <= 4)) throw new Error(`scale doit être entre 0 et 4 (reçu ${scale}).`);
  const started = performance.now();
  const steps: { step: string; ms: number }[] = [];
  const record = (step: string, since: number) => {
    const ms = Math.round(performance.now() - since);
    steps.push({ step, ms });
    onStep?.(step, ms);
  };

  let since = performance.now();
  await seedDemoData(databaseUrl, { reset: true });
  const demoMs = Math.round(performance.now() - since);
  record("demo seed", since);

  const client = new pg.Client(connectionConfig(databaseUrl));
  await client.connect();
  try {
    const mode =
      options.mode ??
      ((await client.query<{ superuser: boolean }>(`SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`)).rows[0]?.superuser
        ? "bulk"
        : "keys");
    await client.query("BEGIN");
    try {
      for (const step of loadSteps(mode, now)) {
        since = performance.now();
        if (typeof step.sql === "function") await step.sql(client);
        else await client.query(step.sql, step.params?.({ scale, now }) ?? []);
        record(step.name, since);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
    since = performance.now();
    // VACUUM as well: a database in service is kept so by autovacuum, and without its visibility map the
    // index-only scans the pages rely on would visit the table for every row (a few seconds here).
    await client.query(`VACUUM (ANALYZE)`);
    record("vacuum analyze", since);
    const counts = await countRows(client);
    return { counts, ms: Math.round(performance.now() - started), demoMs, mode, steps };
  } finally {
    await client.end();
  }
}

async function countRows(client: pg.Client): Promise<Record<string, number>> {
  const { rows } = await client.query<{ name: string; n: number }>(
    COUNTED.map((table) => `SELECT '${table}' AS name, count(*)::int AS n FROM "${table}"`).join(" UNION ALL "),
  );
  const byName = new Map(rows.map((row) => [row.name, row.n]));
  return Object.fromEntries(COUNTED.map((table) => [table, byName.get(table) ?? 0]));
}

interface Step {
  name: string;
  sql: string | ((client: pg.Client) => Promise<void>);
  params?: (input: { scale: number; now: Date }) => unknown[];
}

const json = (value: unknown) => JSON.stringify(value);

function loadSteps(mode: NationalLoadMode, now: Date): Step[] {
  const scheduleJobs = (client: pg.Client) => scheduleTimedJobs(client, now);
  const perRow = mode === "trigger";
  return [
    { name: "setup", sql: setup() },
    ...(mode === "bulk" ? [{ name: "replica role", sql: `SET LOCAL session_replication_role = replica` }] : []),
    ...(mode === "keys" ? [{ name: "counter trigger off", sql: `ALTER TABLE "Booking" DISABLE TRIGGER "Booking_places_sync"` }] : []),
    {
      name: "parameters",
      sql: PARAMETERS,
      params: ({ scale, now }) => [
        now,
        scale,
        seasonOf(now),
        demoAccounts.admin.email,
        demoAccounts.partner.email,
        demoAccounts.venue.email,
        NATIONAL_SIZES.Venue,
        NATIONAL_SIZES.Partner,
        NATIONAL_SIZES.Session,
        NATIONAL_SIZES.Booking,
        NATIONAL_SIZES.Person,
        DEMO_PARTNER_PEOPLE,
        DEMO_TOWN,
      ],
    },
    { name: "demo found", sql: DEMO_FOUND },
    {
      name: "lists",
      sql: `CREATE TEMP TABLE nat_input ON COMMIT DROP AS SELECT $1::jsonb AS towns, $2::jsonb AS kinds, $3::jsonb AS titles, $4::jsonb AS pitches, $5::jsonb AS sectors`,
      params: () => [
        json(towns.map((town, ord) => ({ ...town, ord }))),
        json(venueKinds.map((k, ord) => ({ ...k, capMin: k.capacity[0], capMax: k.capacity[1], ord }))),
        json(Object.entries(titles).flatMap(([category, list]) => list.map((title, i) => ({ category, i, title })))),
        json(Object.entries(pitches).map(([category, pitch]) => ({ category, pitch }))),
        json(sectors.map((sector, ord) => ({ ...sector, ord }))),
      ],
    },
    { name: "list tables", sql: LISTS },
    { name: "venues", sql: VENUES },
    { name: "partners", sql: PARTNERS },
    // Kept by triggers on the steps and conventions, which replica mode leaves asleep.
    { name: "partner stages", sql: PARTNER_STAGES },
    { name: "events", sql: EVENTS },
    { name: "sessions (staging)", sql: SESSIONS },
    { name: "bookings (staging)", sql: BOOKINGS },
    { name: "booking numbers", sql: freeBookingNumbers },
    { name: "people", sql: PEOPLE },
    ...(perRow ? [] : [{ name: "drop indexes", sql: DROP_INDEXES }]),
    { name: "insert sessions", sql: insertSessions(!perRow) },
    { name: "insert bookings", sql: INSERT_BOOKINGS },
    // Written by a trigger on each booking, which replica mode leaves asleep.
    { name: "booking facts", sql: BOOKING_FACTS },
    { name: "insert guests", sql: INSERT_GUESTS },
    { name: "insert feedback", sql: INSERT_FEEDBACK },
    ...(perRow ? [] : [{ name: "rebuild indexes", sql: REBUILD_INDEXES }]),
    ...(mode === "keys" ? [{ name: "counter trigger on", sql: `ALTER TABLE "Booking" ENABLE TRIGGER "Booking_places_sync"` }] : []),
    ...(mode === "bulk"
      ? [
          { name: "check foreign keys", sql: checkForeignKeys },
          { name: "origin role", sql: `SET LOCAL session_replication_role = origin` },
        ]
      : []),
    { name: "check counters", sql: checkCounters },
    { name: "timed jobs", sql: scheduleJobs },
    // Like the demo's "demo.seeded": which data set this is, and where its bookings start.
    {
      name: "audit",
      sql: `INSERT INTO "AuditLog" ("at", "actorUserId", "actorKind", "action", "entityType", "entityId", "after")
            SELECT now, admin_id, 'system', 'national.seeded', 'Database', 'national',
                   jsonb_build_object('scale', scale, 'now', now, 'mode', $1::text, 'firstRequestSeq', seq_base + 1) FROM nat`,
      params: () => [mode],
    },
  ];
}

// ───────────────────────────── SQL ─────────────────────────────

/**
 * The secondary indexes of the big tables, as the schema has them now (read from the catalog, so that
 * an index added by a migration is rebuilt too): dropped for the load and built again from their own
 * definitions, one sort each instead of a million random inserts. Indexes behind a constraint (primary
 * keys, which foreign keys point to) stay.
 */
/** Each structure's stage in the partnership, by the function the triggers of migration 20261204184026 call. */
const PARTNER_STAGES = `SELECT partner_stage_refresh("id") FROM "Partner"`;

const DROP_INDEXES = `
  CREATE TEMP TABLE nat_index ON COMMIT DROP AS
  SELECT n.nspname AS schema_name, c.relname AS index_name, pg_get_indexdef(i.indexrelid) AS definition
  FROM pg_index i
  JOIN pg_class c ON c.oid = i.indexrelid
  JOIN pg_class t ON t.oid = i.indrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace
  WHERE n.nspname = current_schema() AND t.relname IN (${REBUILT.map((table) => `'${table}'`).join(", ")})
    AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid);
  DO $$ DECLARE r record; BEGIN
    FOR r IN SELECT * FROM nat_index LOOP EXECUTE format('DROP INDEX %I.%I', r.schema_name, r.index_name); END LOOP;
  END $$;
`;

const REBUILD_INDEXES = `
  DO $$ DECLARE r record; BEGIN
    FOR r IN SELECT * FROM nat_index ORDER BY index_name LOOP EXECUTE r.definition; END LOOP;
  END $$;
`;

/**
 * Helpers of this session only (pg_temp): nothing is added to the schema. `rnd` is a uniform number in
 * [0, 1) drawn from a row number and a salt; `uid` a UUIDv7-shaped id whose time is `ts`.
 */
const setup = () => `
  SET LOCAL temp_buffers = '1GB';
  SET LOCAL work_mem = '256MB';
  SET LOCAL maintenance_work_mem = '256MB';
  SET LOCAL synchronous_commit = off;
  CREATE FUNCTION pg_temp.rnd(n bigint, salt integer) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ((hashint8extended(n, salt) >> 11) & 9007199254740991)::double precision / 9007199254740992 $$;
  CREATE FUNCTION pg_temp.uid(ts timestamptz, n bigint, salt integer) RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT (lpad(to_hex(floor(extract(epoch FROM ts) * 1000)::bigint), 12, '0') || '7'
                  || lpad(to_hex(hashint8extended(n, salt) & 4095), 3, '0')
                  || to_hex(8 | ((hashint8extended(n, salt) >> 12) & 3))
                  || lpad(to_hex(hashint8extended(n, salt + 1) & 1152921504606846975), 15, '0'))::uuid $$;
  -- A Paris wall-clock time on a Paris date.
  CREATE FUNCTION pg_temp.paris(d date, t text) RETURNS timestamptz
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT (d + t::time) AT TIME ZONE 'Europe/Paris' $$;
  CREATE FUNCTION pg_temp.phone(n bigint, salt integer) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT '0' || (1 + (hashint8extended(n, salt) & 3)) || to_char(10000000 + (hashint8extended(n, salt + 1) & 1048575) * 85, 'FM" "00" "00" "00" "00') $$;
  CREATE FUNCTION pg_temp.slug(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT trim(BOTH '-' FROM regexp_replace(translate(lower(t), 'àâäáéèêëîïíôöóùûüúçœæ', 'aaaaeeeeiiiooouuuucoa'), '[^a-z0-9]+', '-', 'g')) $$;
  ${constantList("person_first", personFirstNames)}
  ${constantList("companion_first", companionFirstNames)}
  ${constantList("last_names", lastNames)}
  ${constantList("structure_names", structureNames)}
  ${constantList("streets", streets)}
  ${constantList("session_notes", sessionCancelNotes)}
  ${constantList("association_notes", associationCancelNotes)}
`;

/**
 * A list as a function returning a constant array: PostgreSQL inlines it into each query as a literal,
 * read in place for every row (an array stored in a table row could be compressed, and unpacked per row).
 */
function constantList(name: string, list: (string | null)[]): string {
  const items = list.map((item) => (item === null ? "NULL" : `'${item.replace(/'/g, "''")}'`));
  return `CREATE FUNCTION pg_temp.${name}() RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ARRAY[${items.join(", ")}]::text[] $$;`;
}

/**
 * One row of parameters: the clock, the targets (totals minus what the demo already holds) and the demo's
 * own rows the national data hangs on (its admin, partner structure and venue).
 */
const PARAMETERS = `
  CREATE TEMP TABLE nat ON COMMIT DROP AS
  WITH demo AS (
    SELECT (SELECT "id" FROM "User" WHERE "email" = $4) AS admin_id,
           (SELECT "passwordHash" FROM "User" WHERE "email" = $4) AS password_hash,
           (SELECT "partnerId" FROM "User" WHERE "email" = $5) AS escale_id,
           (SELECT m."venueId" FROM "VenueManager" m JOIN "User" u ON u."id" = m."userId" WHERE u."email" = $6) AS lilas_id,
           $5::text AS escale_user,
           (SELECT "id" FROM "User" WHERE "email" = $6) AS lilas_manager_id
  )
  SELECT $1::timestamptz AS now,
         ($1::timestamptz AT TIME ZONE 'Europe/Paris')::date AS today,
         $2::float8 AS scale,
         $3::int AS season,
         demo.*,
         $13::text AS demo_town,
         greatest(0, round($7 * $2) - (SELECT count(*) FROM "Venue"))::int AS venues_new,
         greatest(0, round($8 * $2) - (SELECT count(*) FROM "Partner"))::int AS partners_new,
         greatest(0, round($9 * $2) - (SELECT count(*) FROM "Session"))::int AS sessions_new,
         greatest(0, round($10 * $2) - (SELECT count(*) FROM "Booking"))::int AS bookings_new,
         greatest(0, round($11 * $2) - (SELECT count(*) FROM "Person"))::int AS people_new,
         greatest(0, round($12 * $2) - (SELECT count(*) FROM "Person" WHERE "partnerId" = demo.escale_id))::int AS escale_people_new,
         (SELECT coalesce(max("requestSeq"), 0) FROM "Booking") AS seq_base
  FROM demo
`;

const DEMO_FOUND = `
  ANALYZE nat;
  DO $$ BEGIN
    IF (SELECT admin_id IS NULL OR escale_id IS NULL OR lilas_id IS NULL FROM nat) THEN
      RAISE EXCEPTION 'Les comptes de démonstration manquent : la graine nationale part de la démo.';
    END IF;
  END $$;
`;

/** The lists of prisma/seed/national-data.ts, as tables to join. */
const LISTS = `
  CREATE TEMP TABLE nat_town ON COMMIT DROP AS
  SELECT t.*, (row_number() OVER (ORDER BY t.ord))::int AS town,
         coalesce(sum(t.weight) OVER (ORDER BY t.ord ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) / sum(t.weight) OVER () AS lo,
         sum(t.weight) OVER (ORDER BY t.ord) / sum(t.weight) OVER () AS hi
  FROM nat_input, jsonb_to_recordset(nat_input.towns) AS t(name text, weight float8, "postalCodes" text[], areas text[], ord bigint);

  CREATE TEMP TABLE nat_kind ON COMMIT DROP AS
  SELECT k.kind::"VenueKind" AS kind, k.names, k.times, k."capMin" AS cap_min, k."capMax" AS cap_max,
         k."sessionsPerEvent" AS per_event, k."spanDays" AS span_days, k.categories,
         coalesce(sum(k.share) OVER (ORDER BY k.ord ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) / sum(k.share) OVER () AS lo,
         sum(k.share) OVER (ORDER BY k.ord) / sum(k.share) OVER () AS hi
  FROM nat_input, jsonb_to_recordset(nat_input.kinds) AS k(kind text, share float8, names text[], times text[], "capMin" int, "capMax" int,
                                                           "sessionsPerEvent" float8, "spanDays" int, categories jsonb, ord bigint);

  CREATE TEMP TABLE nat_kind_category ON COMMIT DROP AS
  SELECT k.kind, (c.value->>0)::"EventCategory" AS category,
         coalesce(sum((c.value->>1)::float8) OVER (PARTITION BY k.kind ORDER BY c.ord ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
           / sum((c.value->>1)::float8) OVER (PARTITION BY k.kind) AS lo,
         sum((c.value->>1)::float8) OVER (PARTITION BY k.kind ORDER BY c.ord) / sum((c.value->>1)::float8) OVER (PARTITION BY k.kind) AS hi
  FROM nat_kind k, jsonb_array_elements(k.categories) WITH ORDINALITY AS c(value, ord);

  CREATE TEMP TABLE nat_title ON COMMIT DROP AS
  SELECT t.category::"EventCategory" AS category, t.i, t.title, count(*) OVER (PARTITION BY t.category) AS n
  FROM nat_input, jsonb_to_recordset(nat_input.titles) AS t(category text, i int, title text);

  CREATE TEMP TABLE nat_pitch ON COMMIT DROP AS
  SELECT p.category::"EventCategory" AS category, p.pitch FROM nat_input, jsonb_to_recordset(nat_input.pitches) AS p(category text, pitch text);

  CREATE TEMP TABLE nat_sector ON COMMIT DROP AS
  SELECT s.sector::"Sector" AS sector, s.kinds,
         coalesce(sum(s.share) OVER (ORDER BY s.ord ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) / sum(s.share) OVER () AS lo,
         sum(s.share) OVER (ORDER BY s.ord) / sum(s.share) OVER () AS hi
  FROM nat_input, jsonb_to_recordset(nat_input.sectors) AS s(sector text, share float8, kinds text[], ord bigint);

`;

/**
 * Venues: the demo's Théâtre des Lilas (row 0) and the national ones, each in a town drawn by weight,
 * with a popularity rank: a venue of rank r gets sessions in proportion to r^-0.5 (the busiest a few
 * hundred a year, the quietest a dozen). The Lilas is second. A tenth have a per-session quota rule.
 */
const VENUES = `
  CREATE TEMP TABLE nat_venue ON COMMIT DROP AS
  WITH drawn AS (
    SELECT g.n, pg_temp.rnd(g.n, 101) AS u_town, pg_temp.rnd(g.n, 102) AS u_kind,
           (SELECT now FROM nat) - make_interval(days => 400 + (pg_temp.rnd(g.n, 103) * 1100)::int) AS created_at
    FROM generate_series(1, (SELECT venues_new FROM nat)) AS g(n)
  )
  SELECT d.n, pg_temp.uid(d.created_at, d.n, 100) AS id, t.town, t.name AS city, k.kind, d.created_at,
         k.names[1 + floor(pg_temp.rnd(d.n, 104) * cardinality(k.names))::int] AS name,
         CASE WHEN d.n = 1 THEN 1 ELSE d.n + 1 END AS rank,
         t.areas[1 + floor(pg_temp.rnd(d.n, 105) * cardinality(t.areas))::int] AS area,
         t."postalCodes"[1 + floor(pg_temp.rnd(d.n, 106) * cardinality(t."postalCodes"))::int] AS postal_code,
         CASE WHEN pg_temp.rnd(d.n, 107) < 0.1 THEN 4 + floor(pg_temp.rnd(d.n, 108) * 5)::int END AS quota_max,
         (ARRAY[NULL, 2, 3, 5])[1 + floor(pg_temp.rnd(d.n, 109) * 4)::int] AS quota_lift,
         pg_temp.uid(d.created_at, d.n, 110) AS manager_id
  FROM drawn d
  JOIN nat_town t ON d.u_town >= t.lo AND d.u_town < t.hi
  JOIN nat_kind k ON d.u_kind >= k.lo AND d.u_kind < k.hi
  UNION ALL
  SELECT 0, v."id", t.town, v."city", v."kind", v."createdAt", v."name", 2, v."area", v."postalCode", r."maxPlaces", r."liftDaysBefore", nat.lilas_manager_id
  FROM nat JOIN "Venue" v ON v."id" = nat.lilas_id JOIN nat_town t ON t.name = nat.demo_town
  LEFT JOIN "QuotaRule" r ON r."venueId" = v."id" AND r."period" = 'SESSION';

  INSERT INTO "Venue" ("id", "slug", "name", "kind", "description", "addressLine", "postalCode", "city", "area", "accessInfo", "phone",
                       "email", "website", "ticketOfficeName", "ticketOfficePhone", "ticketOfficeEmail", "accessibility",
                       "accessibilityNotes", "createdAt", "updatedAt")
  SELECT v.id, pg_temp.slug(v.name || ' ' || v.city) || '-' || v.n, v.name, v.kind,
         v.name || ', ' || v.city || ' (' || v.area || ').',
         (1 + floor(pg_temp.rnd(v.n, 111) * 120)::int) || ' ' || (pg_temp.streets())[1 + floor(pg_temp.rnd(v.n, 112) * cardinality(pg_temp.streets()))::int],
         v.postal_code, v.city, v.area,
         (ARRAY['Tram, arrêt ', 'Bus, arrêt ', 'Métro, station '])[1 + floor(pg_temp.rnd(v.n, 113) * 3)::int] || v.area || '. Entrée principale de plain-pied.',
         pg_temp.phone(v.n, 114), 'contact@lieu-' || v.n || '.test', 'https://lieu-' || v.n || '.example',
         'Billetterie — ' || (pg_temp.person_first())[1 + floor(pg_temp.rnd(v.n, 115) * cardinality(pg_temp.person_first()))::int],
         pg_temp.phone(v.n, 116), 'billetterie@lieu-' || v.n || '.test',
         ARRAY(SELECT a.value::"Accessibility" FROM (VALUES (1, 'WHEELCHAIR', 0.75), (2, 'HEARING_LOOP', 0.35), (3, 'SIGN_LANGUAGE', 0.12),
                                                             (4, 'AUDIO_DESCRIPTION', 0.2), (5, 'RELAXED', 0.15), (6, 'SURTITLES', 0.1), (7, 'EASY_READ', 0.15)) AS a(i, value, p)
               WHERE pg_temp.rnd(v.n * 8 + a.i, 117) < a.p ORDER BY a.i),
         NULL, v.created_at, v.created_at
  FROM nat_venue v WHERE v.n > 0;
  UPDATE "Venue" SET "accessibilityNotes" = CASE WHEN 'WHEELCHAIR' = ANY("accessibility") THEN 'Places pour fauteuil : prévenir la billetterie.' ELSE 'Accès par escalier uniquement.' END
  WHERE "id" IN (SELECT id FROM nat_venue WHERE n > 0);

  INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "createdAt", "updatedAt")
  SELECT v.manager_id, 'billetterie-' || v.n || '@lieux.test',
         (pg_temp.person_first())[1 + floor(pg_temp.rnd(v.n, 118) * cardinality(pg_temp.person_first()))::int] || ' ' || (pg_temp.last_names())[1 + floor(pg_temp.rnd(v.n, 119) * cardinality(pg_temp.last_names()))::int],
         nat.password_hash, 'VENUE', v.created_at, v.created_at
  FROM nat_venue v, nat WHERE v.n > 0;
  INSERT INTO "VenueManager" ("userId", "venueId", "createdAt") SELECT manager_id, id, created_at FROM nat_venue WHERE n > 0;
  INSERT INTO "QuotaRule" ("id", "venueId", "period", "maxPlaces", "liftDaysBefore", "createdAt", "updatedAt")
  SELECT pg_temp.uid(created_at, n, 120), id, 'SESSION', quota_max, quota_lift, created_at, created_at FROM nat_venue WHERE n > 0 AND quota_max IS NOT NULL;
`;

/**
 * Partner structures: the demo's CHRS L'Escale (row 0) and the national ones. 2% are still in the
 * pipeline (a request, maybe a meeting): no convention, account, people or booking. The others signed a
 * three-year convention 300 to 1,000 days ago, which covers every session of the data set and every
 * request made for them. Each active structure has a rank in its town (L'Escale first in Lyon): nine
 * bookings in ten pick a structure of the session's town by a power law of that rank, the others any
 * structure by a power law of its national rank (every town's first, then every town's second…).
 */
const PARTNERS = `
  CREATE TEMP TABLE nat_partner ON COMMIT DROP AS
  WITH drawn AS (
    SELECT g.n, pg_temp.rnd(g.n, 201) AS u_town, pg_temp.rnd(g.n, 202) AS u_sector, pg_temp.rnd(g.n, 203) >= 0.02 AS active,
           nat.today - (300 + floor(pg_temp.rnd(g.n, 204) * 700))::int AS signed_on
    FROM generate_series(1, (SELECT partners_new FROM nat)) AS g(n), nat
  ), national AS (
    SELECT d.n, t.town, t.name AS city, t.weight, s.sector, d.active, d.signed_on,
           CASE WHEN d.active THEN (d.signed_on - 45)::timestamp AT TIME ZONE 'Europe/Paris'
                ELSE nat.now - make_interval(days => 2 + (pg_temp.rnd(d.n, 205) * 60)::int) END AS created_at,
           s.kinds[1 + floor(pg_temp.rnd(d.n, 206) * cardinality(s.kinds))::int] || ' '
             || (pg_temp.structure_names())[1 + floor(pg_temp.rnd(d.n, 207) * cardinality(pg_temp.structure_names()))::int] AS name,
           t.areas[1 + floor(pg_temp.rnd(d.n, 208) * cardinality(t.areas))::int] AS area,
           t."postalCodes"[1 + floor(pg_temp.rnd(d.n, 209) * cardinality(t."postalCodes"))::int] AS postal_code,
           pg_temp.rnd(d.n, 210) < 0.4 AS has_team
    FROM drawn d JOIN nat_town t ON d.u_town >= t.lo AND d.u_town < t.hi JOIN nat_sector s ON d.u_sector >= s.lo AND d.u_sector < s.hi, nat
  ), everyone AS (
    SELECT n.n, pg_temp.uid(n.created_at, n.n, 211) AS id, n.town, n.city, n.weight, n.sector, n.active, n.signed_on, n.created_at, n.name, n.area,
           n.postal_code, pg_temp.uid(n.created_at + interval '47 days', n.n, 212) AS user1,
           CASE WHEN n.has_team THEN pg_temp.uid(n.created_at + interval '47 days', n.n, 213) END AS user2
    FROM national n
    UNION ALL
    SELECT 0, p."id", t.town, p."city", t.weight, p."sector", true, NULL, p."createdAt", p."name", p."area", p."postalCode",
           (SELECT "id" FROM "User" WHERE "email" = nat.escale_user),
           (SELECT min("id"::text)::uuid FROM "User" WHERE "partnerId" = p."id" AND "email" <> nat.escale_user)
    FROM nat JOIN "Partner" p ON p."id" = nat.escale_id JOIN nat_town t ON t.name = nat.demo_town
  )
  SELECT e.*, CASE WHEN e.active THEN (row_number() OVER (PARTITION BY e.town, e.active ORDER BY e.n))::int END AS local_rank
  FROM everyone e;

  -- The national rank: every town's first structure, then every town's second, the bigger towns first.
  CREATE TEMP TABLE nat_partner_rank ON COMMIT DROP AS
  SELECT n, town, local_rank, (row_number() OVER (ORDER BY local_rank, weight DESC, town))::int AS global_rank
  FROM nat_partner WHERE active;

  INSERT INTO "Partner" ("id", "name", "sector", "addressLine", "postalCode", "city", "phone", "email", "area", "createdAt", "updatedAt")
  SELECT p.id, p.name, p.sector,
         (1 + floor(pg_temp.rnd(p.n, 214) * 150)::int) || ' ' || (pg_temp.streets())[1 + floor(pg_temp.rnd(p.n, 215) * cardinality(pg_temp.streets()))::int],
         p.postal_code, p.city, pg_temp.phone(p.n, 216), 'contact@structure-' || p.n || '.test', p.area, p.created_at, p.created_at
  FROM nat_partner p WHERE p.n > 0;

  INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "partnerId", "createdAt", "updatedAt")
  SELECT u.id, u.email,
         (pg_temp.person_first())[1 + floor(pg_temp.rnd(p.n * 2 + u.k, 217) * cardinality(pg_temp.person_first()))::int] || ' '
           || (pg_temp.last_names())[1 + floor(pg_temp.rnd(p.n * 2 + u.k, 218) * cardinality(pg_temp.last_names()))::int],
         nat.password_hash, 'PARTNER', p.id, p.created_at + interval '47 days', p.created_at + interval '47 days'
  FROM nat_partner p
  CROSS JOIN LATERAL (VALUES (0, p.user1, 'referent-' || p.n || '@structures.test'), (1, p.user2, 'equipe-' || p.n || '@structures.test')) AS u(k, id, email)
  CROSS JOIN nat
  WHERE p.n > 0 AND p.active AND u.id IS NOT NULL;

  INSERT INTO "Convention" ("id", "partnerId", "signedOn", "validFrom", "validUntil", "reference", "createdById", "createdAt")
  SELECT pg_temp.uid(p.signed_on::timestamptz, p.n, 219), p.id, p.signed_on, p.signed_on, (p.signed_on + interval '3 years')::date - 1,
         'CONV-' || extract(year FROM p.signed_on) || '-N' || lpad(p.n::text, 4, '0'), nat.admin_id, p.signed_on::timestamptz
  FROM nat_partner p, nat WHERE p.n > 0 AND p.active;
  -- L'Escale books for the whole year of sessions: when its demo convention starts later, the one before it.
  INSERT INTO "Convention" ("id", "partnerId", "signedOn", "validFrom", "validUntil", "reference", "createdById", "createdAt")
  SELECT pg_temp.uid((c."validFrom" - 1095)::timestamptz, 0, 220), c."partnerId", c."validFrom" - 1095, c."validFrom" - 1095, c."validFrom" - 1,
         'CONV-' || extract(year FROM c."validFrom" - 1095) || '-ESC', nat.admin_id, (c."validFrom" - 1095)::timestamptz
  FROM nat JOIN LATERAL (SELECT * FROM "Convention" WHERE "partnerId" = nat.escale_id ORDER BY "validFrom" LIMIT 1) c ON true
  WHERE c."validFrom" > nat.today - 300;

  INSERT INTO "OnboardingStep" ("id", "partnerId", "kind", "at", "byUserId", "note", "data")
  SELECT pg_temp.uid(s.at, p.n * 8 + s.i, 221), p.id, s.kind::"OnboardingStepKind", s.at, CASE WHEN s.i > 1 THEN nat.admin_id END, s.note, s.data
  FROM nat CROSS JOIN nat_partner p
  CROSS JOIN LATERAL (VALUES
      (1, 'REQUEST_RECEIVED', (p.signed_on - 40)::timestamptz, NULL, NULL::jsonb),
      (2, 'MEETING_PLANNED', (p.signed_on - 35)::timestamptz, NULL, jsonb_build_object('meetingOn', (p.signed_on - 25)::text)),
      (3, 'MEETING_HELD', (p.signed_on - 25)::timestamptz, 'Projet de sorties régulières avec l''équipe.', '{"decision": "CONFIRMED"}'::jsonb),
      (4, 'CONVENTION_SIGNED', p.signed_on::timestamptz, NULL, NULL),
      (5, 'ACCOUNT_CREATED', (p.signed_on + 2)::timestamptz, NULL, NULL),
      (6, 'TRAINED', (p.signed_on + 9)::timestamptz, NULL, jsonb_build_object('trainedOn', (p.signed_on + 9)::text, 'trainer', 'Claire Martin'))
  ) AS s(i, kind, at, note, data)
  WHERE p.n > 0 AND p.active AND (s.i < 6 OR pg_temp.rnd(p.n, 222) < 0.8)
  UNION ALL
  SELECT pg_temp.uid(s.at, p.n * 8 + s.i, 221), p.id, s.kind::"OnboardingStepKind", s.at, CASE WHEN s.i > 1 THEN nat.admin_id END, NULL, s.data
  FROM nat CROSS JOIN nat_partner p
  CROSS JOIN LATERAL (VALUES
      (1, 'REQUEST_RECEIVED', p.created_at, NULL::jsonb),
      (2, 'MEETING_PLANNED', p.created_at + interval '1 day', jsonb_build_object('meetingOn', (nat.today + 7)::text))
  ) AS s(i, kind, at, data)
  WHERE p.n > 0 AND NOT p.active AND (s.i = 1 OR pg_temp.rnd(p.n, 223) < 0.5);

  INSERT INTO "PartnershipRequest" ("id", "structureName", "sector", "contactName", "contactRole", "email", "city", "message", "partnerId", "createdAt")
  SELECT pg_temp.uid(p.created_at, p.n, 224), p.name, p.sector,
         (pg_temp.person_first())[1 + floor(pg_temp.rnd(p.n, 225) * cardinality(pg_temp.person_first()))::int] || ' ' || (pg_temp.last_names())[1 + floor(pg_temp.rnd(p.n, 226) * cardinality(pg_temp.last_names()))::int],
         'Éducatrice spécialisée', 'contact@structure-' || p.n || '.test', p.city,
         'Nous aimerions proposer des sorties culturelles aux personnes que nous accompagnons.', p.id, p.created_at
  FROM nat_partner p WHERE p.n > 0 AND NOT p.active;

  INSERT INTO "Membership" ("id", "partnerId", "season", "status", "invitedAt", "answeredAt", "joinedOn", "amountCents", "paymentMeans", "receiptNumber", "createdAt", "updatedAt")
  SELECT pg_temp.uid(m.invited_at, p.n * 2 + m.k, 227), p.id, m.season, m.status::"MembershipStatus", m.invited_at,
         CASE WHEN m.status <> 'INVITED' THEN m.invited_at + interval '12 days' END,
         CASE WHEN m.status = 'MEMBER' THEN (m.invited_at + interval '25 days')::date END,
         CASE WHEN m.status = 'MEMBER' THEN 5000 END,
         CASE WHEN m.status = 'MEMBER' THEN (ARRAY['Virement', 'Chèque', 'Espèces'])[1 + floor(pg_temp.rnd(p.n * 2 + m.k, 228) * 3)::int] END,
         CASE WHEN m.status = 'MEMBER' THEN 'R-' || m.season || '-N' || p.n END,
         m.invited_at, m.invited_at
  FROM nat CROSS JOIN nat_partner p
  CROSS JOIN LATERAL (VALUES
      (0, nat.season - 1, CASE WHEN pg_temp.rnd(p.n, 229) < 0.6 THEN 'MEMBER' ELSE 'DECLINED' END),
      (1, nat.season, (ARRAY['INVITED', 'INVITED', 'JOINING', 'MEMBER', 'DECLINED'])[1 + floor(pg_temp.rnd(p.n, 230) * 5)::int])
  ) AS m0(k, season, status)
  CROSS JOIN LATERAL (SELECT m0.k, m0.season, m0.status, make_timestamptz(m0.season, 9, 20, 9, 0, 0, 'Europe/Paris') AS invited_at) AS m
  WHERE p.n > 0 AND p.active AND m.invited_at < nat.now;
`;

/**
 * Events: a venue's sessions are shared among its events (a theatre runs a show six times over four
 * weeks, a museum's exhibition has ten guided visits over four months, a concert plays once or twice).
 * An event's run is centred on a day of the year around now. A few events to come are still drafts; 3%
 * were cancelled (their sessions after that moment with them).
 */
const EVENTS = `
  CREATE TEMP TABLE nat_event ON COMMIT DROP AS
  WITH sized AS (
    SELECT v.*, power(v.rank, -0.5) AS weight FROM nat_venue v
  ), counted AS (
    SELECT s.*, greatest(2, round((SELECT sessions_new FROM nat) * s.weight / sum(s.weight) OVER ()))::int AS sessions,
           k.per_event, k.span_days, k.times, k.cap_min, k.cap_max
    FROM sized s JOIN nat_kind k ON k.kind = s.kind
  ), planned AS (
    SELECT c.*, greatest(1, round(c.sessions / c.per_event))::int AS events,
           (sum(greatest(1, round(c.sessions / c.per_event))::int) OVER (ORDER BY c.n) - greatest(1, round(c.sessions / c.per_event))::int) AS first_event
    FROM counted c
  )
  SELECT p.first_event + m + 1 AS n, p.n AS venue_n, p.id AS venue_id, p.kind, p.town, p.city, p.sessions AS venue_sessions, p.events AS venue_events, m,
         p.span_days, p.times, p.cap_min, p.cap_max, p.quota_max, p.quota_lift, p.manager_id,
         -182 + floor(pg_temp.rnd(p.first_event + m + 1, 301) * 365)::int AS center_day
  FROM planned p, generate_series(0, p.events - 1) AS m;

  ALTER TABLE nat_event ADD COLUMN category "EventCategory", ADD COLUMN status "EventStatus", ADD COLUMN published_at timestamptz,
    ADD COLUMN created_at timestamptz, ADD COLUMN cancelled_at timestamptz, ADD COLUMN duration int, ADD COLUMN id uuid;
  UPDATE nat_event e SET
    category = (SELECT c.category FROM nat_kind_category c WHERE c.kind = e.kind AND pg_temp.rnd(e.n, 302) >= c.lo AND pg_temp.rnd(e.n, 302) < c.hi),
    status = CASE WHEN e.center_day > 20 AND pg_temp.rnd(e.n, 303) < 0.2 THEN 'DRAFT'
                  WHEN pg_temp.rnd(e.n, 304) < 0.03 THEN 'CANCELLED' ELSE 'PUBLISHED' END::"EventStatus",
    published_at = least(nat.now - interval '1 day', pg_temp.paris(nat.today + (e.center_day - e.span_days / 2 - 45), '10:00')),
    duration = 45 + 15 * floor(pg_temp.rnd(e.n, 305) * 7)::int
  FROM nat;
  UPDATE nat_event e SET
    created_at = CASE WHEN e.status = 'DRAFT' THEN nat.now - make_interval(days => 1 + (pg_temp.rnd(e.n, 306) * 20)::int) ELSE e.published_at - interval '3 days' END,
    cancelled_at = CASE WHEN e.status = 'CANCELLED' THEN greatest(e.published_at + interval '1 day',
                          least(nat.now - interval '2 hours', pg_temp.paris(nat.today + e.center_day, '12:00') - make_interval(days => (pg_temp.rnd(e.n, 307) * 30)::int))) END,
    published_at = CASE WHEN e.status = 'DRAFT' THEN NULL ELSE e.published_at END
  FROM nat;
  UPDATE nat_event SET id = pg_temp.uid(created_at, n, 308);
  ANALYZE nat_event; ANALYZE nat_venue;

  INSERT INTO "Event" ("id", "venueId", "title", "description", "category", "minAge", "durationMinutes", "accessibility", "publicPriceCents",
                       "ticketUrl", "status", "publishedAt", "cancelledAt", "createdAt", "updatedAt")
  SELECT e.id, e.venue_id, t.title,
         p.pitch || ' ' || (ARRAY['Un moment à partager, seul ou accompagné.', 'Idéal pour une première sortie.',
                                  'Une rencontre avec l''équipe artistique suit la représentation.', 'Le lieu accueille les groupes sur réservation.'])[1 + floor(pg_temp.rnd(e.n, 309) * 4)::int],
         e.category,
         CASE WHEN e.category = 'YOUNG_AUDIENCE' THEN 3 + floor(pg_temp.rnd(e.n, 310) * 4)::int
              WHEN pg_temp.rnd(e.n, 311) < 0.6 THEN NULL ELSE (ARRAY[8, 10, 12, 14])[1 + floor(pg_temp.rnd(e.n, 312) * 4)::int] END,
         e.duration,
         ARRAY(SELECT a FROM unnest(v."accessibility") WITH ORDINALITY AS x(a, i) WHERE pg_temp.rnd(e.n * 8 + x.i, 313) < 0.7 ORDER BY x.i),
         CASE WHEN e.kind = 'LIBRARY' OR e.category IN ('WORKSHOP', 'HERITAGE') THEN NULL ELSE 500 + 100 * floor(pg_temp.rnd(e.n, 314) * 40)::int END,
         CASE WHEN e.kind = 'LIBRARY' THEN NULL ELSE 'https://' || v."slug" || '.example/billetterie/' || e.n END,
         e.status, e.published_at, e.cancelled_at, e.created_at, coalesce(e.cancelled_at, e.published_at, e.created_at)
  FROM nat_event e
  JOIN "Venue" v ON v."id" = e.venue_id
  JOIN nat_title t ON t.category = e.category AND t.i = floor(pg_temp.rnd(e.n, 315) * t.n)::int
  JOIN nat_pitch p ON p.category = e.category;
`;

/**
 * Sessions, staged with what the bookings need: the booking window (opened at publication, at the
 * session's opening time or 90 days before, whichever is last; closed at the closing time, by hand, by
 * cancellation, or now) and the demand. Demand is capacity × load × the share of the window already
 * gone (people book early: its 0.7th power); one session in eight is wanted by more than it offers.
 * Capacities and demand are then scaled together so that the bookings add up to the target.
 */
const SESSIONS = `
  CREATE TEMP TABLE nat_session ON COMMIT DROP AS
  WITH placed AS (
    SELECT e.n AS event_n, e.venue_n, e.town, e.times, e.cap_min, e.cap_max, e.quota_max, e.quota_lift, e.manager_id,
           e.status AS event_status, e.published_at, e.cancelled_at AS event_cancelled_at, e.created_at, e.duration,
           ((e.venue_n::bigint << 20) | v.j) AS key,
           least(182, greatest(-182, e.center_day + round((pg_temp.rnd((e.venue_n::bigint << 20) | v.j, 401) - 0.5) * e.span_days)::int)) AS day
    FROM nat_event e
    CROSS JOIN LATERAL generate_series(e.m, e.venue_sessions - 1, e.venue_events) AS v(j)
  ), timed AS (
    SELECT p.*, pg_temp.paris(nat.today + p.day, p.times[1 + floor(pg_temp.rnd(p.key, 402) * cardinality(p.times))::int]) AS starts_at
    FROM placed p, nat
  ), windowed AS (
    SELECT t.*, row_number() OVER (ORDER BY t.key) AS sn,
           t.cap_min + floor(pg_temp.rnd(t.key, 403) * (t.cap_max - t.cap_min + 1))::int AS cap_raw,
           CASE WHEN pg_temp.rnd(t.key, 404) < 0.3 THEN t.starts_at - interval '60 days' END AS opens_at,
           CASE WHEN pg_temp.rnd(t.key, 405) < 0.2 THEN t.starts_at - interval '1 day' END AS closes_at,
           CASE WHEN t.event_status = 'CANCELLED' AND t.starts_at > t.event_cancelled_at THEN t.event_cancelled_at
                WHEN t.event_status = 'PUBLISHED' AND pg_temp.rnd(t.key, 406) < 0.015
                  THEN greatest(t.published_at + interval '1 hour',
                                least(nat.now - interval '1 hour', t.starts_at - make_interval(days => 1 + (pg_temp.rnd(t.key, 407) * 14)::int))) END
             AS cancelled_at,
           CASE WHEN t.event_status = 'PUBLISHED' AND t.starts_at < nat.now + interval '14 days' AND pg_temp.rnd(t.key, 408) < 0.02
                THEN least(nat.now, t.starts_at - interval '1 day') - make_interval(hours => 1 + (pg_temp.rnd(t.key, 409) * 47)::int) END AS closed_at,
           CASE WHEN pg_temp.rnd(t.key, 410) < 0.125 THEN 1.2 + pg_temp.rnd(t.key, 411) ELSE 0.3 + 0.7 * pg_temp.rnd(t.key, 411) END AS load
    FROM timed t, nat
  ), framed AS (
    SELECT w.*, pg_temp.uid(w.created_at, w.sn, 412) AS id,
           least(w.starts_at, coalesce(w.closes_at, 'infinity')) AS closes_naturally,
           greatest(w.published_at, coalesce(w.opens_at, '-infinity'), w.starts_at - interval '90 days') AS window_open,
           least(w.starts_at, coalesce(w.closes_at, 'infinity'), coalesce(w.closed_at, 'infinity'), coalesce(w.cancelled_at, 'infinity'), nat.now) AS window_end
    FROM windowed w, nat
  )
  SELECT f.*,
         CASE WHEN f.event_status <> 'DRAFT' AND f.window_end > f.window_open + interval '1 hour'
              THEN f.cap_raw * f.load * power(least(1, extract(epoch FROM f.window_end - f.window_open)::float8
                                                       / extract(epoch FROM f.closes_naturally - f.window_open)::float8), 0.7)
              ELSE 0 END AS demand,
         f.closed_at IS NOT NULL OR f.closes_naturally <= nat.now AS waitlist_over,
         f.quota_max IS NOT NULL AND (f.quota_lift IS NULL
           OR nat.now < ((f.starts_at AT TIME ZONE 'Europe/Paris') - make_interval(days => f.quota_lift)) AT TIME ZONE 'Europe/Paris') AS quota_applies
  FROM framed f, nat;

  -- 1.51 places per booking on average (below): capacities and demand scale together to the target.
  CREATE TEMP TABLE nat_scale ON COMMIT DROP AS
  SELECT coalesce((SELECT bookings_new FROM nat) / nullif(sum(demand / 1.51), 0), 0) AS f FROM nat_session;
  ALTER TABLE nat_session ADD COLUMN capacity int, ADD COLUMN bookings int;
  UPDATE nat_session s SET capacity = greatest(4, round(s.cap_raw * least(greatest(c.f, 0.5), 3))),
                           bookings = floor(s.demand / 1.51 * c.f + pg_temp.rnd(s.key, 413))::int
  FROM nat_scale c;
  ALTER TABLE nat_session ADD PRIMARY KEY (sn);
  ANALYZE nat_session;
`;

/**
 * Bookings, staged: who asked (a structure of the town by the power law of its rank, or any structure by
 * its national rank), when (within the window), for how many guests, and whether the structure gave it
 * up. Then, in order of request: the structure's n-th booking on the session (which person it is for),
 * the quota, the places left, hence the status.
 */
const BOOKINGS = `
  -- Ranks drawn by inverting the distribution function of a power law of exponent a over 1..n: a uniform
  -- u gives floor((1 + u ((n + 1)^(1 - a) - 1))^(1 / (1 - a))); in a town a = 1, where it is (n + 1)^u;
  -- nationally a = 0.8. Then the busiest 1% of the structures make about a fifth of the bookings.
  CREATE TEMP TABLE nat_town_size ON COMMIT DROP AS
  SELECT town, count(*)::int AS size, ln(count(*) + 1) AS span FROM nat_partner_rank GROUP BY town;
  CREATE TEMP TABLE nat_country_size ON COMMIT DROP AS
  SELECT count(*)::int AS size, power(count(*) + 1, 0.2::float8) - 1 AS span FROM nat_partner_rank;
  ANALYZE nat_town_size; ANALYZE nat_partner_rank; ANALYZE nat_partner;

  CREATE TEMP TABLE nat_booking0 ON COMMIT DROP AS
  WITH ranked AS MATERIALIZED (
    SELECT s.sn, ((s.sn << 12) | j) AS key, s.town,
           s.window_open + (s.window_end - s.window_open) * pg_temp.rnd((s.sn << 12) | j, 501) AS requested_at,
           pg_temp.rnd((s.sn << 12) | j, 502) AS u_guests,
           pg_temp.rnd((s.sn << 12) | j, 505) AS u_cancel,
           CASE WHEN pg_temp.rnd((s.sn << 12) | j, 503) < 0.9 AND ts.size > 0
                THEN least(ts.size, floor(exp(pg_temp.rnd((s.sn << 12) | j, 504) * ts.span)))::int END AS local_rank,
           least(cs.size, floor(power(1 + pg_temp.rnd((s.sn << 12) | j, 504) * cs.span, 5::float8)))::int AS global_rank
    FROM nat_session s
    CROSS JOIN LATERAL generate_series(1, s.bookings) AS j
    LEFT JOIN nat_town_size ts ON ts.town = s.town
    CROSS JOIN nat_country_size cs
    WHERE s.bookings > 0
  )
  SELECT r.sn, r.key, r.requested_at, coalesce(pl.n, pg.n) AS partner_n,
         CASE WHEN r.u_guests < 0.65 THEN 1 WHEN r.u_guests < 0.88 THEN 2 WHEN r.u_guests < 0.96 THEN 3 ELSE 4 END AS guests,
         CASE WHEN r.u_cancel < 0.09 * 0.65 THEN 'PARTNER' WHEN r.u_cancel < 0.09 * 0.8 THEN 'VENUE' WHEN r.u_cancel < 0.09 THEN 'ASSOCIATION' END AS given_up
  FROM ranked r
  LEFT JOIN nat_partner_rank pl ON pl.town = r.town AND pl.local_rank = r.local_rank
  LEFT JOIN nat_partner_rank pg ON pg.global_rank = r.global_rank;

  -- Order of request, and each structure's n-th booking on a session (0 first).
  CREATE TEMP TABLE nat_booking1 ON COMMIT DROP AS
  SELECT b.*, (row_number() OVER (ORDER BY b.requested_at, b.key))::int AS ordinal,
         (row_number() OVER (PARTITION BY b.sn, b.partner_n ORDER BY b.requested_at, b.key) - 1)::int AS nth,
         CASE WHEN b.guests >= 2 AND pg_temp.rnd(b.key, 506) < 0.04 THEN 1 ELSE 0 END AS withdrawn
  FROM nat_booking0 b;
  ANALYZE nat_booking1;

  -- People per structure: the demo's gets its share of 2,000; the others in proportion to their bookings
  -- (at least three), so that a structure rarely books twice for the same person. 3% are archived.
  CREATE TEMP TABLE nat_people_count ON COMMIT DROP AS
  WITH used AS (SELECT partner_n, count(*) AS bookings FROM nat_booking1 GROUP BY partner_n),
       ratio AS (SELECT (SELECT people_new - escale_people_new FROM nat)::float8 / nullif(sum(bookings) FILTER (WHERE partner_n > 0), 0) AS r FROM used)
  SELECT p.n AS partner_n, c.people, c.people - floor(c.people * 0.03)::int AS active_people
  FROM nat_partner p CROSS JOIN ratio LEFT JOIN used u ON u.partner_n = p.n
  CROSS JOIN LATERAL (SELECT CASE WHEN p.n = 0 THEN greatest(3, (SELECT escale_people_new FROM nat))
                                  ELSE greatest(3, round(coalesce(u.bookings, 0) * coalesce(ratio.r, 0)))::int END AS people) c
  WHERE p.active;
  ALTER TABLE nat_people_count ADD PRIMARY KEY (partner_n);
  ANALYZE nat_people_count;

  -- The decision, on narrow rows: quota, then places in order of request. A structure books a person
  -- once per session: beyond its list (or 21 bookings, the companions' first names) a request was a
  -- duplicate the association cancelled. A session that runs out ends exactly full.
  CREATE TEMP TABLE nat_decision ON COMMIT DROP AS
  WITH flagged AS (
    SELECT b.ordinal, b.sn, b.partner_n, b.guests - b.withdrawn AS places, s.capacity, s.quota_max,
           CASE WHEN b.given_up IS NULL AND b.nth >= least(pc.active_people, 21) THEN 'DUPLICATE' ELSE b.given_up END AS cancelled_as
    FROM nat_booking1 b JOIN nat_session s ON s.sn = b.sn JOIN nat_people_count pc ON pc.partner_n = b.partner_n
  ), quota AS (
    SELECT f.*, f.quota_max IS NOT NULL AND f.cancelled_as IS NULL
             AND sum(f.places) FILTER (WHERE f.cancelled_as IS NULL) OVER (PARTITION BY f.sn, f.partner_n ORDER BY f.ordinal) > f.quota_max AS over_quota
    FROM flagged f
  ), running AS (
    SELECT q.*, q.cancelled_as IS NULL AND NOT q.over_quota AS live,
           sum(q.places) FILTER (WHERE q.cancelled_as IS NULL AND NOT q.over_quota) OVER (PARTITION BY q.sn ORDER BY q.ordinal) AS taken
    FROM quota q
  ), fitted AS (
    SELECT r.*,
           CASE WHEN sum(r.places) FILTER (WHERE r.live) OVER (PARTITION BY r.sn) <= r.capacity THEN r.capacity
                ELSE max(CASE WHEN r.live AND r.taken <= r.capacity THEN r.taken END) OVER (PARTITION BY r.sn) END AS capacity_final
    FROM running r
  ), confirmed AS (
    SELECT f.*, f.live AND f.taken <= f.capacity_final AS fits FROM fitted f
  )
  -- Over its quota by the running sum is not enough to wait: an earlier request over quota took none of
  -- it, so a request waits for quota only when the structure's confirmed places leave no room for it.
  SELECT c.ordinal, c.cancelled_as, c.fits, c.capacity_final,
         c.over_quota AND coalesce(sum(c.places) FILTER (WHERE c.fits) OVER (PARTITION BY c.sn, c.partner_n), 0) + c.places > c.quota_max AS quota_blocks,
         c.over_quota
  FROM confirmed c;
  ANALYZE nat_decision;

  CREATE TEMP TABLE nat_booking ON COMMIT DROP AS
  WITH decided AS (
    SELECT b.sn, b.key, b.ordinal, b.partner_n, b.guests, b.withdrawn, b.guests - b.withdrawn AS places, b.requested_at, b.nth,
           s.id AS session_id, s.starts_at, s.cancelled_at AS session_cancelled_at, s.closed_at, s.closes_naturally, s.manager_id,
           d.capacity_final, pc.active_people, d.fits,
           CASE WHEN d.cancelled_as IS NOT NULL THEN d.cancelled_as
                WHEN s.cancelled_at IS NOT NULL THEN 'SESSION_CANCELLED'
                WHEN d.fits THEN NULL
                WHEN s.waitlist_over THEN 'EXPIRED'
                -- Waiting for quota only while the quota applies and leaves no room: otherwise given up.
                WHEN d.over_quota AND NOT (s.quota_applies AND d.quota_blocks) THEN 'PARTNER'
           END AS cancelled_how,
           p.id AS partner_id, CASE WHEN p.user2 IS NOT NULL AND pg_temp.rnd(b.key, 510) < 0.4 THEN p.user2 ELSE p.user1 END AS created_by
    FROM nat_booking1 b
    JOIN nat_decision d ON d.ordinal = b.ordinal
    JOIN nat_session s ON s.sn = b.sn
    JOIN nat_people_count pc ON pc.partner_n = b.partner_n
    JOIN nat_partner p ON p.n = b.partner_n
  )
  SELECT d.sn, d.key, d.ordinal, d.partner_n, d.partner_id, d.session_id, d.starts_at, d.capacity_final, d.guests, d.withdrawn, d.places,
         d.requested_at, d.nth, d.created_by,
         -- The person the booking is for: the structure's n-th booking on the session goes to the n-th
         -- person of its list after a starting point drawn for the session and the structure.
         ((hashint8extended((d.sn << 16) | d.partner_n, 913) & 1048575) + d.nth) % d.active_people AS person_idx,
         pg_temp.uid(d.requested_at, d.key, 509) AS id,
         CASE WHEN d.cancelled_how IS NOT NULL THEN 'CANCELLED' WHEN d.fits THEN 'CONFIRMED' ELSE 'WAITLISTED' END::"BookingStatus" AS status,
         CASE d.cancelled_how WHEN 'DUPLICATE' THEN 'ASSOCIATION' ELSE d.cancelled_how END::"CancelReason" AS cancel_reason,
         CASE WHEN d.cancelled_how = 'DUPLICATE' THEN 'DUPLICATE'
              WHEN d.cancelled_how = 'ASSOCIATION'
                THEN (ARRAY['GUEST_UNAVAILABLE', 'GUEST_UNAVAILABLE', 'PARTNER_REQUEST', 'VENUE_REQUEST', 'OTHER'])[1 + floor(pg_temp.rnd(d.key, 507) * 5)::int] END::"CancelCode" AS cancel_code,
         CASE WHEN d.cancelled_how IN ('PARTNER', 'VENUE', 'ASSOCIATION', 'DUPLICATE')
                THEN d.requested_at + (least(nat.now, d.starts_at) - d.requested_at) * pg_temp.rnd(d.key, 508)
              WHEN d.cancelled_how = 'SESSION_CANCELLED' THEN d.session_cancelled_at
              WHEN d.cancelled_how = 'EXPIRED' THEN coalesce(d.closed_at, d.closes_naturally) END AS cancelled_at,
         CASE d.cancelled_how WHEN 'PARTNER' THEN d.created_by WHEN 'VENUE' THEN d.manager_id WHEN 'SESSION_CANCELLED' THEN d.manager_id
                              WHEN 'ASSOCIATION' THEN nat.admin_id WHEN 'DUPLICATE' THEN nat.admin_id END AS cancelled_by,
         -- Confirmed when asked (those given up or cancelled with their session had been, unless they waited).
         CASE WHEN d.fits OR d.cancelled_how IN ('PARTNER', 'VENUE', 'ASSOCIATION', 'DUPLICATE') THEN d.requested_at END AS confirmed_at,
         d.starts_at < nat.now AND d.cancelled_how IS NULL AND d.fits AS past_outing
  FROM decided d CROSS JOIN nat;
  ANALYZE nat_booking;
`;

/**
 * Booking numbers: eight characters of lib/booking/number.ts's alphabet, from a bijection of the 40-bit
 * numbers (multiply by an odd number, xor-shift, twice), so that no two bookings of the load share one;
 * a number the demo drew at random already is replaced by the image of another input.
 */
const numbersOf = (offset: number, where = "") => `
  SELECT ordinal,
         substr(a, (x & 31)::int + 1, 1) || substr(a, ((x >> 5) & 31)::int + 1, 1) || substr(a, ((x >> 10) & 31)::int + 1, 1)
         || substr(a, ((x >> 15) & 31)::int + 1, 1) || substr(a, ((x >> 20) & 31)::int + 1, 1) || substr(a, ((x >> 25) & 31)::int + 1, 1)
         || substr(a, ((x >> 30) & 31)::int + 1, 1) || substr(a, ((x >> 35) & 31)::int + 1, 1) AS number
  FROM (SELECT ordinal, x3 # (x3 >> 17) AS x, '23456789ABCDEFGHJKLMNPQRSTUVWXYZ' AS a
        FROM (SELECT ordinal, ((x2 # (x2 >> 20)) * 5397093) & 1099511627775 AS x3
              FROM (SELECT ordinal, ((ordinal + ${offset}::bigint) * 2654435761 + 2891336453) & 1099511627775 AS x2
                    FROM nat_number ${where} OFFSET 0) s2
              OFFSET 0) s3
        OFFSET 0) s4`;

async function freeBookingNumbers(client: pg.Client): Promise<void> {
  await client.query(`CREATE TEMP TABLE nat_number ON COMMIT DROP AS SELECT ordinal, NULL::text AS number FROM nat_booking`);
  await client.query(`CREATE TEMP TABLE nat_number2 ON COMMIT DROP AS ${numbersOf(0)}`);
  await client.query(
    `DROP TABLE nat_number; ALTER TABLE nat_number2 RENAME TO nat_number; ALTER TABLE nat_number ADD PRIMARY KEY (ordinal); ANALYZE nat_number`,
  );
  // Inputs stay below 2^25, so that no product leaves bigint.
  for (let attempt = 1; attempt <= 5; attempt++) {
    const { rowCount } = await client.query(
      `UPDATE nat_number b SET number = n.number
       FROM (${numbersOf(attempt * 4_194_304, `WHERE number IN (SELECT "number" FROM "Booking")`)}) n
       WHERE n.ordinal = b.ordinal`,
    );
    if (!rowCount) return;
  }
  throw new Error("Des numéros de réservation de la démo rencontrent toujours ceux de la graine nationale.");
}

/**
 * People: names from the lists, two indexes per person (first name, last name) that no two people of a
 * structure share; for the demo's structure, names its demo people do not already have.
 */
const PEOPLE = `
  CREATE TEMP TABLE nat_person ON COMMIT DROP AS
  WITH candidates AS (
    SELECT c.partner_n, p.id AS partner_id, c.people, c.active_people, i, p.signed_on,
           (pg_temp.person_first())[1 + ((i + (hashint8extended(c.partner_n, 601) & 1023)) % cardinality(pg_temp.person_first()))::int] AS first_name,
           (pg_temp.last_names())[1 + ((i / cardinality(pg_temp.person_first()) + (hashint8extended(c.partner_n, 602) & 1023)) % cardinality(pg_temp.last_names()))::int] AS last_name
    FROM nat_people_count c JOIN nat_partner p ON p.n = c.partner_n
    CROSS JOIN LATERAL generate_series(0, c.people - 1 + CASE WHEN c.partner_n = 0 THEN 50 ELSE 0 END) AS i
  ), kept AS (
    SELECT c.*, (row_number() OVER (PARTITION BY c.partner_n ORDER BY c.i) - 1)::int AS idx
    FROM candidates c
    WHERE c.partner_n > 0 OR NOT EXISTS (SELECT 1 FROM "Person" d WHERE d."partnerId" = c.partner_id
                                         AND person_name_key(d."firstName", d."lastName") = person_name_key(c.first_name, c.last_name))
  )
  SELECT k.partner_n, k.idx, k.first_name, k.last_name, k.partner_id,
         coalesce((k.signed_on + 2)::timestamptz, nat.now - interval '300 days')
           + make_interval(days => (pg_temp.rnd(k.partner_n::bigint * 100000 + k.idx, 603) * 20)::int) AS created_at,
         CASE WHEN k.idx >= k.active_people THEN nat.now - make_interval(days => (pg_temp.rnd(k.partner_n::bigint * 100000 + k.idx, 604) * 200)::int) END AS archived_at
  FROM kept k, nat WHERE k.idx < k.people;
  ALTER TABLE nat_person ADD COLUMN id uuid;
  UPDATE nat_person SET id = pg_temp.uid(created_at, partner_n::bigint * 100000 + idx, 605);
  ALTER TABLE nat_person ADD PRIMARY KEY (partner_n, idx);
  ANALYZE nat_person;

  INSERT INTO "Person" ("id", "partnerId", "firstName", "lastName", "notes", "archivedAt", "createdAt", "updatedAt")
  SELECT id, partner_id, first_name, last_name,
         CASE WHEN pg_temp.rnd(partner_n::bigint * 100000 + idx, 606) < 0.04
              THEN (ARRAY['Préfère les séances en journée.', 'Vient avec son fils.', 'Contacter par SMS.', 'Première sortie culturelle.'])[1 + floor(pg_temp.rnd(partner_n::bigint * 100000 + idx, 607) * 4)::int] END,
         archived_at, created_at, coalesce(archived_at, created_at)
  FROM nat_person ORDER BY created_at;
`;

/** Sessions with their counters (or zeros, when the trigger counts them), and their final capacity. */
function insertSessions(withCounters: boolean): string {
  const counter = (expression: string) => (withCounters ? `coalesce(${expression}, 0)` : "0");
  return `
  INSERT INTO "Session" ("id", "eventId", "startsAt", "endsAt", "capacity", "confirmedPlaces", "waitlistedPlaces", "waitlistedBookings",
                         "bookingOpensAt", "bookingClosesAt", "closedAt", "status", "cancelledAt", "cancelNote", "createdAt", "updatedAt")
  SELECT s.id, e.id, s.starts_at, s.starts_at + make_interval(mins => s.duration), coalesce(b.capacity_final, s.capacity),
         ${counter("b.confirmed")}, ${counter("b.waitlisted")}, ${counter("b.waiting")},
         s.opens_at, s.closes_at, s.closed_at,
         CASE WHEN s.cancelled_at IS NOT NULL THEN 'CANCELLED' ELSE 'SCHEDULED' END::"SessionStatus", s.cancelled_at,
         CASE WHEN s.cancelled_at IS NOT NULL THEN (pg_temp.session_notes())[1 + floor(pg_temp.rnd(s.key, 701) * cardinality(pg_temp.session_notes()))::int] END,
         s.created_at, greatest(s.created_at, s.cancelled_at, s.closed_at)
  FROM nat_session s JOIN nat_event e ON e.n = s.event_n
  LEFT JOIN (SELECT sn, max(capacity_final) AS capacity_final,
                    sum(places) FILTER (WHERE status = 'CONFIRMED') AS confirmed,
                    sum(places) FILTER (WHERE status = 'WAITLISTED') AS waitlisted,
                    count(*) FILTER (WHERE status = 'WAITLISTED') AS waiting
             FROM nat_booking GROUP BY sn) b ON b.sn = s.sn
  ORDER BY s.starts_at`;
}

const INSERT_BOOKINGS = `
  INSERT INTO "Booking" ("id", "number", "requestSeq", "sessionId", "sessionStartsAt", "partnerId", "createdById", "status", "places", "requestedAt", "confirmedAt",
                         "cancelledAt", "cancelledById", "cancelReason", "cancelCode", "cancelNote", "idempotencyKey", "createdAt", "updatedAt")
  SELECT b.id, n.number, nat.seq_base + b.ordinal, b.session_id, b.starts_at, b.partner_id, b.created_by, b.status, b.places, b.requested_at, b.confirmed_at,
         b.cancelled_at, b.cancelled_by, b.cancel_reason, b.cancel_code,
         CASE WHEN b.cancel_reason = 'ASSOCIATION' AND b.cancel_code <> 'DUPLICATE'
                THEN (pg_temp.association_notes())[1 + floor(pg_temp.rnd(b.key, 801) * cardinality(pg_temp.association_notes()))::int]
              WHEN b.cancel_reason = 'PARTNER' AND pg_temp.rnd(b.key, 802) < 0.2 THEN 'La personne ne peut plus venir.' END,
         CASE WHEN pg_temp.rnd(b.key, 803) < 0.85 THEN pg_temp.uid(b.requested_at, b.key, 804) END,
         b.requested_at, coalesce(b.cancelled_at, b.requested_at)
  FROM nat_booking b JOIN nat_number n ON n.ordinal = b.ordinal, nat
  ORDER BY b.ordinal;
  SELECT setval(pg_get_serial_sequence('"Booking"', 'requestSeq'), (SELECT coalesce(max("requestSeq"), 1) FROM "Booking"));
`;

/** Each booking's facts for statistics, as the trigger of migration 20261204191855 writes them. */
const BOOKING_FACTS = `
  INSERT INTO "BookingFact" ("bookingId", "season", "month", "sessionStartsAt", "sessionId", "eventId", "category", "venueId",
                             "partnerId", "sector", "partnerCity", "partnerArea")
  SELECT b."id", season_of(s."startsAt"), date_trunc('month', s."startsAt" AT TIME ZONE 'Europe/Paris')::date, s."startsAt",
         s."id", e."id", e."category", e."venueId", p."id", p."sector", p."city", p."area"
  FROM "Booking" b JOIN "Session" s ON s."id" = b."sessionId" JOIN "Event" e ON e."id" = s."eventId" JOIN "Partner" p ON p."id" = b."partnerId"
  ON CONFLICT ("bookingId") DO NOTHING
`;

/**
 * Guests: the person the booking is for (the structure's n-th booking on the session goes to the n-th
 * person after a starting point drawn for the session), then companions, family or friends (often of the
 * same family name) or professionals, whose first names follow the booking's rank. 4% of groups saw a
 * companion withdrawn. After a session: who came, mostly the whole group; a tick at the door for most.
 */
const INSERT_GUESTS = `
  INSERT INTO "BookingGuest" ("id", "bookingId", "position", "kind", "personId", "personKey", "firstName", "lastName", "needs", "needsNote",
                              "attendance", "checkedInAt", "cancelledAt", "cancelledById")
  SELECT pg_temp.uid(g.requested_at, (g.key << 3) | g.position, 901), g.id, g.position, g.kind::"GuestKind", g.person_id,
         coalesce(g.person_id, pg_temp.uid(g.requested_at, (g.key << 3) | g.position, 901)),
         g.first_name, g.last_name, g.needs, CASE WHEN 'OTHER' = ANY(g.needs) THEN 'Besoin d''un rehausseur.' END,
         g.attendance::"Attendance",
         CASE WHEN g.attendance = 'ATTENDED' AND pg_temp.rnd(g.key, 902) < 0.6 THEN g.starts_at - make_interval(mins => 5 + (pg_temp.rnd(g.key, 903) * 25)::int) END,
         g.withdrawn_at, CASE WHEN g.withdrawn_at IS NOT NULL THEN g.created_by END
  FROM (
    SELECT b.ordinal, b.key, b.id, b.requested_at, b.starts_at, b.created_by, x.position,
           CASE WHEN x.position = 0 THEN p.id END AS person_id,
           CASE WHEN x.position = 0 THEN 'MAIN' WHEN pg_temp.rnd((b.key << 3) | x.position, 904) < 0.3 THEN 'PROFESSIONAL' ELSE 'FAMILY_OR_FRIEND' END AS kind,
           CASE WHEN x.position = 0 THEN p.first_name
                ELSE (pg_temp.companion_first())[1 + (b.nth * 3 + x.position - 1) % cardinality(pg_temp.companion_first())] END AS first_name,
           CASE WHEN x.position = 0 THEN p.last_name
                WHEN pg_temp.rnd((b.key << 3) | x.position, 905) < 0.4 THEN p.last_name
                ELSE (pg_temp.last_names())[1 + floor(pg_temp.rnd((b.key << 3) | x.position, 906) * cardinality(pg_temp.last_names()))::int] END AS last_name,
           CASE WHEN pg_temp.rnd((b.key << 3) | x.position, 907) < CASE WHEN x.position = 0 THEN 0.06 ELSE 0.015 END
                THEN ARRAY[(ARRAY['WHEELCHAIR_SPACE', 'WHEELCHAIR_SPACE', 'WHEELCHAIR_SPACE', 'HEARING_LOOP', 'SEAT_NEAR_EXIT', 'SEAT_NEAR_EXIT',
                                  'EASY_READING', 'ASSISTANCE_DOG', 'SIGN_LANGUAGE', 'AUDIO_DESCRIPTION', 'OTHER'])[1 + floor(pg_temp.rnd((b.key << 3) | x.position, 908) * 11)::int]]::"AccessNeed"[]
                ELSE '{}'::"AccessNeed"[] END AS needs,
           CASE WHEN b.withdrawn = 1 AND x.position = b.guests - 1
                THEN b.requested_at + (least(nat.now, b.starts_at, coalesce(b.cancelled_at, 'infinity')) - b.requested_at) * pg_temp.rnd(b.key, 909) END AS withdrawn_at,
           CASE WHEN b.past_outing AND NOT (b.withdrawn = 1 AND x.position = b.guests - 1) AND pg_temp.rnd(b.key, 910) < 0.88 THEN
                  CASE WHEN (pg_temp.rnd(b.key, 911) < 0.85) <> (pg_temp.rnd((b.key << 3) | x.position, 912) < 0.06) THEN 'ATTENDED' ELSE 'NO_SHOW' END
           END AS attendance
    FROM nat_booking b
    CROSS JOIN LATERAL generate_series(0, b.guests - 1) AS x(position)
    JOIN nat_person p ON p.partner_n = b.partner_n AND p.idx = b.person_idx
    CROSS JOIN nat
  ) g
  ORDER BY g.ordinal, g.position;
`;

const INSERT_FEEDBACK = `
  INSERT INTO "BookingFeedback" ("bookingId", "mood", "comment", "createdAt")
  SELECT b.id, (ARRAY['LOVED', 'LOVED', 'LOVED', 'LIKED', 'LIKED', 'NOT_FOR_ME'])[1 + floor(pg_temp.rnd(b.key, 1001) * 6)::int]::"Mood",
         (ARRAY['Très belle soirée, merci !', 'Un peu long mais les artistes étaient formidables.', 'Première fois dans ce lieu, l''accueil était chaleureux.',
                'Pas trop mon style, mais contente d''avoir essayé.', NULL, NULL])[1 + floor(pg_temp.rnd(b.key, 1002) * 6)::int],
         least(nat.now, b.starts_at + make_interval(days => 1 + (pg_temp.rnd(b.key, 1003) * 6)::int))
  FROM nat_booking b, nat
  WHERE b.past_outing AND pg_temp.rnd(b.key, 1004) < 0.18
    AND EXISTS (SELECT 1 FROM "BookingGuest" g WHERE g."bookingId" = b.id AND g."attendance" = 'ATTENDED');
`;

/**
 * Under session_replication_role = replica PostgreSQL checked no foreign key: the seed checks every
 * foreign key of the schema (read from the catalog) with one anti-join each.
 */
async function checkForeignKeys(client: pg.Client): Promise<void> {
  const { rows: keys } = await client.query<{ name: string; child: string; parent: string; columns: string[]; referenced: string[] }>(`
    SELECT k.conname AS name, c.relname AS child, p.relname AS parent,
           array(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY AS x(attnum, i) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = x.attnum ORDER BY x.i)::text[] AS columns,
           array(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY AS x(attnum, i) JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = x.attnum ORDER BY x.i)::text[] AS referenced
    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE k.contype = 'f' AND n.nspname = current_schema()`);
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const broken: string[] = [];
  for (const key of keys) {
    const present = key.columns.map((column) => `c.${quote(column)} IS NOT NULL`).join(" AND ");
    const matches = key.columns.map((column, i) => `p.${quote(key.referenced[i]!)} = c.${quote(column)}`).join(" AND ");
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${quote(key.child)} c WHERE ${present} AND NOT EXISTS (SELECT 1 FROM ${quote(key.parent)} p WHERE ${matches})`,
    );
    if (rows[0]!.n > 0) broken.push(`${key.name} (${rows[0]!.n})`);
  }
  if (broken.length) throw new Error(`Clés étrangères rompues : ${broken.join(", ")}`);
}

/**
 * What `npm run db:seed` does after the demo (scripts/lib/database.ts, scheduleTimedJobs), for the
 * sessions of both data sets: each session to come gets the jobs of its timed rules as lib/booking defines
 * them (sessionJobs: closing, quota lift, reminder, attendance request), and conventions ending soon
 * their warning. The jobs go in with graphile-worker's batch add_jobs, 20,000 at a time, in this
 * transaction (one add_job per job took a minute for the national volume).
 */
interface TimedRow {
  id: string;
  startsAt: Date;
  bookingClosesAt: Date | null;
  closedAt: Date | null;
  period: QuotaPeriod | null;
  maxPlaces: number | null;
  liftDaysBefore: number | null;
}

async function scheduleTimedJobs(client: pg.Client, now: Date): Promise<void> {
  const { rows } = await client.query<TimedRow>(
    `SELECT s."id"::text AS "id", s."startsAt", s."bookingClosesAt", s."closedAt", r."period", r."maxPlaces", r."liftDaysBefore"
     FROM "Session" s JOIN "Event" e ON e."id" = s."eventId" LEFT JOIN "QuotaRule" r ON r."venueId" = e."venueId"
     WHERE s."status" = 'SCHEDULED' AND s."startsAt" > $1 ORDER BY s."startsAt", s."id"`,
    [now],
  );
  const jobs = rows.flatMap(({ period, maxPlaces, liftDaysBefore, ...session }) =>
    sessionJobs(session, period ? { period, maxPlaces: maxPlaces!, liftDaysBefore } : null, now),
  );
  for (let start = 0; start < jobs.length; start += 20_000) {
    const chunk = jobs.slice(start, start + 20_000);
    await client.query(
      `SELECT count(*) FROM graphile_worker.add_jobs(ARRAY(
         SELECT ROW(j.task, j.payload::json, NULL, j.run_at, j.max_attempts::smallint, j.job_key, NULL, NULL)::graphile_worker.job_spec
         FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::int[]) AS j(task, payload, run_at, job_key, max_attempts)))`,
      [
        chunk.map((job) => job.task),
        chunk.map((job) => JSON.stringify(job.payload)),
        chunk.map((job) => job.runAt ?? null),
        chunk.map((job) => job.key ?? null),
        chunk.map((job) => job.maxAttempts ?? null),
      ],
    );
  }
  const sql: Sql = { query: async <T>(text: string, values: unknown[] = []) => (await client.query(text, values)).rows as T[] };
  await warnEndingConventions(sql, { now });
}

/** The counters written with the sessions (or kept by the trigger) must be what the bookings say. */
async function checkCounters(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ n: number }>(`
    SELECT count(*)::int AS n
    FROM "Session" s
    LEFT JOIN (SELECT "sessionId", sum("places") FILTER (WHERE "status" = 'CONFIRMED') AS confirmed,
                      sum("places") FILTER (WHERE "status" = 'WAITLISTED') AS waitlisted,
                      count(*) FILTER (WHERE "status" = 'WAITLISTED') AS waiting
               FROM "Booking" GROUP BY "sessionId") b ON b."sessionId" = s."id"
    WHERE s."confirmedPlaces" <> coalesce(b.confirmed, 0) OR s."waitlistedPlaces" <> coalesce(b.waitlisted, 0)
       OR s."waitlistedBookings" <> coalesce(b.waiting, 0)`);
  if (rows[0]!.n > 0) throw new Error(`${rows[0]!.n} séances ont des compteurs qui ne sont pas ceux de leurs réservations.`);
}
