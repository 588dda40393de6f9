// Which sessions count together against a venue's quota rule. Months and seasons are those of the
// calendar in France (Europe/Paris), whatever the server's time zone: a session on 31 January at
// 23:30 in Lyon belongs to January. A cultural season runs from 1 September to 31 August.
import { TZDate } from "@date-fns/tz";
import { addMonths, addYears, startOfMonth } from "date-fns";
import type { QuotaPeriod } from "@/lib/generated/prisma/enums";

export const TIME_ZONE = "Europe/Paris";
const SEASON_FIRST_MONTH = 8; // September, zero-based

export interface PeriodRange {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
}

/** The calendar range of the month or season a session belongs to (null for per-session rules). */
export function quotaPeriodRange(period: QuotaPeriod, sessionStartsAt: Date): PeriodRange | null {
  const local = new TZDate(sessionStartsAt.getTime(), TIME_ZONE);
  if (period === "MONTH") {
    const from = startOfMonth(local);
    return { from: new Date(from.getTime()), to: new Date(addMonths(from, 1).getTime()) };
  }
  if (period === "SEASON") {
    const year = local.getMonth() >= SEASON_FIRST_MONTH ? local.getFullYear() : local.getFullYear() - 1;
    const from = new TZDate(year, SEASON_FIRST_MONTH, 1, TIME_ZONE);
    return { from: new Date(from.getTime()), to: new Date(addYears(from, 1).getTime()) };
  }
  return null;
}

/** A key equal for two sessions exactly when they count against the same quota. */
export function quotaPeriodKey(period: QuotaPeriod, session: { id: string; startsAt: Date }): string {
  const range = quotaPeriodRange(period, session.startsAt);
  return range ? `${period}:${range.from.toISOString()}` : `SESSION:${session.id}`;
}

/** The instant of a wall-clock time in Paris: "2027-07-01" at 20:00 is 18:00 UTC in summer. */
export function parisTime(ymd: string, hours = 0, minutes = 0): Date {
  const [year, month, day] = ymd.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, day, hours, minutes, TIME_ZONE).getTime());
}
