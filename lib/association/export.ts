// What the association's CSV exports share (bookings, journal, venues; structures and members predate it):
// a cap on their rows (instants are written by lib/format/dates' formatCsvMoment, cells by lib/csv's toCsv).

/**
 * At most this many rows in one CSV export: a spreadsheet opens it, and the server builds it in memory at
 * once (a few MB). A search that matches more is cut there, in the list's order; narrow the filters to
 * get the rest.
 */
export const CSV_MAX_ROWS = 50_000;
