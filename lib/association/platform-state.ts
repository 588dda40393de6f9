// Issue 31.3: "État de la plateforme" (/admin/etat), what /api/metrics tells an operator, said to the
// association: jobs late or failed, the last night's retention and what it did, the last statistics
// refresh, mails and texts waiting or failed, the database's size, the version running. Each fact comes
// with a level ("ok" or "attention") decided here, so that the page only puts words on it. Counts and
// dates only: no payload, no recipient.
import "server-only";
import { execFileSync } from "node:child_process";
import type { Actor } from "@/lib/auth/actor";
import { ensure, isAdmin } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { MESSAGE_TASKS_SQL } from "@/lib/db/queue";
import { STUCK_AFTER_MINUTES } from "@/lib/jobs/failed";
import { retentionReport, type RetentionCounts } from "@/lib/retention";
import packageJson from "@/package.json";

export type Level = "ok" | "attention";

/** A job due this long ago and not taken is late: workers take a due job within seconds. */
export const LATE_AFTER_MINUTES = 15;
/** The retention runs every night (tasks.ts, 3:30): older than this, a night was missed. */
const RETENTION_EVERY_HOURS = 36;
/** Statistics are refreshed every quarter of an hour: older than this, refreshing has stopped. */
const STATISTICS_EVERY_HOURS = 2;
/** A mail waiting longer than this is stuck rather than on its way. */
const MAIL_WAITING_MINUTES = 30;

export interface PlatformState {
  jobs: { late: number; lateSince: Date | null; failed: number; stuck: number; level: Level };
  retention: { lastRun: { at: Date; counts: Partial<RetentionCounts> } | null; level: Level };
  statistics: { refreshedAt: Date | null; level: Level };
  mails: { waiting: number; waitingSince: Date | null; failed: number; textsWaiting: number; textsFailed: number; level: Level };
  database: { bytes: number };
  version: { version: string; commit: string | null };
}

const hoursAgo = (now: Date, hours: number) => new Date(now.getTime() - hours * 3_600_000);

export async function platformState(actor: Actor, { now = new Date() }: { now?: Date } = {}): Promise<PlatformState> {
  ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");
  const prisma = getPrisma();
  // The queue's times are PostgreSQL's: late and stuck are measured with its clock, as the workers do.
  const [[jobs], retention, [figures], mails, texts, [size]] = await Promise.all([
    prisma.$queryRawUnsafe<{ late: number; lateSince: Date | null; failed: number; stuck: number }[]>(
      `SELECT count(*) FILTER (WHERE j.locked_at IS NULL AND j.attempts < j.max_attempts AND j.run_at < now() - $1 * interval '1 minute')::int AS late,
              min(j.run_at) FILTER (WHERE j.locked_at IS NULL AND j.attempts < j.max_attempts AND j.run_at < now() - $1 * interval '1 minute') AS "lateSince",
              count(*) FILTER (WHERE j.locked_at IS NULL AND j.attempts >= j.max_attempts AND t.identifier NOT IN (${MESSAGE_TASKS_SQL}))::int AS failed,
              count(*) FILTER (WHERE j.locked_at < now() - $2 * interval '1 minute')::int AS stuck
       FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id`,
      LATE_AFTER_MINUTES,
      STUCK_AFTER_MINUTES,
    ),
    retentionReport(actor),
    prisma.$queryRaw<{ refreshedAt: Date | null }[]>`SELECT max("computedAt") AS "refreshedAt" FROM "StatsFigure"`,
    prisma.outboxMail.groupBy({ by: ["status"], where: { status: { in: ["PENDING", "FAILED"] } }, _count: true, _min: { createdAt: true } }),
    prisma.outboxSms.groupBy({ by: ["status"], where: { status: { in: ["PENDING", "FAILED"] } }, _count: true }),
    prisma.$queryRaw<{ bytes: bigint }[]>`SELECT pg_database_size(current_database()) AS bytes`,
  ]);
  const count = <T extends { status: string; _count: number }>(rows: T[], status: string) => rows.find((row) => row.status === status)?._count ?? 0;
  const waitingSince = mails.find((row) => row.status === "PENDING")?._min.createdAt ?? null;
  const late = jobs?.late ?? 0;
  const failed = jobs?.failed ?? 0;
  const stuck = jobs?.stuck ?? 0;
  const lastRun = retention.lastRun;
  const refreshedAt = figures?.refreshedAt ? new Date(figures.refreshedAt) : null;
  const mailFailed = count(mails, "FAILED");
  const textsFailed = count(texts, "FAILED");
  const mailsStuck = waitingSince !== null && waitingSince < new Date(now.getTime() - MAIL_WAITING_MINUTES * 60_000);
  return {
    jobs: { late, lateSince: jobs?.lateSince ? new Date(jobs.lateSince) : null, failed, stuck, level: late || failed || stuck ? "attention" : "ok" },
    retention: { lastRun, level: lastRun && lastRun.at >= hoursAgo(now, RETENTION_EVERY_HOURS) ? "ok" : "attention" },
    statistics: { refreshedAt, level: refreshedAt && refreshedAt >= hoursAgo(now, STATISTICS_EVERY_HOURS) ? "ok" : "attention" },
    mails: {
      waiting: count(mails, "PENDING"),
      waitingSince,
      failed: mailFailed,
      textsWaiting: count(texts, "PENDING"),
      textsFailed,
      level: mailFailed || textsFailed || mailsStuck ? "attention" : "ok",
    },
    database: { bytes: Number(size?.bytes ?? 0) },
    version: runningVersion(),
  };
}

let commit: string | null | undefined;

/**
 * package.json's version, and the commit: BILLETTERIE_COMMIT when the build set it (an image built
 * without .git), else asked of git once, else unknown.
 */
export function runningVersion(): { version: string; commit: string | null } {
  if (commit === undefined) {
    commit = process.env.BILLETTERIE_COMMIT?.trim() || null;
    if (!commit) {
      try {
        commit =
          execFileSync("git", ["rev-parse", "--short=12", "HEAD"], { stdio: ["ignore", "pipe", "ignore"], timeout: 2_000 })
            .toString()
            .trim() || null;
      } catch {
        commit = null;
      }
    }
  }
  return { version: packageJson.version, commit };
}
