// What the association's CSV exports share (bookings, journal, venues; structures and members predate it):
// a cap on their rows and one way to write an instant. Pure; the cells go through lib/csv's toCsv.
import { inParis, parisDate } from "@/lib/time";

/**
 * At most this many rows in one CSV export: a spreadsheet opens it, and the server builds it in memory at
 * once (a few MB). A search that matches more is cut there, in the list's order; narrow the filters to
 * get the rest.
 */
export const CSV_MAX_ROWS = 50_000;

/** "2027-01-14 20:00": an instant as its Paris date and time, a form every spreadsheet sorts. */
export function csvMoment(instant: Date): string {
  const paris = inParis(instant);
  return `${parisDate(instant)} ${String(paris.getHours()).padStart(2, "0")}:${String(paris.getMinutes()).padStart(2, "0")}`;
}
