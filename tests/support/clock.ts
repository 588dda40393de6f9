// Every test file runs on a fixed clock, so that no result depends on when the suite runs: the clock
// starts at TEST_NOW and then runs at its normal pace (timeouts and durations behave as usual). The
// default instant is one where dates bite: 23:30 in Paris, ten days before the last hour of the year, so
// that the factories' default session (in ten days) starts at 23:30 on 31 December and one "an hour
// later" is in another month, another year and another season's half. The suite also runs in a time zone that is not Paris (jest.config.ts).
// Override with TEST_NOW=2027-03-28T00:30:00Z npm test to try another instant.
//
// Only `Date.now()` and `new Date()` without arguments move; every other use of Date is the real one,
// so libraries that compute with dates (time zones, formatting, drivers) are untouched.
import { inParis, parisTime } from "@/lib/time";

export const TEST_NOW = new Date(process.env.TEST_NOW ?? "2026-12-21T22:30:00.000Z");

const RealDate = globalThis.Date;
const offset = TEST_NOW.getTime() - RealDate.now();
const now = () => RealDate.now() + offset;

// A function rather than a class: it shares Date.prototype, so `Date.prototype` still lists Date's
// methods (libraries such as @date-fns/tz copy them at load time), `instanceof Date` holds for every
// date, and subclasses of Date keep their own prototype (Reflect.construct with new.target).
function FixedClockDate(this: unknown, ...args: unknown[]) {
  if (!new.target) return new RealDate(now()).toString();
  return Reflect.construct(RealDate, args.length ? args : [now()], new.target);
}
Object.setPrototypeOf(FixedClockDate, RealDate);
FixedClockDate.prototype = RealDate.prototype;
FixedClockDate.now = now;
globalThis.Date = FixedClockDate as unknown as DateConstructor;

/** An instant `days` × 24 h from the test clock's now. */
export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

/** 20:00 in Paris on the 15th of the month `monthsAhead` after the clock's: well inside one month. */
export function midMonth(monthsAhead = 1, hour = 20): Date {
  const local = inParis(Date.now());
  const month = new Date(Date.UTC(local.getFullYear(), local.getMonth() + monthsAhead, 15));
  return parisTime(month.toISOString().slice(0, 10), hour);
}
