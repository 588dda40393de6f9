// How a server's workers take jobs from the queue (issue 35.1: in a season, the mails are most of the
// jobs, and each job cost two round trips to the queue besides its own work: one to take it, one to
// delete it). graphile-worker takes up to `concurrency + 1` due jobs in one statement into its local queue
// (the next job is at hand when one ends), and deletes the jobs that end in the same tick in one statement.
// No more than one job beyond what the workers run is locked by a server: another server is never left
// idle while this one holds a pile of waiting jobs (tests/integration/jobs.test.ts, "two worker
// processes run each job once"). Both the app's workers (lib/jobs/worker.ts) and the season replay's
// servers (scripts/bench/season/worker.ts) take jobs so. docs/decisions/034-queue-round-trips.md.
//
// Their statements are planned once per connection (plan_cache_mode): graphile-worker prepares them, but
// PostgreSQL kept planning its statement that takes jobs anew at each call, as custom plans, for 0.3 ms of
// the database's time each (a season: 18,296 takings, 17,164 plans). The plan does not depend on the
// values: the queue's tables are read through the same indexes whatever they are.
import type { RunnerOptions } from "graphile-worker";
import pg from "pg";
import { connectionConfig } from "@/lib/db/client";
import { keepPoolAlive } from "@/lib/db/keep-pool-alive";

export function queueBatching(concurrency: number): NonNullable<RunnerOptions["preset"]> {
  return { worker: { localQueue: { size: concurrency + 1 }, completeJobBatchDelay: 0 } };
}

/** The queue's own pool (graphile-worker's statements; the tasks use the app's): `max` connections. */
export function queuePool(databaseUrl: string, max: number): pg.Pool {
  const config = connectionConfig(databaseUrl);
  return keepPoolAlive(new pg.Pool({ ...config, options: `${config.options ?? ""} -c plan_cache_mode=force_generic_plan`.trim(), max }));
}
