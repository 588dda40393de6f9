// GET /admin/lieux/export?…: the venues found, as the list is searched and sorted, as CSV (';', for a
// spreadsheet): every match up to 50,000 rows. Admin only: decided by lib/association/venues
// (venuesCsv), which reads the filters too; this route only answers.
import { getTranslations } from "@/lib/i18n/server";
import { venuesCsv } from "@/lib/association/venues";
import { csvDownload } from "@/lib/http/csv-download";
import { parisDate } from "@/lib/time";

export function GET(request: Request) {
  return csvDownload(async (actor) => {
    const venues = await getTranslations("venuesAdmin");
    const shared = await getTranslations("labels");
    // A venue's kind and its managers' states in the list's words, the quota period in the shared ones.
    const labels = (key: string) => (key.startsWith("quotaPeriod.") ? shared(key) : venues(key));
    const now = new Date();
    const csv = await venuesCsv(actor, Object.fromEntries(new URL(request.url).searchParams), { labels, now });
    return { csv, filename: `lieux-${parisDate(now)}.csv` };
  });
}
