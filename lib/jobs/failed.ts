// The jobs that used all their attempts, for the association (/admin/courriels, "Tâches en échec"): a job
// that keeps failing (a closing, a quota lift, the retention policy…) is left in graphile-worker's table,
// where nobody would see it. Shown: the task, when it last failed, its attempts and the first line of its
// last error, never its payload (it may name a booking or a person). "Relancer" gives it all its attempts
// again. Failed mails are not listed here: the outbox shows them, with "Envoyer à nouveau" (outbox.ts).
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { ensure, isAdmin } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit";
import { parse } from "@/lib/validation";
import { getPrisma } from "@/lib/db/client";
import { isMessageTask, MESSAGE_TASKS_SQL } from "@/lib/db/queue";
import { prismaSql } from "@/lib/db/sql";
import { NotFoundError, RuleViolation } from "@/lib/errors";

export interface FailedJob {
  id: string;
  /** The task's name (lib/db/queue.ts, TASK_NAMES); its words are in the catalog. */
  task: string;
  /** When its last attempt failed. */
  failedAt: Date;
  attempts: number;
  /** The first line of its last error. */
  error: string;
}

const ensureAdmin = (actor: Actor) => ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");

/**
 * The first line of an error, short enough for a list (what follows may quote a query or a stack). Prisma
 * opens its errors with a line naming only the call ("Invalid `prisma.$queryRawUnsafe()` invocation:")
 * and ends them with what the database said: that last line is the one that tells.
 */
export function firstLine(error: string | null): string {
  const lines = (error ?? "")
    .split(/\r?\n/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  const line = (/^Invalid `[^`]*` invocation/.test(lines[0] ?? "") ? lines.at(-1) : lines[0]) ?? "";
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

// graphile-worker does not record when a job failed; it sets its next try to the moment of the failure
// plus exp(min(attempts, 10)) seconds, which gives the moment back.
const FAILED_JOBS = `
  SELECT j.id::text AS id, j.task_identifier AS task, j.attempts, j.last_error AS "lastError",
         j.run_at - exp(least(j.attempts, 10)) * interval '1 second' AS "failedAt"
  FROM graphile_worker.jobs j
  WHERE j.attempts >= j.max_attempts AND j.locked_at IS NULL AND j.task_identifier NOT IN (${MESSAGE_TASKS_SQL})`;

/** The jobs failed for good, the latest first (at most `limit`), and how many there are. */
export async function listFailedJobs(actor: Actor, { limit = 50 }: { limit?: number } = {}): Promise<{ jobs: FailedJob[]; total: number }> {
  ensureAdmin(actor);
  const prisma = getPrisma();
  const take = Number.isInteger(limit) && limit > 0 ? Math.min(limit, 500) : 50;
  const [rows, [count]] = await Promise.all([
    prisma.$queryRawUnsafe<{ id: string; task: string; attempts: number; lastError: string | null; failedAt: Date }[]>(
      `${FAILED_JOBS} ORDER BY "failedAt" DESC, j.id DESC LIMIT $1`,
      take,
    ),
    prisma.$queryRawUnsafe<{ total: number }[]>(`SELECT count(*)::int AS total FROM (${FAILED_JOBS}) failed`),
  ]);
  return {
    jobs: rows.map((row) => ({
      id: row.id,
      task: row.task,
      failedAt: new Date(row.failedAt),
      attempts: Number(row.attempts),
      error: firstLine(row.lastError),
    })),
    total: count?.total ?? 0,
  };
}

const retrySchema = z.object({ jobId: z.string("validation.invalid").regex(/^[1-9][0-9]{0,17}$/, "validation.invalid") });

/** A job failed for good runs again now, with all its attempts (and the association's name on it). */
export async function retryJob(actor: Actor, input: unknown): Promise<void> {
  ensureAdmin(actor);
  const { jobId } = parse(retrySchema, input);
  await getPrisma().$transaction(async (tx) => {
    const sql = prismaSql(tx);
    const [job] = await sql.query<{ task: string; failed: boolean }>(
      `SELECT t.identifier AS task, (j.attempts >= j.max_attempts AND j.locked_at IS NULL) AS failed
       FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
       WHERE j.id = $1::bigint FOR UPDATE OF j`,
      [jobId],
    );
    if (!job || isMessageTask(job.task)) throw new NotFoundError("tâche");
    if (!job.failed) throw new RuleViolation("JOB_NOT_FAILED", "Cette tâche n'est pas en échec : il n'y a rien à relancer.");
    await sql.query(`SELECT id FROM graphile_worker.reschedule_jobs(ARRAY[$1::bigint], run_at => now(), attempts => 0)`, [jobId]);
    await audit(tx, actor, { action: "job.retried", entityType: "Job", entityId: jobId, after: { task: job.task } });
  });
}

export interface StuckJob {
  id: string;
  task: string;
  /** When a worker took it. */
  lockedAt: Date;
  /** Whether the server holding it still says it is alive (lib/jobs/worker.ts): if not, it is freed soon. */
  holderAlive: boolean;
}

/** A job is held too long past this: the tasks take seconds; a held one is stuck, or its server gone. */
export const STUCK_AFTER_MINUTES = 15;

/**
 * The jobs a worker took more than a quarter of an hour ago and still holds (issue 26.12): a server
 * killed while it held them, before they are freed, or a task that hangs. Never their payload.
 */
export async function listStuckJobs(actor: Actor): Promise<StuckJob[]> {
  ensureAdmin(actor);
  const rows = await getPrisma().$queryRawUnsafe<{ id: string; task: string; lockedAt: Date; holderAlive: boolean }[]>(
    `SELECT j.id::text AS id, t.identifier AS task, j.locked_at AS "lockedAt",
            EXISTS (SELECT 1 FROM "JobWorkerBeat" b WHERE b."id" = j.locked_by AND b."beatAt" > now() - interval '1 minute') AS "holderAlive"
     FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
     WHERE j.locked_at < now() - $1 * interval '1 minute'
     ORDER BY j.locked_at, j.id LIMIT 100`,
    STUCK_AFTER_MINUTES,
  );
  return rows.map((row) => ({ id: row.id, task: row.task, lockedAt: new Date(row.lockedAt), holderAlive: Boolean(row.holderAlive) }));
}
