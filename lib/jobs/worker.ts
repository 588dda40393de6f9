// The workers of an app server: every server runs some (instrumentation.ts), on their own small pool, and
// PostgreSQL hands each job to one of them (graphile-worker: SKIP LOCKED, LISTEN/NOTIFY for new jobs).
// BILLETTERIE_WORKER=off runs a server without workers (one that only serves pages, say).
import "server-only";
import pg from "pg";
import { Logger, parseCrontab, run, type Runner } from "graphile-worker";
import { connectionConfig } from "@/lib/db/client";
import { CRONTAB, taskList } from "./tasks";

let runner: Promise<Runner> | undefined;

const logger = new Logger((scope) => (level, message) => {
  // The queue's own chatter stays quiet; its warnings and errors (a job that failed) are worth reading.
  if (level === "error" || level === "warning") console[level === "error" ? "error" : "warn"](`[tâches${scope.taskIdentifier ? ` ${scope.taskIdentifier}` : ""}] ${message}`);
});

export function startWorker(databaseUrl: string, { concurrency = Number(process.env.BILLETTERIE_WORKER_CONCURRENCY ?? 2) } = {}): Promise<Runner> {
  const pool = new pg.Pool({ ...connectionConfig(databaseUrl), max: concurrency + 2 });
  // A connection the server closes must not crash the app: the pool replaces it.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  runner ??= run({
    pgPool: pool,
    concurrency,
    taskList,
    parsedCronItems: parseCrontab(CRONTAB),
    logger,
    noHandleSignals: true,
    pollInterval: 2_000,
  });
  return runner;
}
