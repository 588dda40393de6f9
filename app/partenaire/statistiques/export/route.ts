// GET /partenaire/statistiques/export?saison=2026&table=mois: a structure's statistics table as CSV
// (semicolons and a byte-order mark), for its own report to its funders: its account, or its outings by
// month or by category.
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { currentActor } from "@/lib/auth/current";
import { toCsv } from "@/lib/csv";
import { AccessDeniedError } from "@/lib/errors";
import { partnerStatistics, sideSeason } from "@/lib/stats/sides";
import { monthLabel, PARTNER_TABLES, partnerStatisticsCsv } from "@/lib/stats/tables";
import { seasonLabel } from "@/lib/time";

const exportSchema = z.object({ table: z.enum(PARTNER_TABLES) });

export async function GET(request: Request) {
  const actor = await currentActor();
  if (actor.kind === "anonymous") return new Response("Connectez-vous pour télécharger les statistiques.", { status: 401 });
  if (actor.kind !== "user" || actor.role !== "PARTNER") return new Response("Réservé aux structures partenaires.", { status: 403 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const asked = exportSchema.safeParse(params);
  if (!asked.success) return new Response(`Tableau inconnu : choisissez parmi ${PARTNER_TABLES.join(", ")}.`, { status: 400 });
  try {
    const now = new Date();
    const { season } = sideSeason(params.saison, now);
    const statistics = await partnerStatistics(actor, actor.partnerId, season, { now });
    const words = await getTranslations();
    const { header, rows } = partnerStatisticsCsv(asked.data.table, statistics, (key) => words(key as never), monthLabel);
    const name = `statistiques-${asked.data.table}-${seasonLabel(season)}.csv`;
    return new Response(toCsv(header, rows), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "private, no-store" },
    });
  } catch (error) {
    if (error instanceof AccessDeniedError) return new Response("Réservé aux structures partenaires.", { status: 403 });
    throw error;
  }
}
