// GET /api/events/{id}/image: the event's image, for whoever may see the offer (and its venue, for a
// draft): lib/venue decides.
import { currentActor } from "@/lib/auth/current";
import { AccessDeniedError } from "@/lib/errors";
import { getEventImage } from "@/lib/venue/images";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const image = await getEventImage(await currentActor(), id);
    return new Response(Buffer.from(image.data), {
      headers: { "Content-Type": image.mimeType, "Cache-Control": "private, max-age=3600", "Last-Modified": image.updatedAt.toUTCString() },
    });
  } catch (error) {
    return new Response(null, { status: error instanceof AccessDeniedError ? 401 : 404 });
  }
}
