// GET /api/sessions/{id}/guests/pdf: the guest list on one printable page, for the ticket office.
import { currentActor } from "@/lib/auth/current";
import { AccessDeniedError, NotFoundError } from "@/lib/errors";
import { renderGuestListPdf } from "@/lib/pdf/guest-list";
import { parisDate } from "@/lib/time";
import { getGuestList } from "@/lib/venue/guest-list";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (actor.kind === "anonymous") return new Response("Connectez-vous pour imprimer la liste.", { status: 401 });
  try {
    const list = await getGuestList(actor, (await params).id);
    const pdf = await renderGuestListPdf(list);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="invites-${parisDate(list.session.startsAt)}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof AccessDeniedError) return new Response("Séance introuvable.", { status: 404 });
    throw error;
  }
}
