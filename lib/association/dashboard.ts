// What needs the association's attention, on its home: new requests, meetings to plan, conventions that
// end within 60 days (and those ended), mails that failed, waitlists that expire within 48 hours.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { ensure, isAdmin } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { parisDate, parisDaysBefore } from "@/lib/time";
import { CONVENTION_WARNING_DAYS } from "./convention-warnings";
import { STAGE_SQL } from "./onboarding";

export { CONVENTION_WARNING_DAYS };

export async function associationTodo(actor: Actor, { now = new Date() } = {}) {
  ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");
  const prisma = getPrisma();
  const weekAgo = parisDaysBefore(now, 7);
  const warnBefore = parisDaysBefore(now, -CONVENTION_WARNING_DAYS);
  const in48h = new Date(now.getTime() + 48 * 3600_000);
  const [stages, conventions, failedMails, expiring] = await Promise.all([
    prisma.$queryRawUnsafe<{ stage: string; recent: boolean; n: number }[]>(
      `SELECT ${STAGE_SQL} AS stage, p."stageAt" >= $1 AS recent, count(*)::int AS n FROM "Partner" p
       WHERE ${STAGE_SQL} IN ('REQUEST_RECEIVED', 'MEETING_PLANNED') GROUP BY 1, 2`,
      weekAgo,
    ),
    // Structures whose latest convention ends soon (or has ended) with no later one.
    prisma.$queryRaw<{ id: string; name: string; validUntil: Date }[]>`
      SELECT p."id"::text AS "id", p."name", c."validUntil" FROM "Partner" p
      JOIN LATERAL (SELECT max("validUntil") AS "validUntil" FROM "Convention" WHERE "partnerId" = p."id") c ON TRUE
      WHERE c."validUntil" < ${parisDate(warnBefore)}::date AND c."validUntil" >= (${parisDate(now)}::date - 90)
      ORDER BY c."validUntil"`,
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
