// GET /api/door/snapshot?lieu={venueId}: the door's snapshot of the day (issue 32.2), as JSON, for the
// device that prepares the door check offline. Never cached by the browser or the service worker: the
// device keeps it in IndexedDB, for the day only (lib/venue/door-store.ts).
import { currentActor } from "@/lib/auth/current";
import { AccessDeniedError, NotFoundError } from "@/lib/errors";
import { doorSnapshot } from "@/lib/venue/door-snapshot";

export async function GET(request: Request) {
  const actor = await currentActor();
  if (actor.kind === "anonymous") return new Response("Connectez-vous pour préparer le contrôle.", { status: 401 });
  try {
    const snapshot = await doorSnapshot(actor, { venueId: new URL(request.url).searchParams.get("lieu") ?? "" });
    return Response.json(snapshot, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof AccessDeniedError) return new Response("Lieu introuvable.", { status: 404 });
    throw error;
  }
}
