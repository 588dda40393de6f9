// Issue 29: the e2e walks the weekend search on a Sunday. Which days "Ce week-end" covers is decided on the
// server, so Playwright's page.clock (the browser's) cannot move it; and every spec shares one demo server,
// so a clock fixed for the whole process (an environment variable) would move their dates too. A request
// may instead say the instant it is read at, in the X-Demo-Clock header (ISO 8601 with its offset), and
// only the demo honours it: BILLETTERIE_DEMO=1 is set by `npm run demo` alone (scripts/app.ts), never by
// `npm start`, so in production any such header is ignored. It moves what the offer's pages read as "now"
// (the span searched, the words of a date), nothing that writes: bookings keep the real clock.
// Decision 026.
import "server-only";
import { headers } from "next/headers";

export const DEMO_CLOCK_HEADER = "x-demo-clock";

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant a request asked for, when the app runs as the demo and the value is one; undefined otherwise. */
export function demoClock(value: string | null | undefined, env: Record<string, string | undefined> = process.env): Date | undefined {
  if (env.BILLETTERIE_DEMO !== "1" || !value || !INSTANT.test(value)) return undefined;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

/** "Now" as the current request asks it in the demo, or undefined: the caller then reads the real clock. */
export async function requestedNow(): Promise<Date | undefined> {
  if (process.env.BILLETTERIE_DEMO !== "1") return undefined;
  return demoClock((await headers()).get(DEMO_CLOCK_HEADER));
}
