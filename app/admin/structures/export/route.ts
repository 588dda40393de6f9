// GET /admin/structures/export: the pipeline as CSV (';', for a spreadsheet), with the list's filters.
import { getTranslations } from "next-intl/server";
import { structureFiltersSchema, structuresCsv } from "@/lib/association/structures";
import { currentActor } from "@/lib/auth/current";
import { AccessDeniedError } from "@/lib/errors";
import { parisDate } from "@/lib/time";

export async function GET(request: Request) {
  const actor = await currentActor();
  if (actor.kind === "anonymous") return new Response("Connectez-vous pour télécharger la liste.", { status: 401 });
  const url = new URL(request.url);
  const filters = structureFiltersSchema.parse(Object.fromEntries(url.searchParams));
  const labels = await getTranslations("associationLabels");
  try {
    const now = new Date();
    const csv = await structuresCsv(actor, filters, { now, labels: (key) => labels(key) });
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="structures-partenaires-${parisDate(now)}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AccessDeniedError) return new Response("Réservé à l'équipe de l'association.", { status: 403 });
    throw error;
  }
}
