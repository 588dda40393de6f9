// The durable job queue: graphile-worker, on the app's own PostgreSQL (docs/decisions/007-job-queue.md).
// A job is added with SQL, by the transaction of the change that causes it (graphile_worker.add_job), so
// a change that rolls back leaves no job, and a job never exists without its change. Every app server
// runs workers (lib/jobs/worker.ts); PostgreSQL hands each job to one of them. This is the queue's
// ground, which any room may write to; what each task does (and so every domain) is lib/jobs/tasks.ts.
import "server-only";
import type { Sql } from "@/lib/db/sql";

/** The tasks of lib/jobs/tasks.ts, by name (each has its words for the association: outbox.failedJobs.tasks). */
export const TASK_NAMES = [
  "send-mail",
  "mail-for-notice",
  "texts-for-notice",
  "mail-for-booking",
  "close-session",
  "lift-quota",
  "end-quota-exception",
  "remind-outing",
  "ask-attendance",
  "mail-digest",
  "retention",
  "convention-warnings",
  "stats-refresh",
  "wishes-purge",
  "run-draw",
  "send-sms",
  "sms-hourly",
  "season-sync",
  "season-sync-source",
] as const;
export type TaskName = (typeof TASK_NAMES)[number];

export interface JobSpec {
  task: TaskName;
  payload: Record<string, unknown>;
  /** When it may run (default: now). */
  runAt?: Date;
  /** One job per key: adding it again replaces the waiting one (a new time, a new payload). */
  key?: string;
  /** Attempts before it is left failed (default 25: days of retries with an exponential backoff). */
  maxAttempts?: number;
}

/** Adds jobs within the transaction of `sql`. */
export async function enqueue(sql: Sql, jobs: JobSpec | JobSpec[]): Promise<void> {
  // One job per key (the last), as adding them one by one would leave: a key twice in one call of
  // add_jobs is refused by PostgreSQL (ON CONFLICT cannot touch a row twice in one statement).
  const list = [...new Map((Array.isArray(jobs) ? jobs : [jobs]).map((job, index) => [job.key ?? index, job])).values()];
  if (!list.length) return;
  await sql.query(
    `SELECT 1 AS added FROM ${addJobsSql(
      `SELECT ${jobSpecSql({ sql: "j.task" }, "j.payload::json", { key: "j.job_key", maxAttempts: "j.max_attempts", runAt: "j.run_at" })}
       FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::int[]) AS j(task, payload, run_at, job_key, max_attempts)`,
    )}`,
    [
      list.map((job) => job.task),
      list.map((job) => JSON.stringify(job.payload)),
      list.map((job) => job.runAt ?? null),
      list.map((job) => job.key ?? null),
      list.map((job) => job.maxAttempts ?? null),
    ],
  );
}

/**
 * One job's spec for addJobsSql: its task (a name of the registry, or an SQL expression giving one), and
 * from SQL expressions its payload (json) and optionally its key, its attempts and its time (none: now,
 * 25 attempts, no key).
 */
export function jobSpecSql(
  task: TaskName | { sql: string },
  payload: string,
  options: { key?: string; maxAttempts?: string | number; runAt?: string } = {},
): string {
  const name = typeof task === "string" ? `'${task}'` : task.sql;
  return `ROW(${name}, ${payload}, NULL, ${options.runAt ?? "NULL"}, (${options.maxAttempts ?? "NULL"})::smallint, ${options.key ?? "NULL"}, NULL, NULL)::graphile_worker.job_spec`;
}

/**
 * graphile-worker's add_jobs over the specs `specs` selects (jobSpecSql), called once for all of them:
 * a row per job added, which the statement must read for the jobs to be added. Once, not add_job per row:
 * each call of it cost PostgreSQL about 0.3 ms whatever it adds (its own statements, planned anew), a
 * job in the array 0.01 ms (issue 35.1, docs/decisions/036-jobs-added-at-once.md). Not called at all
 * when `specs` is empty. The keys of `specs` must differ (see enqueue).
 */
export function addJobsSql(specs: string): string {
  // The condition inside the lateral subquery gates the call itself (outside, it would filter its rows).
  return `(SELECT ARRAY(${specs}) AS specs) batch, LATERAL (SELECT 1 FROM graphile_worker.add_jobs(batch.specs) WHERE cardinality(batch.specs) > 0) added`;
}

/** Removes waiting jobs by key (a session cancelled: its timed jobs are of no use any more). */
export async function unqueue(sql: Sql, keys: string[]): Promise<void> {
  if (!keys.length) return;
  await sql.query(`SELECT 1 AS removed FROM unnest($1::text[]) AS k(key), LATERAL graphile_worker.remove_job(k.key)`, [keys]);
}
