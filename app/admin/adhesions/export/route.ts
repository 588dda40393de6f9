// GET /admin/adhesions/export?saison=2026: the season's members as CSV, for the general assembly.
// Admin only (lib/association/memberships checks it).
import { getTranslations } from "next-intl/server";
import { membersCsv, seasonFromUrl } from "@/lib/association/memberships";
import { currentActor } from "@/lib/auth/current";
import { AccessDeniedError } from "@/lib/errors";
import { seasonLabel, seasonOf } from "@/lib/time";

export async function GET(request: Request) {
  const actor = await currentActor();
  if (actor.kind === "anonymous") return new Response("Connectez-vous pour télécharger la liste.", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const season = seasonFromUrl.parse(new URL(request.url).searchParams.get("saison") ?? undefined) ?? seasonOf(new Date());
  const labels = await getTranslations("associationLabels");
  try {
    const csv = await membersCsv(actor, season, (key) => labels(key));
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="adherentes-${seasonLabel(season)}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AccessDeniedError) return new Response("Réservé à l'équipe de l'association.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    throw error;
  }
}
