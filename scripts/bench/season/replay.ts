// The season replayed (issue 35.1): a national network (network.ts) plays a season from 1 September to
// 31 August on a simulated clock, day by day, through the real functions of lib/ and the real job tasks,
// on several app server processes at once (servers.ts, worker.ts); then every invariant is checked in
// SQL (invariants.ts). Each day is planned when it comes, from the seed and what the database holds that
// day (the sessions open, the bookings still to come): nothing of the season is held in memory but the
// day at hand, a histogram of latencies and counts of outcomes.
//
// A day has four moments, each preceded by the jobs due by then (closings, quota lifts, draws, exceptions
// that end, mails, reminders), run by every server:
//   09:00  structures cancel bookings (15 % of them over the season) and withdraw companions; on Mondays
//          the association grants quota exceptions (some with an end date) and revokes others;
//   10:00  bookings open: on the scarce sessions' opening a burst of structures asks in the same minute;
//          structures apply to the draws whose window is open;
//   14:00  the day's ordinary requests, on the sessions open for booking;
//   17:00  venues cancel sessions (3 %) three days before, and some events.
// After the season: the last closings, the statistics job and the retention job, then the checks.
import pg from "pg";
import { setQuotaRule } from "../../../lib/booking/quota";
import { openDrawWindow } from "../../../lib/booking/sessions";
import { scheduleAllSessionJobs } from "../../../lib/booking/timed";
import { connectionConfig, disconnectPrisma } from "../../../lib/db/client";
import { inParis, nextParisDay, parisDate, parisDaysBefore, parisTime, seasonOf } from "../../../lib/time";
import { Histogram } from "./histogram";
import { checkInvariants, EXCEPTION_LEDGER, promotionExamples, quotaExamples, type Violations } from "./invariants";
import { mailLag, MAIL_LAG_LEDGER } from "./mail-lag";
import { startMailServer } from "./mail-server";
import { jobsDue, PENDING_JOBS_INDEX } from "./queue-wait";
import { hasTraitSql, SHARES, seasonDimensions, writeNetwork, type SeasonDimensions } from "./network";
import type { Companion, Op } from "./ops";
import { fork, stableId, type Dice } from "./random";
import { AppServers } from "./servers";

export interface SeasonOptions {
  databaseUrl: string;
  scale: number;
  seed: number;
  /** Operations in flight at once, shared among the servers. */
  clients: number;
  /** App server processes (at least two). */
  servers?: number;
  say?: (line: string) => void;
}

export interface SeasonSummary {
  scale: number;
  season: number;
  /** Operations sent to lib/ (requests, applications, cancellations, withdrawals, exceptions, venues' cancellations). */
  requests: number;
  /** The season's play, jobs included (the network's setup and the checks apart). */
  wall_s: number;
  requests_per_s: number;
  p50_ms: number;
  p99_ms: number;
  violations: number;
  /** Operations that failed otherwise than by a rule's refusal, and jobs left failed: both should be 0. */
  errors: number;
  peak_rss_mb: number;
  /** CPU time of the app servers and the driver, setup included (PostgreSQL apart). */
  cpu_s: number;
  /** Of cpu_s, the driver's own (it also runs the mail server that takes every mail). */
  driver_cpu_s: number;
  db_mb: number;
  setup_s: number;
  check_s: number;
  invariants: Violations[];
  outcomes: Record<string, number>;
  /** How long a booking's confirmation mail took to leave after the booking (s, real time; mail-lag.ts). */
  mail_lag: { p50_s: number; p99_s: number; mails: number };
  /** Jobs run by the servers' queue workers; per task, how many and their mean time (ms, real). */
  jobs: number;
  tasks: Record<string, { count: number; mean_ms: number }>;
  /** The play's wall time by part (s): planning the days (the driver's queries), waiting for the jobs due before each moment, the operations (jobs the operations add run meanwhile). */
  split: { plan_s: number; jobs_s: number; ops_s: number };
  firstErrors: string[];
}

const GROUP_SIZES = [
  [30, 1],
  [30, 2],
  [18, 3],
  [12, 4],
  [6, 5],
  [4, 6],
] as const;
const MEAN_GROUP = GROUP_SIZES.reduce((sum, [weight, size]) => sum + weight * size, 0) / 100;
const COMPANION_NAMES = ["Jeanne", "Marc", "Hugo", "Zoé", "Rose", "Malik", "Anaïs", "Bruno", "Chloé", "Idriss"];
const NEEDS = ["WHEELCHAIR_SPACE", "HEARING_LOOP", "SEAT_NEAR_EXIT", "EASY_READING", "AUDIO_DESCRIPTION"];
/** Share of the requests made in opening bursts; of the bookings cancelled by their structure; of companions withdrawn. */
const BURST_SHARE = 0.3;
const CANCEL_SHARE = 0.15;
const WITHDRAW_SHARE = 0.03;

export async function replaySeason(options: SeasonOptions): Promise<SeasonSummary> {
  const { databaseUrl, scale, seed, clients } = options;
  const say = options.say ?? (() => {});
  const dims = seasonDimensions(scale);
  const db = new pg.Client(connectionConfig(databaseUrl));
  await db.connect();
  const previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = databaseUrl;
  let servers: AppServers | undefined;
  // The replay's own mail server: the mails leave as in service, through SMTP, and are dropped on arrival.
  const mailServer = await startMailServer();
  try {
    // The season after the database's own today: the job queue dates the jobs it adds without a time
    // with PostgreSQL's clock, and they must be due from the season's first day on.
    const { rows } = await db.query<{ now: Date }>("SELECT now() AS now");
    const season = seasonOf(rows[0]!.now) + 1;
    const setupStarted = performance.now();
    await prepare(db, dims, season, seed);
    say(
      `Réseau : ${dims.partners} structures, ${dims.venues} lieux, ${dims.sessions} séances de la saison ${season}-${season + 1}, ` +
        `${dims.partners * dims.peoplePerPartner} personnes (${seconds(performance.now() - setupStarted)} s)`,
    );
    servers = await AppServers.start(Math.max(2, options.servers ?? 2), databaseUrl, {
      SMTP_URL: mailServer.url,
      // A line per mail sent or job run would be the replay's own cost, and bury its report: warnings and errors only.
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    });
    const setup_s = (performance.now() - setupStarted) / 1000;

    const replay = new Replay(db, servers, dims, season, seed, clients, say);
    const started = performance.now();
    await replay.play();
    const wall_s = (performance.now() - started) / 1000;

    const checkStarted = performance.now();
    const invariants = await checkInvariants(db, { end: replay.end, season });
    // Rule 3's check is the subtlest: what it counted, printed for a person to read.
    if (invariants.some((check) => check.name.startsWith("chaque libération") && check.violations > 0)) {
      for (const example of await promotionExamples(db)) say(`Règle 3 (${example.kind}) : ${JSON.stringify(example)}`);
    }
    if (invariants.some((check) => check.name.startsWith("aucun quota") && check.violations > 0)) {
      for (const example of await quotaExamples(db)) say(`Quota dépassé : ${JSON.stringify(example)}`);
    }
    const jobErrors = Number(
      (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE last_error IS NOT NULL`)).rows[0]!.n,
    );
    const check_s = (performance.now() - checkStarted) / 1000;
    const dbBytes = Number((await db.query<{ n: string }>("SELECT pg_database_size(current_database()) AS n")).rows[0]!.n);
    const workers = await servers.stop();
    // After the servers' last notes (they write them as they stop).
    const mail_lag = await mailLag(db);
    const driverCpu = process.cpuUsage();
    servers = undefined;
    const errors = replay.errors + jobErrors;
    if (jobErrors) replay.firstErrors.push(`${jobErrors} tâche(s) en échec dans la file`);
    return {
      scale,
      season,
      requests: replay.latencies.total,
      wall_s: round(wall_s, 1),
      requests_per_s: round(replay.latencies.total / wall_s, 1),
      p50_ms: round(replay.latencies.quantile(0.5), 1),
      p99_ms: round(replay.latencies.quantile(0.99), 1),
      violations: invariants.reduce((sum, check) => sum + check.violations, 0),
      errors,
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) + workers.rssMb,
      cpu_s: round((workers.cpuMs + (driverCpu.user + driverCpu.system) / 1000) / 1000, 1),
      driver_cpu_s: round((driverCpu.user + driverCpu.system) / 1e6, 1),
      db_mb: Math.round(dbBytes / 1024 / 1024),
      setup_s: round(setup_s, 1),
      check_s: round(check_s, 1),
      invariants,
      outcomes: Object.fromEntries([...replay.outcomes].sort()),
      mail_lag,
      jobs: replay.jobs,
      tasks: Object.fromEntries(
        Object.entries(workers.taskTimes)
          .sort((a, b) => b[1].ms - a[1].ms)
          .map(([name, { count, ms }]) => [name, { count, mean_ms: round(ms / count, 1) }]),
      ),
      split: { plan_s: round(replay.split.plan / 1000, 1), jobs_s: round(replay.split.jobs / 1000, 1), ops_s: round(replay.split.ops / 1000, 1) },
      firstErrors: replay.firstErrors.slice(0, 10),
    };
  } finally {
    await servers?.stop().catch(() => null);
    await mailServer.close();
    await db.end();
    await disconnectPrisma();
    process.env.DATABASE_URL = previousUrl;
  }
}

/**
 * Before the season, as the venues and the association would set it up: the network, the venues' quota
 * rules (lib/booking/quota.ts: their lifts are scheduled), the scarce sessions' draw windows (a week of
 * applications up to the opening, lib/booking/sessions.ts) and every session's timed jobs (lib/booking/timed.ts).
 */
async function prepare(db: pg.Client, dims: SeasonDimensions, season: number, seed: number): Promise<void> {
  await writeNetwork(db, dims, season, seed);
  await db.query(EXCEPTION_LEDGER);
  await db.query(MAIL_LAG_LEDGER);
  const now = parisTime(`${season}-08-31`, 12);
  const admin = { kind: "user" as const, role: "ADMIN" as const, userId: stableId("admin", 0) };
  for (let venue = 0; venue < dims.venues; venue++) {
    const d = fork(seed, "quota", venue);
    if (!d.chance(SHARES.quotaVenues)) continue;
    const period = d.weighted([
      [40, "SESSION"],
      [30, "MONTH"],
      [30, "SEASON"],
    ] as const);
    const maxPlaces = period === "SESSION" ? d.int(2, 4) : period === "MONTH" ? d.int(4, 10) : d.int(8, 24);
    const liftDaysBefore = d.chance(0.5) ? d.int(1, 5) : null;
    await setQuotaRule(admin, { venueId: stableId("venue", venue), rule: { period, maxPlaces, liftDaysBefore } }, { now });
  }
  const draws = await db.query<{ id: string; opensAt: Date; venue: number }>(
    `SELECT s."id"::text AS "id", s."bookingOpensAt" AS "opensAt", substr(v."slug", 13)::int AS "venue"
     FROM "Session" s JOIN "Event" e ON e."id" = s."eventId" JOIN "Venue" v ON v."id" = e."venueId"
     WHERE ${hasTraitSql('s."id"', "draw", seed)} ORDER BY s."id"`,
  );
  const local = (instant: Date) => `${parisDate(instant)}T10:00`;
  for (const draw of draws.rows) {
    const venueActor = { kind: "user" as const, role: "VENUE" as const, userId: stableId("venue-user", draw.venue), venueIds: [stableId("venue", draw.venue)] };
    await openDrawWindow(venueActor, { sessionId: draw.id, opensAt: local(parisDaysBefore(draw.opensAt, 7)), closesAt: local(draw.opensAt) }, { now });
  }
  await scheduleAllSessionJobs(now);
  await db.query(PENDING_JOBS_INDEX);
  // As after any load of this size (prisma/seed/national.ts does the same): the planner reads the
  // network as it is from the first operation, not as the empty tables it was before, until autovacuum
  // comes by (plans made meanwhile read every booking and every account for each notice's mail).
  await db.query("VACUUM (ANALYZE)");
}

class Replay {
  readonly latencies = new Histogram();
  readonly outcomes = new Map<string, number>();
  readonly firstErrors: string[] = [];
  errors = 0;
  /** The replay's last instant: the day after the season, once the last sessions have closed. */
  readonly end: Date;
  private readonly requestsPerDay: number;
  private readonly burstRequests: number;
  private operations = 0;
  /** Jobs run so far, by all the servers. */
  jobs = 0;
  /** Where the play's time went (ms): planning the day (the driver's queries), the jobs, the operations. */
  readonly split = { plan: 0, jobs: 0, ops: 0 };
  private mark = performance.now();

  constructor(
    private readonly db: pg.Client,
    private readonly servers: AppServers,
    private readonly dims: SeasonDimensions,
    private readonly season: number,
    private readonly seed: number,
    private readonly clients: number,
    private readonly say: (line: string) => void,
  ) {
    this.end = parisTime(`${season + 1}-09-02`, 12);
    const requests = dims.invitations / MEAN_GROUP;
    this.requestsPerDay = ((1 - BURST_SHARE) * requests) / 365;
    // The burst sessions share the bursts' requests; a structure asks once per burst.
    this.burstRequests = Math.min(dims.partners, Math.max(4, Math.round((BURST_SHARE * requests) / Math.max(1, dims.sessions * SHARES.burst))));
  }

  async play(): Promise<void> {
    const started = performance.now();
    this.mark = started;
    let n = 0;
    for (let day = parisTime(`${this.season}-09-01`); day < parisTime(`${this.season + 1}-09-01`); day = nextParisDay(day), n++) {
      const ymd = parisDate(day);
      if (ymd.endsWith("-01")) {
        const elapsed = (performance.now() - started) / 1000;
        this.say(`${ymd.slice(0, 7)} : ${this.operations} opérations en ${elapsed.toFixed(0)} s, ${this.errors} erreur(s)`);
      }
      const d = fork(this.seed, "day", n);
      const at = (hour: number) => parisTime(ymd, hour);
      // Jobs run before each moment that has operations, and every morning whatever happens: a job is
      // never run more than a day late (a quota's lift, at least a day before its session, still acts in time).
      await this.moment(at(9), await this.morning(d, at(9), inParis(day).getDay() === 1 || n === 0), true);
      await this.moment(at(10), await this.opening(d, at(10)));
      await this.moment(at(14), await this.afternoon(d, at(14)));
      await this.moment(at(17), await this.evening(at(17)));
    }
    // The last sessions close, their attendance is asked for; then the night's jobs of the new season.
    this.jobs = await this.servers.setClock(this.end);
    await this.jobsDone(this.end);
    await this.db.query(
      `SELECT graphile_worker.add_job('stats-refresh', '{}'::json, run_at => $1); SELECT graphile_worker.add_job('retention', '{}'::json, run_at => $1)`.replace(
        /\$1/g,
        `'${this.end.toISOString()}'::timestamptz`,
      ),
    );
    await this.jobsDone(this.end);
    this.jobs = await this.servers.setClock(this.end);
  }

  /**
   * The jobs due by `now` (asked first: most moments of a small season have none), then the moment's
   * operations, all at `now`. A moment without operations leaves its jobs to the next one, unless `jobsAnyway`.
   */
  private async moment(now: Date, ops: Op[], jobsAnyway = false): Promise<void> {
    const planned = performance.now();
    this.split.plan += planned - this.mark;
    if (!ops.length && !jobsAnyway) {
      this.mark = planned;
      return;
    }
    this.jobs = await this.servers.setClock(now);
    await this.jobsDone(now);
    const jobsDone = performance.now();
    this.split.jobs += jobsDone - planned;
    this.mark = jobsDone;
    if (!ops.length) return;
    const results = await this.servers.play(ops, this.clients);
    this.split.ops += performance.now() - jobsDone;
    this.mark = performance.now();
    // Written one after the other: the driver's one client runs one query at a time (pg warns otherwise).
    const ledger: Extract<Op, { kind: "grant" | "revoke" }>[] = [];
    results.forEach(([ms, outcome], index) => {
      this.latencies.add(ms);
      this.operations++;
      const key = outcome.startsWith("ERROR:") ? "ERROR" : outcome;
      this.outcomes.set(key, (this.outcomes.get(key) ?? 0) + 1);
      if (key === "ERROR") {
        this.errors++;
        if (this.firstErrors.length < 10) this.firstErrors.push(outcome);
      }
      const op = ops[index]!;
      if ((op.kind === "grant" && outcome === "GRANTED") || (op.kind === "revoke" && outcome === "REVOKED")) ledger.push(op);
    });
    for (const op of ledger) await this.ledger(op, now);
  }

  /** Waits (polling the queue, queue-wait.ts) until no job due by `now` is left, running or not. */
  private async jobsDone(now: Date): Promise<void> {
    while (await jobsDue(this.db, now)) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  /** The exceptions' ledger (invariants.ts): when each exception held. */
  private ledger(op: Extract<Op, { kind: "grant" | "revoke" }>, now: Date): Promise<unknown> {
    const partnerId = stableId("partner", op.partner);
    return this.db.query(
      `UPDATE season_replay_exception SET held_until = $3 WHERE venue_id = $1 AND partner_id = $2 AND (held_until IS NULL OR held_until > $3);
       ${op.kind === "grant" ? "INSERT INTO season_replay_exception VALUES ($1, $2, $4, $3, $5)" : "SELECT $4::int, $5::timestamptz"}`
        .replace(/\$1/g, `'${op.venueId}'::uuid`)
        .replace(/\$2/g, `'${partnerId}'::uuid`)
        .replace(/\$3/g, `'${now.toISOString()}'::timestamptz`)
        .replace(/\$4/g, op.kind === "grant" && op.maxPlaces !== null ? String(op.maxPlaces) : "NULL::int")
        .replace(/\$5/g, op.kind === "grant" && op.expiresAt !== null ? `'${new Date(op.expiresAt).toISOString()}'::timestamptz` : "NULL::timestamptz"),
    );
  }

  /** A number of events a day whose mean is `mean`. */
  private static howMany(d: Dice, mean: number): number {
    return Math.floor(mean) + (d.chance(mean - Math.floor(mean)) ? 1 : 0);
  }

  private group(d: Dice): { person: number; companions: Companion[] } {
    const size = d.weighted(GROUP_SIZES);
    const companions = Array.from({ length: size - 1 }, (): Companion => ({
      firstName: d.pick(COMPANION_NAMES),
      lastName: Array.from({ length: 7 }, (_, i) => String.fromCharCode((i ? 97 : 65) + d.int(0, 25))).join(""),
      kind: d.chance(0.2) ? "PROFESSIONAL" : "FAMILY_OR_FRIEND",
      needs: d.chance(0.05) ? [d.pick(NEEDS)] : [],
    }));
    return { person: d.int(0, this.dims.peoplePerPartner - 1), companions };
  }

  /** Structures' activity is uneven: a few book much more than most. */
  private partner(d: Dice): number {
    return Math.min(this.dims.partners - 1, Math.floor(this.dims.partners * d.next() ** 1.6));
  }

  private async morning(d: Dice, now: Date, exceptions: boolean): Promise<Op[]> {
    const ops: Op[] = [];
    const cancels = Replay.howMany(d, (CANCEL_SHARE * this.requestsPerDay) / (1 - BURST_SHARE));
    const withdrawals = Replay.howMany(d, (WITHDRAW_SHARE * this.requestsPerDay) / (1 - BURST_SHARE));
    const salt = `${this.seed}:${now.getTime()}`;
    // The bookings are drawn first (a sort of the season's open bookings), then their structures and
    // guests read for the few drawn only: the same picks as a join of every booking first, less work.
    if (cancels) {
      const { rows } = await this.db.query<{ id: string; partner: number }>(
        `SELECT b."id", substr(p."name", 11)::int AS "partner"
         FROM (SELECT b."id"::text AS "id", b."partnerId" FROM "Booking" b WHERE b."status" IN ('CONFIRMED', 'WAITLISTED') AND b."sessionStartsAt" > $1
               ORDER BY md5(b."id"::text || $2) LIMIT $3) b
         JOIN "Partner" p ON p."id" = b."partnerId" ORDER BY md5(b."id" || $2)`,
        [now, salt, cancels],
      );
      for (const row of rows) ops.push({ kind: "cancel", now: now.getTime(), partner: row.partner, bookingId: row.id });
    }
    if (withdrawals) {
      const { rows } = await this.db.query<{ id: string; partner: number; position: number }>(
        `SELECT b."id"::text AS "id", substr(p."name", 11)::int AS "partner",
                (SELECT max(g."position") FROM "BookingGuest" g WHERE g."bookingId" = b."id" AND g."cancelledAt" IS NULL) AS "position"
         FROM (SELECT b."id", b."partnerId" FROM "Booking" b WHERE b."status" IN ('CONFIRMED', 'WAITLISTED') AND b."sessionStartsAt" > $1 AND b."places" >= 2
               ORDER BY md5(b."id"::text || $2 || 'w') LIMIT $3) b
         JOIN "Partner" p ON p."id" = b."partnerId" ORDER BY md5(b."id"::text || $2 || 'w')`,
        [now, salt, withdrawals],
      );
      // A booking cancelled this same morning is not withdrawn from as well.
      const cancelled = new Set(ops.map((op) => (op.kind === "cancel" ? op.bookingId : "")));
      for (const row of rows)
        if (!cancelled.has(row.id)) ops.push({ kind: "withdraw", now: now.getTime(), partner: row.partner, bookingId: row.id, position: row.position });
    }
    if (exceptions) ops.push(...(await this.exceptions(d, now)));
    return ops;
  }

  /** The association grants exceptions on venues with a rule (looser, lifted, or tighter; some ending) and revokes some. */
  private async exceptions(d: Dice, now: Date): Promise<Op[]> {
    const { rows: rules } = await this.db.query<{ venueId: string; maxPlaces: number }>(
      `SELECT "venueId"::text AS "venueId", "maxPlaces" FROM "QuotaRule" ORDER BY "venueId"`,
    );
    if (!rules.length) return [];
    const ops: Op[] = [];
    const grants = Math.max(1, Math.round(rules.length * 0.05));
    for (let i = 0; i < grants; i++) {
      const rule = d.pick(rules);
      const maxPlaces = d.weighted([
        [40, rule.maxPlaces + 2],
        [20, null],
        [40, Math.max(0, rule.maxPlaces - 1)],
      ] as const);
      const expiresAt = d.chance(0.5) ? parisDaysBefore(now, -d.int(7, 28)).getTime() : null;
      ops.push({ kind: "grant", now: now.getTime(), venueId: rule.venueId, partner: this.partner(d), maxPlaces, expiresAt });
    }
    const { rows: held } = await this.db.query<{ venueId: string; partner: number }>(
      `SELECT x."venueId"::text AS "venueId", substr(p."name", 11)::int AS "partner" FROM "QuotaException" x JOIN "Partner" p ON p."id" = x."partnerId"
       ORDER BY md5(x."id"::text || $1) LIMIT $2`,
      [`${this.seed}:${now.getTime()}`, Math.ceil(grants / 2)],
    );
    const granted = new Set(ops.map((op) => (op.kind === "grant" ? `${op.venueId}:${op.partner}` : "")));
    for (const row of held)
      if (!granted.has(`${row.venueId}:${row.partner}`)) ops.push({ kind: "revoke", now: now.getTime(), venueId: row.venueId, partner: row.partner });
    return ops;
  }

  /** 10:00: the bursts on the scarce sessions opening now, and the applications to the draws open today. */
  private async opening(d: Dice, now: Date): Promise<Op[]> {
    const ops: Op[] = [];
    const { rows: bursts } = await this.db.query<{ id: string }>(
      `SELECT s."id"::text AS "id" FROM "Session" s WHERE s."bookingOpensAt" = $1 AND s."status" = 'SCHEDULED' AND ${hasTraitSql('s."id"', "burst", this.seed)} ORDER BY s."id"`,
      [now],
    );
    for (const { id } of bursts) {
      const asking = new Set<number>();
      while (asking.size < this.burstRequests) asking.add(this.partner(d));
      for (const partner of asking) {
        const group = this.group(d);
        ops.push({ kind: "request", now: now.getTime(), partner, sessionId: id, ...group, ifShort: this.ifShort(d) });
      }
    }
    const { rows: draws } = await this.db.query<{ id: string }>(
      `SELECT w."sessionId"::text AS "id" FROM "SessionDraw" w JOIN "Session" s ON s."id" = w."sessionId"
       WHERE w."opensAt" <= $1 AND w."closesAt" > $1 AND w."drawnAt" IS NULL AND s."status" = 'SCHEDULED' ORDER BY w."sessionId"`,
      [now],
    );
    for (const { id } of draws) {
      const applicants = d.int(1, 3);
      for (let i = 0; i < applicants; i++) {
        const partner = this.partner(d);
        const group = this.group(d);
        ops.push({ kind: "apply", now: now.getTime(), partner, sessionId: id, ...group, minPlaces: d.int(1, group.companions.length + 1) });
      }
    }
    return ops;
  }

  /** 14:00: the day's requests, on the sessions open for booking (the sooner ones asked more). */
  private async afternoon(d: Dice, now: Date): Promise<Op[]> {
    const count = Replay.howMany(d, this.requestsPerDay);
    if (!count) return [];
    const { rows: open } = await this.db.query<{ id: string }>(
      `SELECT s."id"::text AS "id" FROM "Session" s JOIN "Event" e ON e."id" = s."eventId"
       WHERE s."status" = 'SCHEDULED' AND e."status" = 'PUBLISHED' AND s."bookingOpensAt" <= $1 AND s."startsAt" > $1
         AND NOT EXISTS (SELECT 1 FROM "SessionDraw" w WHERE w."sessionId" = s."id" AND w."drawnAt" IS NULL)
       ORDER BY s."startsAt", s."id"`,
      [now],
    );
    if (!open.length) return [];
    return Array.from({ length: count }, (): Op => {
      const partner = this.partner(d);
      const session = open[Math.floor(open.length * d.next() ** 1.3)]!;
      return { kind: "request", now: now.getTime(), partner, sessionId: session.id, ...this.group(d), ifShort: this.ifShort(d) };
    });
  }

  /** 17:00: venues cancel the sessions (and events) they will not hold. */
  private async evening(now: Date): Promise<Op[]> {
    const { rows: sessions } = await this.db.query<{ id: string; venue: number }>(
      `SELECT s."id"::text AS "id", substr(v."slug", 13)::int AS "venue" FROM "Session" s JOIN "Event" e ON e."id" = s."eventId" JOIN "Venue" v ON v."id" = e."venueId"
       WHERE s."status" = 'SCHEDULED' AND e."status" = 'PUBLISHED' AND s."startsAt" >= $1::timestamptz + interval '3 days' AND s."startsAt" < $1::timestamptz + interval '4 days'
         AND ${hasTraitSql('s."id"', "sessionCancelled", this.seed)} ORDER BY s."id"`,
      [now],
    );
    const { rows: events } = await this.db.query<{ id: string; venue: number }>(
      `SELECT e."id"::text AS "id", substr(v."slug", 13)::int AS "venue" FROM "Event" e JOIN "Venue" v ON v."id" = e."venueId"
       WHERE e."status" = 'PUBLISHED' AND ${hasTraitSql('e."id"', "eventCancelled", this.seed)}
         AND (SELECT min(s."startsAt") FROM "Session" s WHERE s."eventId" = e."id" AND s."status" = 'SCHEDULED' AND s."startsAt" > $1)
             BETWEEN $1::timestamptz + interval '5 days' AND $1::timestamptz + interval '6 days'
       ORDER BY e."id"`,
      [now],
    );
    return [
      ...sessions.map((row): Op => ({ kind: "cancel-session", now: now.getTime(), venue: row.venue, sessionId: row.id })),
      ...events.map((row): Op => ({ kind: "cancel-event", now: now.getTime(), venue: row.venue, eventId: row.id })),
    ];
  }

  private ifShort(d: Dice) {
    return d.weighted([
      [30, "SPLIT"],
      [55, "WAITLIST"],
      [15, "NOTHING"],
    ] as const);
  }
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));
const seconds = (ms: number) => (ms / 1000).toFixed(1);
