// Apart from lib/db/client.ts so that what runs before the app (the migrations, lib/db/migrations.ts)
// can use it without loading Prisma's client.
import type pg from "pg";

/**
 * A connection the server closes (a restart, or the shutdown of an embedded server racing the pool's end)
 * must not crash the process: the pool replaces it, and a query in flight fails on its own. For every
 * pool of the app's: its own (lib/db/client.ts), the job queue's (lib/jobs/batching.ts), the migrations'.
 */
export function keepPoolAlive(pool: pg.Pool): pg.Pool {
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  return pool;
}
