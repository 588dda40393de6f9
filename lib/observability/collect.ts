// Issue 31.3: what /api/metrics answers, and to whom. Only a scraper holding METRICS_TOKEN reads it
// (sent as "Authorization: Bearer …"); without a token configured nobody does, so that a server put online
// without thinking of it does not show its figures. The counts kept in memory (metrics.ts) are joined,
// at each scrape, by what the database knows: the queue's jobs by task and state, read from
// graphile-worker's tables (the same from any process), and this process's pool's waiting clients.
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { getPool, getPrisma } from "@/lib/db/client";
import { TASK_NAMES } from "@/lib/db/queue";
import { metrics, metricsRegistry } from "./metrics";

export type MetricsAnswer = { status: 200; body: string; contentType: string } | { status: 401 | 404; body: string };

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Whether `authorization` carries the configured token (compared in constant time). */
export function holdsMetricsToken(authorization: string | null, token = process.env.METRICS_TOKEN): boolean {
  const given = /^Bearer (\S+)$/.exec(authorization ?? "")?.[1];
  return Boolean(token && given && timingSafeEqual(digest(given), digest(token)));
}

export const JOB_STATES = ["waiting", "running", "failed"] as const;

/** Jobs by task: waiting (due, not taken), running (taken by a worker), failed (out of attempts). */
async function collectJobs(): Promise<void> {
  const rows = await getPrisma().$queryRawUnsafe<{ task: string; waiting: number; running: number; failed: number }[]>(
    `SELECT t.identifier AS task,
            count(*) FILTER (WHERE j.locked_at IS NULL AND j.attempts < j.max_attempts AND j.run_at <= now())::int AS waiting,
            count(*) FILTER (WHERE j.locked_at IS NOT NULL)::int AS running,
            count(*) FILTER (WHERE j.locked_at IS NULL AND j.attempts >= j.max_attempts)::int AS failed
     FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
     GROUP BY t.identifier`,
  );
  const gauge = metrics().jobs;
  gauge.reset();
  // Every task and state is written, 0 included, so that an alert on a series finds it.
  for (const task of TASK_NAMES) for (const state of JOB_STATES) gauge.set({ task, state }, 0);
  for (const row of rows) for (const state of JOB_STATES) gauge.set({ task: row.task, state }, Number(row[state]));
}

/** The answer to a scrape with this Authorization header. */
export async function metricsAnswer(authorization: string | null): Promise<MetricsAnswer> {
  if (!process.env.METRICS_TOKEN) return { status: 404, body: "Mesures non activées (METRICS_TOKEN)." };
  if (!holdsMetricsToken(authorization)) return { status: 401, body: "Jeton de mesure manquant ou faux." };
  await collectJobs();
  metrics().poolWaiting.set(getPool().waitingCount);
  return { status: 200, body: await metricsRegistry().metrics(), contentType: metricsRegistry().contentType };
}
