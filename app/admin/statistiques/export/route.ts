// GET /admin/statistiques/export?saison=2026&table=lieux (or ?du=…&au=…): one table of the statistics as
// CSV (semicolons and a byte-order mark, like the guest list); &diffusion=externe writes counts of fewer
// than 5 people as "< 5", and "masqué" whatever would give one back, for a file that leaves the association
// (every file to hand out decided together: externalPlan, decision 011).
import { getTranslations } from "@/lib/i18n/server";
import { z } from "zod";
import { toCsv } from "@/lib/csv";
import { csvDownload, plainAnswer } from "@/lib/http/csv-download";
import { readPeriodFilters, statisticsReport } from "@/lib/stats/report";
import { monthLabel, STAT_TABLES, statisticsCsv, TABLE_DIMENSION } from "@/lib/stats/tables";
import { keptExport } from "@/lib/stats/export-cache";
import { seasonComputedAt } from "@/lib/stats/figures";
import { seasonLabel, seasonOf } from "@/lib/time";

const exportSchema = z.object({ table: z.enum(STAT_TABLES), diffusion: z.enum(["externe"]).optional() });

export function GET(request: Request) {
  return csvDownload(
    async (actor) => {
      const query = new URL(request.url).searchParams;
      const asked = exportSchema.safeParse(Object.fromEntries(query));
      if (!asked.success) return plainAnswer(`Tableau inconnu : choisissez parmi ${STAT_TABLES.join(", ")}.`, 400);
      const filters = readPeriodFilters(query);
      const { table, diffusion } = asked.data;
      const build = async () => {
        // A file to hand out reads every breakdown: they decide together what the account hides (decision 011).
        const report = await statisticsReport(actor, filters, {
          dimensions: diffusion === "externe" ? undefined : table === "bilan" ? [] : [TABLE_DIMENSION[table]],
        });
        const words = await getTranslations();
        const { header, rows } = statisticsCsv(table, report, { words: (key) => words(key as never), month: monthLabel, masked: diffusion === "externe" });
        return toCsv(header, rows);
      };
      // A season's file is the same until its figures are computed again: kept by this process till then.
      // A range of days is computed when asked, each time.
      const season = filters.range ? null : (filters.season ?? seasonOf(new Date()));
      const computedAt = season === null ? null : await seasonComputedAt(actor, season);
      const csv = computedAt ? await keptExport(`${season}|${table}|${diffusion ?? ""}|${computedAt.getTime()}`, build) : await build();
      const period = season !== null ? seasonLabel(season) : `${filters.range!.from}_${filters.range!.to}`;
      return { csv, filename: `statistiques-${table}-${period}${diffusion ? "-diffusion" : ""}.csv` };
    },
    { signedOut: "Connectez-vous pour télécharger les statistiques." },
  );
}
