// What needs the association's attention, on its home: new requests, meetings to plan, conventions that
// end within 60 days (and those ended), mails that failed, waitlists that expire within 48 hours.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { ensure, isAdmin } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { parisDate, parisDaysBefore } from "@/lib/time";
import { CONVENTION_WARNING_DAYS } from "./convention-warnings";
import { STAGE_SQL } from "./onboarding";

export { CONVENTION_WARNING_DAYS };

export async function associationTodo(actor: Actor, { now = new Date() } = {}) {
  ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");
  const prisma = getPrisma();
  const weekAgo = parisDaysBefore(now, 7);
  const in48h = new Date(now.getTime() + 48 * 3600_000);
  const [stages, conventions, failedMails, expiring] = await Promise.all([
    prisma.$queryRawUnsafe<{ stage: string; recent: boolean; n: number }[]>(
      `SELECT ${STAGE_SQL} AS stage, p."stageAt" >= $1 AS recent, count(*)::int AS n FROM "Partner" p
       WHERE ${STAGE_SQL} IN ('REQUEST_RECEIVED', 'MEETING_PLANNED') GROUP BY 1, 2`,
      weekAgo,
    ),
    prisma.$queryRaw<{ id: string; name: string; validUntil: Date }[]>(endingConventionsSql(now)),
    prisma.outboxMail.count({ where: { status: "FAILED" } }),
    prisma.session.findMany({
      where: { status: "SCHEDULED", waitlistedBookings: { gt: 0 }, closedAt: null, startsAt: { gt: now, lt: in48h } },
      orderBy: { startsAt: "asc" },
      select: { id: true, startsAt: true, waitlistedBookings: true, event: { select: { id: true, title: true, venueId: true } } },
    }),
  ]);
  // A convention's days are stored as UTC midnights of the Paris day.
  const today = new Date(`${parisDate(now)}T00:00:00Z`);
  const count = (stage: string, recent?: boolean) =>
    stages.filter((row) => row.stage === stage && (recent === undefined || row.recent === recent)).reduce((sum, row) => sum + row.n, 0);
  return {
    newRequests: count("REQUEST_RECEIVED", true),
    meetingsToPlan: count("REQUEST_RECEIVED"),
    meetingsPlanned: count("MEETING_PLANNED"),
    conventionsEnding: conventions.filter((row) => row.validUntil >= today),
    conventionsEnded: conventions.filter((row) => row.validUntil < today),
    failedMails,
    expiringWaitlists: expiring,
  };
}

/**
 * Structures whose latest convention ends within CONVENTION_WARNING_DAYS (or ended within 90 days), with no
 * later one. From the conventions ending in that window (their end date's index), each kept when none of its
 * structure's ends later: every view of the association's home asks it, and a look-up of each structure's
 * latest convention (4,200 at national scale) took 12 ms of the database (issue 35.2).
 */
export function endingConventionsSql(now: Date): Prisma.Sql {
  const warnBefore = parisDaysBefore(now, -CONVENTION_WARNING_DAYS);
  return Prisma.sql`
    SELECT p."id"::text AS "id", p."name", max(c."validUntil") AS "validUntil"
    FROM "Convention" c JOIN "Partner" p ON p."id" = c."partnerId"
    WHERE c."validUntil" < ${parisDate(warnBefore)}::date AND c."validUntil" >= (${parisDate(now)}::date - 90)
      AND NOT EXISTS (SELECT 1 FROM "Convention" later WHERE later."partnerId" = c."partnerId" AND later."validUntil" > c."validUntil")
    GROUP BY p."id", p."name"
    ORDER BY 3, p."id"`;
}
