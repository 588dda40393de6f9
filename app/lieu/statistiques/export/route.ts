// GET /lieu/statistiques/export?saison=2026&table=evenements[&lieu=…]: a venue's statistics table as CSV
// (semicolons and a byte-order mark), for its own report: its account or its events with the feedback.
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { currentActor } from "@/lib/auth/current";
import { toCsv } from "@/lib/csv";
import { AccessDeniedError } from "@/lib/errors";
import { sideSeason, venueStatistics } from "@/lib/stats/sides";
import { VENUE_TABLES, venueStatisticsCsv } from "@/lib/stats/tables";
import { seasonLabel } from "@/lib/time";
import { pickVenue } from "@/lib/venue/current";

const exportSchema = z.object({ table: z.enum(VENUE_TABLES) });

export async function GET(request: Request) {
  const actor = await currentActor();
  if (actor.kind === "anonymous") return new Response("Connectez-vous pour télécharger les statistiques.", { status: 401 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const asked = exportSchema.safeParse(params);
  if (!asked.success) return new Response(`Tableau inconnu : choisissez parmi ${VENUE_TABLES.join(", ")}.`, { status: 400 });
  try {
    const venue = await pickVenue(actor, params.lieu);
    if (!venue) return new Response("Aucun lieu à votre nom.", { status: 404 });
    const now = new Date();
    const { season } = sideSeason(params.saison, now);
    const statistics = await venueStatistics(actor, venue.id, season, { now });
    const words = await getTranslations();
    const { header, rows } = venueStatisticsCsv(asked.data.table, statistics, (key, values) => words(key as never, values as never));
    const name = `statistiques-${asked.data.table}-${seasonLabel(season)}.csv`;
    return new Response(toCsv(header, rows), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "private, no-store" },
    });
  } catch (error) {
    if (error instanceof AccessDeniedError) return new Response("Réservé aux équipes du lieu.", { status: 403 });
    throw error;
  }
}
