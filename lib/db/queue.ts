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
  const list = Array.isArray(jobs) ? jobs : [jobs];
  if (!list.length) return;
  await sql.query(
    `SELECT 1 AS added
     FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::int[]) AS j(task, payload, run_at, job_key, max_attempts),
          LATERAL graphile_worker.add_job(j.task, j.payload::json, run_at => j.run_at, job_key => j.job_key, max_attempts => j.max_attempts)`,
    [
      list.map((job) => job.task),
      list.map((job) => JSON.stringify(job.payload)),
      list.map((job) => job.runAt ?? null),
      list.map((job) => job.key ?? null),
      list.map((job) => job.maxAttempts ?? null),
    ],
  );
}

/** Removes waiting jobs by key (a session cancelled: its timed jobs are of no use any more). */
export async function unqueue(sql: Sql, keys: string[]): Promise<void> {
  if (!keys.length) return;
  await sql.query(`SELECT 1 AS removed FROM unnest($1::text[]) AS k(key), LATERAL graphile_worker.remove_job(k.key)`, [keys]);
}
