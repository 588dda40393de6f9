// GET /admin/lieux/export?…: the venues found, as the list is searched and sorted, as CSV (';', for a
// spreadsheet): every match up to 50,000 rows. Admin only: decided by lib/association/venues
// (venuesCsv), which reads the filters too; this route only answers.
import { getTranslations } from "next-intl/server";
import { venuesCsv } from "@/lib/association/venues";
import { currentActor } from "@/lib/auth/current";
import { AccessDeniedError } from "@/lib/errors";
import { parisDate } from "@/lib/time";

const TEXT = { "Content-Type": "text/plain; charset=utf-8" };

export async function GET(request: Request) {
  const actor = await currentActor();
  if (actor.kind === "anonymous") return new Response("Connectez-vous pour télécharger la liste.", { status: 401, headers: TEXT });
  const venues = await getTranslations("venuesAdmin");
  const shared = await getTranslations("labels");
  // A venue's kind and its managers' states in the list's words, the quota period in the shared ones.
  const labels = (key: string) => (key.startsWith("quotaPeriod.") ? shared(key) : venues(key));
  try {
    const now = new Date();
    const csv = await venuesCsv(actor, Object.fromEntries(new URL(request.url).searchParams), { labels, now });
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="lieux-${parisDate(now)}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AccessDeniedError) return new Response("Réservé à l'équipe de l'association.", { status: 403, headers: TEXT });
    throw error;
  }
}
