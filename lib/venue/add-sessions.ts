// Sessions are added one at a time or as a run (every Tuesday and Friday at 20:30 from … to …), all in
// one transaction. Changing a count afterwards goes through lib/booking.changeCapacity, which never goes
// below what is confirmed and moves the waitlist up when it grows.
import "server-only";
import { addDays, differenceInCalendarDays, getISODay } from "date-fns";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { parse } from "@/lib/validation";
import { getPrisma } from "@/lib/db/client";
import { RuleViolation } from "@/lib/errors";
import { inParis, parisDate, parisDaysBefore, parisTime } from "@/lib/time";
import { audit } from "@/lib/audit";
import { scheduleSessionJobs } from "@/lib/booking/timed";
import { prismaSql } from "@/lib/db/sql";
import { offerChanged } from "@/lib/catalog/places-cache";
import { managedEvent } from "./access";
import { sessionRunSchema } from "./schemas";

export { sessionRunSchema };

export const MAX_SESSIONS_PER_RUN = 100;

/** The start times of a run, at Paris time. */
export function runStarts(run: Pick<z.output<typeof sessionRunSchema>, "from" | "to" | "weekdays" | "times">): Date[] {
  const first = inParis(parisTime(run.from));
  const last = inParis(parisTime(run.to ?? run.from));
  const starts: Date[] = [];
  for (let offset = 0; offset <= differenceInCalendarDays(last, first); offset++) {
    const date = addDays(first, offset);
    if (run.weekdays.length && !run.weekdays.includes(getISODay(date))) continue;
    const ymd = parisDate(date);
    for (const at of run.times) starts.push(parisTime(ymd, Number(at.slice(0, 2)), Number(at.slice(3, 5))));
    if (starts.length > MAX_SESSIONS_PER_RUN) break;
  }
  return starts.sort((a, b) => a.getTime() - b.getTime());
}

export async function addSessions(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<{ created: number }> {
  const run = parse(sessionRunSchema, input);
  await managedEvent(actor, run.eventId);
  const starts = runStarts(run);
  if (starts.length === 0) throw new RuleViolation("EMPTY_RUN", "Aucune date ne correspond : vérifiez les jours choisis.");
  if (starts.length > MAX_SESSIONS_PER_RUN) {
    throw new RuleViolation("RUN_TOO_LONG", `Au plus ${MAX_SESSIONS_PER_RUN} séances à la fois.`, { max: MAX_SESSIONS_PER_RUN });
  }
  if (starts[0]! <= now) throw new RuleViolation("SESSION_IN_PAST", "Une séance ne peut pas commencer dans le passé.");
  await getPrisma().$transaction(async (tx) => {
    const created = await tx.session.createManyAndReturn({
      data: starts.map((startsAt) => ({
        eventId: run.eventId,
        startsAt,
        capacity: run.capacity,
        // Paris calendar days: "7 days before" a 20:00 session opens at 20:00, even across a clock change.
        bookingOpensAt: run.opensDaysBefore ? parisDaysBefore(startsAt, run.opensDaysBefore) : null,
        bookingClosesAt: run.closesHoursBefore ? new Date(startsAt.getTime() - run.closesHoursBefore * 3600_000) : null,
      })),
      select: { id: true, startsAt: true, bookingClosesAt: true, closedAt: true },
    });
    // Their timed rules (closing, a quota lifting itself) and mails (reminder, attendance) as jobs.
    const rule = await tx.quotaRule.findFirst({ where: { venue: { events: { some: { id: run.eventId } } } } });
    await scheduleSessionJobs(prismaSql(tx), created, rule, now);
    await audit(
      tx,
      actor,
      { action: "sessions.added", entityType: "Event", entityId: run.eventId, after: { count: starts.length, capacity: run.capacity } },
      now,
    );
  });
  offerChanged();
  return { created: starts.length };
}
