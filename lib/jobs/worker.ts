// The workers of an app server: every server runs some (instrumentation.ts), on their own small pool, and
// PostgreSQL hands each job to one of them (graphile-worker: SKIP LOCKED, LISTEN/NOTIFY for new jobs).
// BILLETTERIE_WORKER=off runs a server without workers (one that only serves pages, say).
//
// Workers that are gone (issue 26.12). graphile-worker locks a job with the id of the workers that took
// it, and frees a lock left by workers that died (a server killed, a machine lost) only after four
// hours: a confirmation mail stayed stuck that long, unseen. So the workers of each server say they are
// alive every quarter of BILLETTERIE_WORKER_GONE_MS (default a minute) in "JobWorkerBeat", with
// PostgreSQL's clock, and each server frees, with graphile-worker's force_unlock_workers, the jobs locked
// by workers that have not said so for that long: another server (or the same one restarted) then runs
// them within a minute or two. A live server too slow to beat for a whole minute may see a job it holds
// run again elsewhere: every task is safe to run twice (tasks.ts). See docs/decisions/007-job-queue.md.
import "server-only";
import { EventEmitter } from "node:events";
import type pg from "pg";
import { Logger, parseCrontab, run, type Runner, type TaskList, type WorkerEvents } from "graphile-worker";
import { listenForAnswers } from "@/lib/sms/answers";
import { errorFacts, log, withoutContacts } from "@/lib/observability/log";
import { queueBatching, queuePool } from "./batching";
import { CRONTAB, taskList as appTasks } from "./tasks";

let started: Promise<StartedWorker> | undefined;

export interface StartedWorker {
  runner: Runner;
  /** The id graphile-worker locks this server's jobs with (its "pool"). */
  poolId: Promise<string>;
  /** Lets the jobs in hand finish, then closes the connections. */
  stop(): Promise<void>;
}

const logger = new Logger((scope) => (level, message) => {
  // The queue's own chatter stays quiet; its warnings and errors (a job that failed) are worth reading.
  // Its messages name the task and the job's id, and an error's first line, not a payload.
  if (level === "error" || level === "warning")
    log()[level === "error" ? "error" : "warn"]({ area: "jobs", task: scope.taskIdentifier, jobId: scope.jobId }, withoutContacts(message));
});

/** Each run of a job, its duration and its end (issue 31.3): ids, task names and attempts only. */
function logRuns(events: WorkerEvents): void {
  const started = new Map<string, number>();
  events.on("job:start", ({ job }) => {
    started.set(job.id, performance.now());
    log().info({ area: "jobs", task: job.task_identifier, jobId: job.id, attempt: job.attempts }, "tâche commencée");
  });
  const ended = (job: { id: string; task_identifier: string; attempts: number; max_attempts: number }, error?: unknown) => {
    const ms = Math.round(performance.now() - (started.get(job.id) ?? performance.now()));
    started.delete(job.id);
    const facts = { area: "jobs", task: job.task_identifier, jobId: job.id, attempt: job.attempts, durationMs: ms };
    if (error === undefined) log().info(facts, "tâche terminée");
    else log().error({ ...facts, final: job.attempts >= job.max_attempts, ...errorFacts(error) }, "tâche en échec");
  };
  events.on("job:success", ({ job }) => ended(job));
  events.on("job:error", ({ job, error }) => ended(job, error));
}

/** How long workers may stay silent before they are taken for gone (and their jobs freed). */
export function goneAfterMs(env: Record<string, string | undefined> = process.env): number {
  const configured = Number(env.BILLETTERIE_WORKER_GONE_MS);
  return Number.isInteger(configured) && configured >= 1_000 ? configured : 60_000;
}

/**
 * This server's workers are alive (`poolId`); the jobs locked by workers that have not said so for
 * `goneMs` are freed, and the beats of those long gone forgotten. Returns how many jobs it freed.
 */
export async function beatAndFreeGone(pool: pg.Pool, poolId: string, goneMs: number): Promise<number> {
  const { rows } = await pool.query<{ freed: number }>(
    `WITH beat AS (
       INSERT INTO "JobWorkerBeat" ("id", "beatAt") VALUES ($1, now())
       ON CONFLICT ("id") DO UPDATE SET "beatAt" = excluded."beatAt"
     ), forgotten AS (
       DELETE FROM "JobWorkerBeat" WHERE "beatAt" < now() - interval '1 day'
     ), gone AS (
       SELECT DISTINCT j.locked_by AS id FROM graphile_worker._private_jobs j
       WHERE j.locked_by IS NOT NULL AND j.locked_by <> $1
         AND j.locked_at < now() - $2 * interval '1 millisecond'
         AND NOT EXISTS (SELECT 1 FROM "JobWorkerBeat" b WHERE b."id" = j.locked_by AND b."beatAt" >= now() - $2 * interval '1 millisecond')
     ), freed AS (
       SELECT count(*)::int AS freed FROM graphile_worker._private_jobs WHERE locked_by IN (SELECT id FROM gone)
     )
     SELECT freed.freed, graphile_worker.force_unlock_workers(ARRAY(SELECT id FROM gone)) IS NULL AS done FROM freed`,
    [poolId, goneMs],
  );
  return rows[0]?.freed ?? 0;
}

/** Beats every quarter of the silence allowed, and frees the jobs of the gone; stopped with the runner. */
function keepBeating(pool: pg.Pool, runner: Runner, poolId: Promise<string>): void {
  const goneMs = goneAfterMs();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const beat = async () => {
    try {
      const freed = await beatAndFreeGone(pool, await poolId, goneMs);
      if (freed) log().warn({ area: "jobs", freed }, "tâches tenues par un serveur disparu libérées : elles vont être reprises");
    } catch (error) {
      // The database away for a while: the next beat tries again.
      log().warn({ area: "jobs", ...errorFacts(error) }, "signe de vie non écrit");
    }
    if (!stopped) timer = setTimeout(() => void beat(), Math.max(250, Math.floor(goneMs / 4)));
  };
  void beat();
  void runner.promise.finally(() => {
    stopped = true;
    clearTimeout(timer);
  });
}

interface WorkerOptions {
  concurrency?: number;
  /** The app's tasks; a test may wrap them. */
  taskList?: TaskList;
  /** The app's crontab; "" for none. */
  crontab?: string;
  pollInterval?: number;
}

/** Starts this process's workers, once (a second call gets the same). */
export function startWorker(databaseUrl: string, options: WorkerOptions = {}): Promise<StartedWorker> {
  started ??= launch(databaseUrl, options);
  return started;
}

async function launch(
  databaseUrl: string,
  { concurrency = Number(process.env.BILLETTERIE_WORKER_CONCURRENCY ?? 2), taskList = appTasks, crontab = CRONTAB, pollInterval = 2_000 }: WorkerOptions,
): Promise<StartedWorker> {
  const pool = queuePool(databaseUrl, concurrency + 2);
  const events: WorkerEvents = new EventEmitter();
  const poolId = new Promise<string>((resolve) => events.once("pool:create", ({ workerPool }) => resolve(workerPool.id)));
  logRuns(events);
  const runner = await run({
    pgPool: pool,
    concurrency,
    taskList,
    parsedCronItems: parseCrontab(crontab),
    logger,
    events,
    noHandleSignals: true,
    pollInterval,
    preset: queueBatching(concurrency),
  });
  keepBeating(pool, runner, poolId);
  // People answer the reminder hours after it left: bind to the operator now rather than at the first
  // text sent or the hourly task, or a "NON" waits at the operator (decision 015). Not awaited: a server
  // starts whether or not the operator answers, and the hourly task binds again.
  void listenForAnswers();
  return {
    runner,
    poolId,
    stop: async () => {
      await runner.stop();
      await pool.end();
    },
  };
}
