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
 * The order in which the queue hands out due jobs (graphile-worker's `priority`, lower first, then by
 * time): a rule due now (a session closing, a draw, a waiting list expiring, a quota lifting) first, so
 * that it never waits behind a pile of messages; then the messages someone is waiting for (a booking's
 * confirmation, a move up, a cancellation, a new password); then the mails sent in bulk on a schedule,
 * about an outing days away or past (reminders, attendance requests, waiting lists expired at a closing,
 * the digest, the campaign's reminders), which may wait minutes without anyone noticing. Among equals,
 * jobs leave in order of time. docs/decisions/039-messages-after-rules.md.
 */
export const JOB_PRIORITY = { rules: 0, messages: 1, scheduledMessages: 2 } as const;
/** The tasks that only carry a message out; their failures are shown with the messages (the outboxes), not as jobs. */
export const MESSAGE_TASKS = ["send-mail", "send-sms"] as const satisfies readonly TaskName[];
/** MESSAGE_TASKS as an SQL list, for `IN (…)`. */
export const MESSAGE_TASKS_SQL = MESSAGE_TASKS.map((task) => `'${task}'`).join(", ");
/** Whether a task only carries a message out (one of MESSAGE_TASKS). */
export const isMessageTask = (task: string): boolean => (MESSAGE_TASKS as readonly string[]).includes(task);

/**
 * One job's spec for addJobsSql: its task (a name of the registry, or an SQL expression giving one), and
 * from SQL expressions its payload (json) and optionally its key, its attempts, its time and its priority
 * (none: now, 25 attempts, no key, the priority of its task: JOB_PRIORITY).
 */
export function jobSpecSql(
  task: TaskName | { sql: string },
  payload: string,
  options: { key?: string; maxAttempts?: string | number; runAt?: string; priority?: string } = {},
): string {
  const name = typeof task === "string" ? `'${task}'` : task.sql;
  const priority = options.priority ?? taskPriority(task);
  return `ROW(${name}, ${payload}, NULL, ${options.runAt ?? "NULL"}, (${options.maxAttempts ?? "NULL"})::smallint, ${options.key ?? "NULL"}, ${priority}, NULL)::graphile_worker.job_spec`;
}

/** A task's priority, as SQL: the messages' for MESSAGE_TASKS, the rules' for every other. */
function taskPriority(task: TaskName | { sql: string }): string {
  if (typeof task === "string") return String(isMessageTask(task) ? JOB_PRIORITY.messages : JOB_PRIORITY.rules);
  return `CASE WHEN (${task.sql}) IN (${MESSAGE_TASKS_SQL}) THEN ${JOB_PRIORITY.messages} ELSE ${JOB_PRIORITY.rules} END`;
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
