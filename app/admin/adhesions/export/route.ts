// GET /admin/adhesions/export?saison=2026: the season's members as CSV, for the general assembly.
// Admin only (lib/association/memberships checks it).
import { getTranslations } from "@/lib/i18n/server";
import { membersCsv, readMembershipFilters } from "@/lib/association/memberships";
import { csvDownload } from "@/lib/http/csv-download";
import { seasonLabel, seasonOf } from "@/lib/time";

export function GET(request: Request) {
  return csvDownload(async (actor) => {
    const season = readMembershipFilters(new URL(request.url).searchParams).season ?? seasonOf(new Date());
    const labels = await getTranslations("associationLabels");
    const csv = await membersCsv(actor, season, (key) => labels(key));
    return { csv, filename: `adherentes-${seasonLabel(season)}.csv` };
  });
}
