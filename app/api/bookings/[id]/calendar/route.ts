import { currentActor } from "@/lib/auth/current";
import { bookingCalendar } from "@/lib/calendar/booking-event";
import { AccessDeniedError, NotFoundError } from "@/lib/errors";
import catalog from "@/messages/fr/invitation.json";

const messages = catalog.invitation.errors;

export const dynamic = "force-dynamic";

const text = (status: number, message: string) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** "Ajouter à mon agenda": the booking's event as an .ics file, for whoever may see the booking. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await currentActor();
  try {
    const calendar = await bookingCalendar(actor, id);
    return new Response(calendar.content, {
      headers: {
        "Content-Type": `text/calendar; charset=utf-8; method=${calendar.method}`,
        "Content-Disposition": `attachment; filename="${calendar.filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AccessDeniedError && actor.kind === "anonymous") return text(401, messages.SIGN_IN_REQUIRED);
    // A signed-in actor who may not see it learns nothing of the booking.
    if (error instanceof AccessDeniedError || error instanceof NotFoundError) return text(404, messages.NOT_FOUND);
    throw error;
  }
}
