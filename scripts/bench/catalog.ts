// npm run bench:catalog [-- --json]
// Time to answer the catalog's searches with thousands of upcoming sessions: 200 venues, 2,000 events,
// 10,000 sessions over six months, on the embedded PostgreSQL. Prints p50 and p95 per kind of search, and
// what it found (events, one card each, and their matching sessions).
import "../lib/allow-server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Actor } from "../../lib/auth/actor";
import { readCatalogFilters } from "../../lib/catalog/filters";
import { searchSessions } from "../../lib/catalog/search";
import { disconnectPrisma, getPrisma } from "../../lib/db/client";
import { ensureDatabase, startEmbeddedPostgres } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrations";

const json = process.argv.includes("--json");
const say = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);
const RUNS = 60;

const SEARCHES: Record<string, Record<string, string | string[]>> = {
  "everything, page 1": {},
  "everything, page 40": { page: "40" },
  "this month": { quand: "mois" },
  "dance in one town": { categorie: "DANCE", ville: "Ville 3" },
  "sign language, places left": { acces: "SIGN_LANGUAGE", places: "1" },
  "free text": { q: "théâtre 12" },
};

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "billetterie-bench-"));
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data"), port: 0, persistent: false });
  try {
    await ensureDatabase(server.url("postgres"), "bench");
    const url = server.url("bench");
    await applyMigrations(url);
    process.env.DATABASE_URL = url;
    const prisma = getPrisma();
    await prisma.$executeRawUnsafe(`
      INSERT INTO "Venue" ("id", "slug", "name", "kind", "addressLine", "postalCode", "city", "area", "ticketOfficePhone", "accessibility", "updatedAt")
      SELECT gen_random_uuid(), 'lieu-' || i, 'Théâtre ' || i, 'THEATRE', i || ' rue', '69000', 'Ville ' || (i % 10), 'Quartier ' || (i % 7), '04',
             CASE WHEN i % 3 = 0 THEN ARRAY['WHEELCHAIR']::"Accessibility"[] ELSE '{}' END, now()
      FROM generate_series(1, 200) i`);
    await prisma.$executeRawUnsafe(`
      INSERT INTO "Event" ("id", "venueId", "title", "description", "category", "status", "accessibility", "updatedAt")
      SELECT gen_random_uuid(), v."id", 'Spectacle ' || i, 'Une soirée au théâtre numéro ' || i,
             (ARRAY['THEATRE','MUSIC','DANCE','CINEMA','EXHIBITION'])[1 + i % 5]::"EventCategory", 'PUBLISHED',
             CASE WHEN i % 11 = 0 THEN ARRAY['SIGN_LANGUAGE']::"Accessibility"[] ELSE '{}' END, now()
      FROM generate_series(1, 2000) i JOIN LATERAL (SELECT "id" FROM "Venue" ORDER BY "slug" OFFSET (i % 200) LIMIT 1) v ON true`);
    await prisma.$executeRawUnsafe(`
      INSERT INTO "Session" ("id", "eventId", "startsAt", "capacity", "updatedAt")
      SELECT gen_random_uuid(), e."id", now() + (random() * 180 + 1) * interval '1 day', (random() * 20)::int, now()
      FROM "Event" e, generate_series(1, 5)`);
    await prisma.$executeRawUnsafe(`ANALYZE`);
    const actor: Actor = { kind: "visitor", partnerId: "00000000-0000-7000-8000-000000000000" };

    const results: Record<string, { p50: number; p95: number; events: number; sessions: number }> = {};
    say(`search                         |  p50 ms |  p95 ms | events found | sessions found`);
    for (const [name, params] of Object.entries(SEARCHES)) {
      const filters = readCatalogFilters(params);
      await searchSessions(actor, filters, { now: new Date() }); // warm-up (the query itself: a given instant is never served from the recent pages)
      const times: number[] = [];
      let found = { totalEvents: 0, totalSessions: 0 };
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        found = await searchSessions(actor, filters, { now: new Date() });
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const p50 = times[Math.floor(RUNS * 0.5)]!;
      const p95 = times[Math.floor(RUNS * 0.95)]!;
      results[name] = { p50: Number(p50.toFixed(2)), p95: Number(p95.toFixed(2)), events: found.totalEvents, sessions: found.totalSessions };
      say(
        `${name.padEnd(30)} | ${p50.toFixed(2).padStart(7)} | ${p95.toFixed(2).padStart(7)} | ${String(found.totalEvents).padStart(12)} | ${found.totalSessions}`,
      );
    }
    say(`(10,000 sessions, 2,000 events, 200 venues; embedded PostgreSQL, ${os.cpus().length} cores)`);
    if (json) console.log(JSON.stringify({ sessions: 10_000, searches: results }));
    await disconnectPrisma();
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
