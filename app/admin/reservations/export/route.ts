// GET /admin/reservations/export?…: the bookings found, as the list is filtered and sorted, as CSV (';',
// for a spreadsheet): every match up to 50,000 rows, never a guest's name. Admin only: decided by
// lib/association/bookings (bookingsCsv), which reads the filters too; this route only answers.
import { getTranslations } from "next-intl/server";
import { bookingsCsv } from "@/lib/association/bookings";
import { currentActor } from "@/lib/auth/current";
import { AccessDeniedError } from "@/lib/errors";
import { parisDate } from "@/lib/time";

const TEXT = { "Content-Type": "text/plain; charset=utf-8" };

export async function GET(request: Request) {
  const actor = await currentActor();
  if (actor.kind === "anonymous") return new Response("Connectez-vous pour télécharger la liste.", { status: 401, headers: TEXT });
  const labels = await getTranslations("associationLabels");
  try {
    const csv = await bookingsCsv(actor, Object.fromEntries(new URL(request.url).searchParams), { labels: (key) => labels(key) });
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="reservations-${parisDate(new Date())}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AccessDeniedError) return new Response("Réservé à l'équipe de l'association.", { status: 403, headers: TEXT });
    throw error;
  }
}
