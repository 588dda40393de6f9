// GET /api/sessions/{id}/guests: the guest list as CSV, for the session's venue and admin.
import { currentActor } from "@/lib/auth/current";
import { AccessDeniedError, NotFoundError } from "@/lib/errors";
import { guestListCsv } from "@/lib/venue/guest-list";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (actor.kind === "anonymous") return new Response("Connectez-vous pour télécharger la liste.", { status: 401 });
  try {
    const { filename, csv } = await guestListCsv(actor, (await params).id);
    return new Response(csv, {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "private, no-store" },
    });
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof AccessDeniedError) return new Response("Séance introuvable.", { status: 404 });
    throw error;
  }
}
