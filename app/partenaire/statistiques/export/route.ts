// GET /partenaire/statistiques/export?saison=2026&table=mois: a structure's statistics table as CSV
// (semicolons and a byte-order mark), for its own report to its funders: its account, or its outings by
// month or by category.
import { getTranslations } from "@/lib/i18n/server";
import { z } from "zod";
import { toCsv } from "@/lib/csv";
import { AccessDeniedError } from "@/lib/errors";
import { csvDownload, plainAnswer } from "@/lib/http/csv-download";
import { partnerStatistics, sideSeason } from "@/lib/stats/sides";
import { monthLabel, PARTNER_TABLES, partnerStatisticsCsv } from "@/lib/stats/tables";
import { seasonLabel } from "@/lib/time";

const exportSchema = z.object({ table: z.enum(PARTNER_TABLES) });

export function GET(request: Request) {
  return csvDownload(
    async (actor) => {
      // Its own structure's: the one the account belongs to (lib refuses any other).
      if (actor.kind !== "user" || actor.role !== "PARTNER") throw new AccessDeniedError();
      const params = Object.fromEntries(new URL(request.url).searchParams);
      const asked = exportSchema.safeParse(params);
      if (!asked.success) return plainAnswer(`Tableau inconnu : choisissez parmi ${PARTNER_TABLES.join(", ")}.`, 400);
      const now = new Date();
      const { season } = sideSeason(params.saison, now);
      const statistics = await partnerStatistics(actor, actor.partnerId, season, { now });
      const words = await getTranslations();
      const { header, rows } = partnerStatisticsCsv(asked.data.table, statistics, (key) => words(key as never), monthLabel);
      return { csv: toCsv(header, rows), filename: `statistiques-${asked.data.table}-${seasonLabel(season)}.csv` };
    },
    { signedOut: "Connectez-vous pour télécharger les statistiques.", refused: "Réservé aux structures partenaires." },
  );
}
