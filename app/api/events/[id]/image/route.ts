// GET /api/events/{id}/image: the event's image, for whoever may see the offer (and its venue, for a draft).
import { currentActor } from "@/lib/auth/current";
import { canBrowseOffer } from "@/lib/auth/permissions";
import { getEventImage } from "@/lib/venue/images";
import { managedEvent } from "@/lib/venue/access";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await currentActor();
  if (!canBrowseOffer(actor)) return new Response(null, { status: 401 });
  let image = await getEventImage(id);
  if (!image) {
    // A draft's image, for its own venue only.
    const event = await managedEvent(actor, id).catch(() => null);
    if (event) image = await getEventImage(id, { includeDrafts: true });
  }
  if (!image) return new Response(null, { status: 404 });
  return new Response(Buffer.from(image.data), {
    headers: { "Content-Type": image.mimeType, "Cache-Control": "private, max-age=3600", "Last-Modified": image.updatedAt.toUTCString() },
  });
}
