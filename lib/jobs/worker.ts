// The workers of an app server: every server runs some (instrumentation.ts), on their own small pool, and
// PostgreSQL hands each job to one of them (graphile-worker: SKIP LOCKED, LISTEN/NOTIFY for new jobs).
// BILLETTERIE_WORKER=off runs a server without workers (one that only serves pages, say).
import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import { Logger, parseCrontab, run, type Runner, type TaskList, type WorkerEvents } from "graphile-worker";
import { connectionConfig } from "@/lib/db/client";
import { CRONTAB, taskList as appTasks } from "./tasks";

let started: Promise<StartedWorker> | undefined;

export interface StartedWorker {
  runner: Runner;
  /** The id graphile-worker locks this server's jobs with (its "pool"). */
  poolId: Promise<string>;
}

const logger = new Logger((scope) => (level, message) => {
  // The queue's own chatter stays quiet; its warnings and errors (a job that failed) are worth reading.
  if (level === "error" || level === "warning") console[level === "error" ? "error" : "warn"](`[tâches${scope.taskIdentifier ? ` ${scope.taskIdentifier}` : ""}] ${message}`);
});

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

async function launch(databaseUrl: string, { concurrency = Number(process.env.BILLETTERIE_WORKER_CONCURRENCY ?? 2), taskList = appTasks, crontab = CRONTAB, pollInterval = 2_000 }: WorkerOptions): Promise<StartedWorker> {
  const pool = new pg.Pool({ ...connectionConfig(databaseUrl), max: concurrency + 2 });
  // A connection the server closes must not crash the app: the pool replaces it.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  const events: WorkerEvents = new EventEmitter();
  const poolId = new Promise<string>((resolve) => events.once("pool:create", ({ workerPool }) => resolve(workerPool.id)));
  const runner = await run({
    pgPool: pool,
    concurrency,
    taskList,
    parsedCronItems: parseCrontab(crontab),
    logger,
    events,
    noHandleSignals: true,
    pollInterval,
  });
  return { runner, poolId };
}
