// The one home of time in the platform: every date people read or pick is a wall-clock date in France
// (Europe/Paris), whatever the time zone of the server, of the database or of the browser. Days are
// counted as Paris calendar days, not as 24 hours, so that "7 days before" keeps its hour across a
// daylight-saving change. Seasons (quotas, memberships, statistics) run from 1 September to 31 August.
import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, addYears, differenceInCalendarDays, isSameDay, startOfDay, startOfMonth } from "date-fns";

export const TIME_ZONE = "Europe/Paris";

/** September, zero-based: the month a cultural season starts. */
const SEASON_FIRST_MONTH = 8;

export interface DateRange {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
}

/** The instant as a Paris wall-clock date (for date-fns arithmetic and formatting). */
export function inParis(instant: Date | number): TZDate {
  return new TZDate(typeof instant === "number" ? instant : instant.getTime(), TIME_ZONE);
}

const plain = (date: Date) => new Date(date.getTime());

/** The instant of a wall-clock time in Paris: "2027-07-01" at 20:00 is 18:00 UTC in summer. */
export function parisTime(ymd: string, hours = 0, minutes = 0): Date {
  const [year, month, day] = ymd.split("-").map(Number) as [number, number, number];
  return plain(new TZDate(year, month - 1, day, hours, minutes, TIME_ZONE));
}

/** "2027-07-01": the Paris calendar date of an instant. */
export function parisDate(instant: Date): string {
  const local = inParis(instant);
  return `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, "0")}-${String(local.getDate()).padStart(2, "0")}`;
}

/** The same Paris wall-clock time `days` calendar days earlier (later when negative). */
export function parisDaysBefore(instant: Date, days: number): Date {
  return plain(addDays(inParis(instant), -days));
}

/** Midnight in Paris of the instant's day. */
export function startOfParisDay(instant: Date): Date {
  return plain(startOfDay(inParis(instant)));
}

/** Midnight in Paris that starts the day after the instant's (23 or 25 hours later on the days clocks change). */
export function nextParisDay(instant: Date): Date {
  return plain(addDays(startOfDay(inParis(instant)), 1));
}

/**
 * Midnight in Paris that starts the first Sunday after the instant's day (a week later on a Sunday): the
 * demo puts an outing on it and the e2e reads "Ce week-end" on it (issue 29), whatever the day it runs.
 */
export function nextParisSunday(instant: Date): Date {
  const day = startOfDay(inParis(instant));
  return plain(addDays(day, 7 - day.getDay()));
}

/**
 * The instant a Paris day ends, which is the midnight that starts the next one: compare with `<`. The day
 * is a "YYYY-MM-DD" (a "to" date picked in a form) or the day of an instant. A day is not 24 hours: on the
 * two days a year the clocks change it lasts 23 or 25 (issue 28.2: filters that added 24 hours ended it an
 * hour late in March and an hour early in October).
 */
export function endOfParisDay(day: string | Date): Date {
  return nextParisDay(typeof day === "string" ? parisTime(day) : day);
}

/** Paris calendar days from `from`'s day to `to`'s (negative when `to` is earlier), whatever the hours between. */
export function daysBetween(from: Date, to: Date): number {
  return differenceInCalendarDays(inParis(to), inParis(from));
}

export function isSameParisDay(a: Date, b: Date): boolean {
  return isSameDay(inParis(a), inParis(b));
}

/** The Paris calendar month an instant falls in. */
export function monthRange(instant: Date): DateRange {
  const from = startOfMonth(inParis(instant));
  return { from: plain(from), to: plain(addMonths(from, 1)) };
}

/** The season an instant falls in, named by the year it starts: 2026 for September 2026 – August 2027. */
export function seasonOf(instant: Date): number {
  const local = inParis(instant);
  return local.getMonth() >= SEASON_FIRST_MONTH ? local.getFullYear() : local.getFullYear() - 1;
}

export function seasonRange(season: number): DateRange {
  const from = new TZDate(season, SEASON_FIRST_MONTH, 1, TIME_ZONE);
  return { from: plain(from), to: plain(addYears(from, 1)) };
}

/** "2026-2027". */
export function seasonLabel(season: number): string {
  return `${season}-${season + 1}`;
}
