// npm run bench:booking [-- --json]
// Throughput and latency of lib/booking's requestBooking at 1, 8 and 32 concurrent clients, against a
// baseline measured in the same run: the smallest correct booking transaction in raw SQL through pg
// (lock the session row, insert a booking, update the count). Both run on the same embedded PostgreSQL
// with connection pools of the same size; half the requests of each level find the session full and
// are waitlisted. Ends by checking that nothing was oversold.
import "../lib/allow-server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { Actor } from "../../lib/auth/actor";
import { requestBooking } from "../../lib/booking/request";
import { disconnectPrisma, getPrisma } from "../../lib/db/client";
import { keepPoolAlive } from "../../lib/db/keep-pool-alive";
import { ensureDatabase, startEmbeddedPostgres } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrations";

const LEVELS = [1, 8, 32];
const REQUESTS_PER_CLIENT_LEVEL: Record<number, number> = { 1: 300, 8: 1200, 32: 2400 };
const POOL_SIZE = 10; // node-postgres' default, which the app's Prisma adapter uses too
const json = process.argv.includes("--json");
const say = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);

interface Measure {
  rps: number;
  p50: number;
  p99: number;
}

async function measure(clients: number, total: number, once: (i: number) => Promise<void>): Promise<Measure> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await once(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { rps: total / seconds, p50: at(0.5), p99: at(0.99) };
}

/** 0 → "a", 25 → "z", 26 → "ba": names made of letters only. */
function letters(n: number): string {
  let text = "";
  do {
    text = String.fromCharCode(97 + (n % 26)) + text;
    n = Math.floor(n / 26);
  } while (n > 0);
  return text;
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "billetterie-bench-"));
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data"), port: 0, persistent: false });
  try {
    await ensureDatabase(server.url("postgres"), "bench");
    const url = server.url("bench");
    await applyMigrations(url);
    process.env.DATABASE_URL = url;
    const prisma = getPrisma();

    // The baseline's own two tables: the same shape as the essentials of Session and Booking.
    const pool = keepPoolAlive(new pg.Pool({ connectionString: url, max: POOL_SIZE }));
    await pool.query(`
      CREATE TABLE bench_session (id int PRIMARY KEY, capacity int NOT NULL, confirmed int NOT NULL DEFAULT 0 CHECK (confirmed <= capacity));
      CREATE TABLE bench_booking (id bigserial PRIMARY KEY, session_id int NOT NULL REFERENCES bench_session, partner int NOT NULL,
                                  places int NOT NULL, status text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());`);

    const venue = await prisma.venue.create({
      data: { slug: "banc", name: "Banc d'essai", kind: "THEATRE", addressLine: "1 rue", postalCode: "69001", city: "Lyon", ticketOfficePhone: "0" },
    });
    const event = await prisma.event.create({ data: { venueId: venue.id, title: "Essai", description: "Essai", category: "THEATRE", status: "PUBLISHED" } });
    const actors: { partnerId: string; actor: Actor }[] = [];
    for (let i = 0; i < 20; i++) {
      const signedOn = new Date();
      const partner = await prisma.partner.create({
        data: {
          name: `Structure ${i}`,
          sector: "SOCIAL",
          conventions: { create: { signedOn, validFrom: signedOn, validUntil: new Date(Date.now() + 365 * 86_400_000) } },
        },
      });
      const user = await prisma.user.create({ data: { email: `p${i}@banc.test`, name: "R", role: "PARTNER", partnerId: partner.id } });
      actors.push({ partnerId: partner.id, actor: { kind: "user", role: "PARTNER", userId: user.id, partnerId: partner.id } });
    }

    const levels = [];
    const sessionIds: string[] = [];
    say(`clients | module req/s  p50 ms  p99 ms | baseline req/s  p50 ms  p99 ms | ratio`);
    for (const clients of LEVELS) {
      const total = REQUESTS_PER_CLIENT_LEVEL[clients]!;
      const capacity = total / 2;
      const session = await prisma.session.create({ data: { eventId: event.id, startsAt: new Date(Date.now() + 30 * 86_400_000), capacity } });
      sessionIds.push(session.id);
      await pool.query("INSERT INTO bench_session (id, capacity) VALUES ($1, $2)", [clients, capacity]);

      const ours = await measure(clients, total, async (i) => {
        const { partnerId, actor } = actors[i % actors.length]!;
        // A new person each time: a person holds one place per session.
        await requestBooking(actor, { sessionId: session.id, partnerId, guests: [{ firstName: "Awa", lastName: `Diallo ${letters(i)}`, kind: "MAIN" }] });
      });
      const baseline = await measure(clients, total, async (i) => {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          const { rows } = await client.query("SELECT capacity, confirmed FROM bench_session WHERE id = $1 FOR UPDATE", [clients]);
          const fits = rows[0].confirmed + 1 <= rows[0].capacity;
          await client.query("INSERT INTO bench_booking (session_id, partner, places, status) VALUES ($1, $2, 1, $3)", [
            clients,
            i % 20,
            fits ? "CONFIRMED" : "WAITLISTED",
          ]);
          if (fits) await client.query("UPDATE bench_session SET confirmed = confirmed + 1 WHERE id = $1", [clients]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw error;
        } finally {
          client.release();
        }
      });
      const ratio = ours.rps / baseline.rps;
      say(
        `${String(clients).padStart(7)} | ${ours.rps.toFixed(0).padStart(12)}  ${ours.p50.toFixed(2).padStart(6)}  ${ours.p99.toFixed(2).padStart(6)} | ` +
          `${baseline.rps.toFixed(0).padStart(14)}  ${baseline.p50.toFixed(2).padStart(6)}  ${baseline.p99.toFixed(2).padStart(6)} | ${ratio.toFixed(2)}`,
      );
      levels.push({
        clients,
        requests: total,
        module_rps: round(ours.rps),
        baseline_rps: round(baseline.rps),
        ratio: round(ratio, 3),
        module_p50_ms: round(ours.p50, 2),
        module_p99_ms: round(ours.p99, 2),
        baseline_p50_ms: round(baseline.p50, 2),
        baseline_p99_ms: round(baseline.p99, 2),
      });
    }

    // Nothing oversold: every session's confirmed bookings within its capacity and equal to its counter.
    const [check] = await prisma.$queryRaw<{ oversold: number; drift: number }[]>`
      SELECT count(*) FILTER (WHERE confirmed > s."capacity")::int AS oversold,
             count(*) FILTER (WHERE confirmed <> s."confirmedPlaces")::int AS drift
      FROM "Session" s,
           LATERAL (SELECT coalesce(sum(b."places"), 0) AS confirmed FROM "Booking" b WHERE b."sessionId" = s."id" AND b."status" = 'CONFIRMED') c
      WHERE s."id" = ANY(${sessionIds}::uuid[])`;
    const baselineOversold = (await pool.query("SELECT count(*)::int AS n FROM bench_session WHERE confirmed > capacity")).rows[0].n as number;
    const oversold = check!.oversold + baselineOversold;
    say(`oversold sessions: ${oversold}; counters out of step: ${check!.drift}`);
    say(`(embedded PostgreSQL ${os.cpus().length} cores, pools of ${POOL_SIZE} connections, fsync off, half the requests waitlisted)`);
    if (json) console.log(JSON.stringify({ levels, oversold, drift: check!.drift }));
    await pool.end();
    await disconnectPrisma();
    if (oversold || check!.drift) process.exitCode = 1;
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
