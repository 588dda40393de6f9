// An imported event's image (issue 33.1, decision 024): fetched before the import's transaction (no lock is
// held while another server answers), through the same guarded fetcher as the agenda but with the upload's
// cap, then stored as an upload is (toWebp). Only for events the import creates or that have no image yet,
// so an image the venue set on the platform is never fetched again nor replaced. An image that cannot be
// had (unreachable, too large, not an image) is skipped: it never fails the import of the season.
import "server-only";
import { MAX_IMAGE_BYTES, toWebp, type StoredImage } from "@/lib/venue/images";
import type { Tx } from "@/lib/db/sql";
import { getPrisma } from "@/lib/db/client";
import { fetchSourceBytes, SOURCE_LIMITS } from "./fetch";
import type { SourceEvent } from "./source-events";

/** A few at a time: a season of 300 events must not wait for 300 answers one after the other. */
const AT_ONCE = 4;

async function fetchImage(address: string): Promise<StoredImage | null> {
  try {
    const { body } = await fetchSourceBytes(address, { ...SOURCE_LIMITS, maxBytes: MAX_IMAGE_BYTES });
    return await toWebp(body);
  } catch {
    return null;
  }
}

/** The images to store, by the source's event key; read outside any transaction. */
export async function fetchSourceImages(venueId: string, events: SourceEvent[]): Promise<Map<string, StoredImage>> {
  const withImage = events.filter((event) => event.imageUrl);
  const pictured = await getPrisma().event.findMany({
    where: { venueId, sourceKey: { in: withImage.map((event) => event.key) }, image: { isNot: null } },
    select: { sourceKey: true },
  });
  const skip = new Set(pictured.map((event) => event.sourceKey));
  const wanted = withImage.filter((event) => !skip.has(event.key));
  const images = new Map<string, StoredImage>();
  for (let start = 0; start < wanted.length; start += AT_ONCE) {
    const batch = wanted.slice(start, start + AT_ONCE);
    const fetched = await Promise.all(batch.map((event) => fetchImage(event.imageUrl!)));
    batch.forEach((event, index) => fetched[index] && images.set(event.key, fetched[index]));
  }
  return images;
}

/** Inside the import's transaction: each image on its event, unless the event has one by now (never replaced). */
export async function storeSourceImages(tx: Tx, venueId: string, images: Map<string, StoredImage>): Promise<number> {
  if (!images.size) return 0;
  const events = await tx.event.findMany({
    where: { venueId, sourceKey: { in: [...images.keys()] }, image: { is: null } },
    select: { id: true, sourceKey: true },
  });
  const { count } = await tx.eventImage.createMany({
    data: events.map((event) => ({ eventId: event.id, ...images.get(event.sourceKey!)! })),
    skipDuplicates: true,
  });
  return count;
}
