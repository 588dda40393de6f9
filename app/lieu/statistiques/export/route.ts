// GET /lieu/statistiques/export?saison=2026&table=evenements[&lieu=…]: a venue's statistics table as CSV
// (semicolons and a byte-order mark), for its own report: its account or its events with the feedback.
import { getTranslations } from "@/lib/i18n/server";
import { z } from "zod";
import { toCsv } from "@/lib/csv";
import { csvDownload, plainAnswer } from "@/lib/http/csv-download";
import { sideSeason, venueStatistics } from "@/lib/stats/sides";
import { VENUE_TABLES, venueStatisticsCsv } from "@/lib/stats/tables";
import { seasonLabel } from "@/lib/time";
import { pickVenue } from "@/lib/venue/pick-venue";

const exportSchema = z.object({ table: z.enum(VENUE_TABLES) });

export function GET(request: Request) {
  return csvDownload(
    async (actor) => {
      const params = Object.fromEntries(new URL(request.url).searchParams);
      const asked = exportSchema.safeParse(params);
      if (!asked.success) return plainAnswer(`Tableau inconnu : choisissez parmi ${VENUE_TABLES.join(", ")}.`, 400);
      const venue = await pickVenue(actor, params.lieu);
      if (!venue) return plainAnswer("Aucun lieu à votre nom.", 404);
      const now = new Date();
      const { season } = sideSeason(params.saison, now);
      const statistics = await venueStatistics(actor, venue.id, season, { now });
      const words = await getTranslations();
      const { header, rows } = venueStatisticsCsv(asked.data.table, statistics, (key, values) => words(key as never, values as never));
      return { csv: toCsv(header, rows), filename: `statistiques-${asked.data.table}-${seasonLabel(season)}.csv` };
    },
    { signedOut: "Connectez-vous pour télécharger les statistiques.", refused: "Réservé aux équipes du lieu." },
  );
}
