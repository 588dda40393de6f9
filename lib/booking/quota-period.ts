// Which sessions count together against a venue's quota rule: those of the same Paris calendar month,
// or of the same season (lib/time.ts owns both notions), or the session alone.
import type { QuotaPeriod } from "@/lib/generated/prisma/enums";
import { monthRange, seasonOf, seasonRange, type DateRange } from "@/lib/time";

export type PeriodRange = DateRange;

/** The calendar range of the month or season a session belongs to (null for per-session rules). */
export function quotaPeriodRange(period: QuotaPeriod, sessionStartsAt: Date): PeriodRange | null {
  if (period === "MONTH") return monthRange(sessionStartsAt);
  if (period === "SEASON") return seasonRange(seasonOf(sessionStartsAt));
  return null;
}

/** A key equal for two sessions exactly when they count against the same quota. */
export function quotaPeriodKey(period: QuotaPeriod, session: { id: string; startsAt: Date }): string {
  const range = quotaPeriodRange(period, session.startsAt);
  return range ? `${period}:${range.from.toISOString()}` : `SESSION:${session.id}`;
}
