// GET /admin/structures/export: the structures as CSV (';', for a spreadsheet), with the list's filters.
import { getTranslations } from "@/lib/i18n/server";
import { readStructureFilters, structuresCsv } from "@/lib/association/structures";
import { csvDownload } from "@/lib/http/csv-download";
import { parisDate } from "@/lib/time";

export function GET(request: Request) {
  return csvDownload(async (actor) => {
    const filters = readStructureFilters(new URL(request.url).searchParams);
    const labels = await getTranslations("associationLabels");
    const now = new Date();
    const csv = await structuresCsv(actor, filters, { now, labels: (key) => labels(key) });
    return { csv, filename: `structures-partenaires-${parisDate(now)}.csv` };
  });
}
