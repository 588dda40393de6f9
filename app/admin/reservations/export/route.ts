// GET /admin/reservations/export?…: the bookings found, as the list is filtered and sorted, as CSV (';',
// for a spreadsheet): every match up to 50,000 rows, never a guest's name. Admin only: decided by
// lib/association/bookings (bookingsCsv; readBookingSearch reads the URL's words); this route only answers.
import { getTranslations } from "@/lib/i18n/server";
import { bookingsCsv, readBookingSearch } from "@/lib/association/bookings";
import { csvDownload } from "@/lib/http/csv-download";
import { parisDate } from "@/lib/time";

export function GET(request: Request) {
  return csvDownload(async (actor) => {
    const labels = await getTranslations("associationLabels");
    const csv = await bookingsCsv(actor, readBookingSearch(new URL(request.url).searchParams), { labels: (key) => labels(key) });
    return { csv, filename: `reservations-${parisDate(new Date())}.csv` };
  });
}
