// The rules that fall due at a moment (DESIGN.md, rules 3 and 6): bookings close (and the waitlist
// expires) at the closing time, a quota that lifts itself moves the waitlist up at the lift time. Each
// moment is a durable job (lib/jobs), added by the transaction that creates or changes what it depends on
// (a session added, a quota rule set) and removed when the session is cancelled, its draw's job with them. The job only triggers;
// the rule is applied here, under the venue's lock, and is safe to apply twice.
//
// The same schedule carries the two mails of an outing: a reminder to the referent two Paris days before,
// and, the day after at 10:00, a request to record attendance and feedback (lib/mail/outings.ts).
import "server-only";
import { systemActor } from "@/lib/auth/actor";
import { getPool, getPrisma } from "@/lib/db/client";
import { poolSql, prismaSql, type Sql } from "@/lib/db/sql";
import { enqueue, unqueue, type JobSpec } from "@/lib/db/queue";
import { parisDate, parisDaysBefore, parisTime } from "@/lib/time";
import { promoteWaitlist, type Promotion } from "./promotion";
import { bookingClosesAt, quotaLiftsAt, type QuotaRuleFacts } from "./rules";
import { endBookings } from "./end";
import { lockSession, venueOfSession } from "./state";
import { withVenueLockOnPool } from "./transaction";

export interface TimedSession {
  id: string;
  startsAt: Date;
  bookingClosesAt: Date | null;
  closedAt: Date | null;
}

/** The draw's job of a session in "Candidatures puis tirage" (set by sessions.ts, openDrawWindow). */
export const drawJobKey = (sessionId: string) => `session-draw:${sessionId}`;

const keys = (sessionId: string) => ({
  draw: drawJobKey(sessionId),
  close: `session-close:${sessionId}`,
  lift: `quota-lift:${sessionId}`,
  reminder: `outing-reminder:${sessionId}`,
  attendance: `attendance-request:${sessionId}`,
});

/** When the day after the outing's request goes: 10:00 in Paris, the next calendar day. */
export function attendanceRequestAt(startsAt: Date): Date {
  return parisTime(parisDate(parisDaysBefore(startsAt, -1)), 10);
}

/** The jobs a session's timed rules need, those still to come. */
export function sessionJobs(session: TimedSession, rule: QuotaRuleFacts | null, now: Date): JobSpec[] {
  const key = keys(session.id);
  const payload = { sessionId: session.id };
  const jobs: JobSpec[] = [];
  const closesAt = bookingClosesAt(session);
  if (!session.closedAt && closesAt > now) jobs.push({ task: "close-session", payload, runAt: closesAt, key: key.close });
  const liftsAt = quotaLiftsAt(rule, session.startsAt);
  if (liftsAt && liftsAt > now && liftsAt < closesAt) jobs.push({ task: "lift-quota", payload, runAt: liftsAt, key: key.lift });
  const reminderAt = parisDaysBefore(session.startsAt, 2);
  if (reminderAt > now) jobs.push({ task: "remind-outing", payload, runAt: reminderAt, key: key.reminder });
  jobs.push({ task: "ask-attendance", payload, runAt: attendanceRequestAt(session.startsAt), key: key.attendance });
  return jobs;
}

/** In the transaction that adds sessions: their timed jobs. */
export async function scheduleSessionJobs(sql: Sql, sessions: TimedSession[], rule: QuotaRuleFacts | null, now: Date): Promise<void> {
  await enqueue(
    sql,
    sessions.flatMap((session) => sessionJobs(session, rule, now)),
  );
}

/** In the transaction that sets a venue's quota rule: the lift of each session still to come, or none. */
export async function scheduleQuotaLifts(sql: Sql, venueId: string, rule: QuotaRuleFacts | null, now: Date): Promise<void> {
  const sessions = await sql.query<TimedSession>(
    `SELECT s."id"::text AS "id", s."startsAt", s."bookingClosesAt", s."closedAt" FROM "Session" s JOIN "Event" e ON e."id" = s."eventId"
     WHERE e."venueId" = $1::uuid AND s."status" = 'SCHEDULED' AND s."startsAt" > $2`,
    [venueId, now],
  );
  const lifts = sessions.flatMap((session) => sessionJobs(session, rule, now).filter((job) => job.task === "lift-quota"));
  const lifted = new Set(lifts.map((job) => job.key));
  await unqueue(
    sql,
    sessions.map((session) => keys(session.id).lift).filter((key) => !lifted.has(key)),
  );
  await enqueue(sql, lifts);
}

/**
 * In the transaction that reopens bookings closed by hand: the closing job, when its time is still to
 * come. Closing by hand leaves the job in place, so this usually replaces it with the same time; it
 * makes sure the waitlist formed after reopening expires on time even if the job was lost.
 */
export async function scheduleClosing(sql: Sql, session: TimedSession, now: Date): Promise<void> {
  await enqueue(
    sql,
    sessionJobs({ ...session, closedAt: null }, null, now).filter((job) => job.task === "close-session"),
  );
}

/** In the transaction that cancels sessions: their timed jobs are of no use any more. */
export async function unscheduleSessionJobs(sql: Sql, sessionIds: string[]): Promise<void> {
  await unqueue(
    sql,
    sessionIds.flatMap((id) => Object.values(keys(id))),
  );
}

/**
 * Every session still to come gets the jobs it lacks: for a database that had sessions before the jobs
 * (run with the migrations). Adding a job whose key exists replaces it with the same time: harmless.
 */
export async function scheduleAllSessionJobs(now = new Date()): Promise<number> {
  const prisma = getPrisma();
  const sessions = await prisma.session.findMany({
    where: { status: "SCHEDULED", startsAt: { gt: now } },
    select: { id: true, startsAt: true, bookingClosesAt: true, closedAt: true, event: { select: { venue: { select: { quotaRule: true } } } } },
  });
  for (let start = 0; start < sessions.length; start += 500) {
    const chunk = sessions.slice(start, start + 500);
    await enqueue(
      prismaSql(prisma),
      chunk.flatMap(({ event, ...session }) => sessionJobs(session, event.venue.quotaRule, now)),
    );
  }
  return sessions.length;
}

/** The closing time has come: the waitlist expires (rule 6); its partners are told. */
export async function closeSessionOnTime(sessionId: string, now = new Date()): Promise<{ expired: number }> {
  const venueId = await venueOfSession(poolSql(getPool()), sessionId);
  if (!venueId) return { expired: 0 };
  return withVenueLockOnPool(venueId, async (sql) => {
    const session = await lockSession(sql, sessionId);
    // Cancelled since, or moved later: nothing to do now (a moved session has its own job).
    if (!session || session.status === "CANCELLED" || (!session.closedAt && now < bookingClosesAt(session))) return { expired: 0 };
    return { expired: (await endBookings(sql, systemActor, sessionId, "WAITLISTED", "EXPIRED", "WAITLIST_EXPIRED", now)).length };
  });
}

/** The venue's rule lifts itself for this session now: the waitlist moves up before anyone new (rule 3). */
export async function liftQuotaOnTime(sessionId: string, now = new Date()): Promise<{ promoted: Promotion[] }> {
  const venueId = await venueOfSession(poolSql(getPool()), sessionId);
  if (!venueId) return { promoted: [] };
  return withVenueLockOnPool(venueId, async (sql) => {
    const session = await lockSession(sql, sessionId);
    const liftsAt = session && quotaLiftsAt(session.rule, session.startsAt);
    if (!session || !liftsAt || now < liftsAt) return { promoted: [] };
    return { promoted: await promoteWaitlist(sql, session, systemActor, now) };
  });
}
