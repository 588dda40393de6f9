// An event's image: uploaded by the venue, resized here (sharp) to at most 1200 px wide in WebP and kept
// in the database, so no file store or outside service is needed and every app server can serve it.
import "server-only";
import sharp from "sharp";
import type { Actor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/client";
import { audit } from "@/lib/audit";
import { canBrowseOffer, ensure, managesVenue } from "@/lib/auth/permissions";
import { NotFoundError, RuleViolation } from "@/lib/errors";
import { cleanLine, isUuid } from "@/lib/validation";
import { managedEvent } from "./access";

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export interface StoredImage {
  mimeType: "image/webp";
  width: number;
  height: number;
  data: Uint8Array<ArrayBuffer>;
}

/**
 * Any image as the platform keeps it: at most 1200 px wide, WebP. Shared by the venue's upload and the season
 * import (decision 024), so an imported image is stored exactly as an uploaded one.
 */
export async function toWebp(bytes: Buffer): Promise<StoredImage> {
  try {
    const output = await sharp(bytes, { limitInputPixels: 50_000_000 })
      .rotate()
      .resize({ width: 1200, withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    return { mimeType: "image/webp", width: output.info.width, height: output.info.height, data: new Uint8Array(output.data) };
  } catch {
    throw new RuleViolation("IMAGE_UNREADABLE", "Ce fichier n'est pas une image lisible (JPEG, PNG ou WebP).");
  }
}

export async function setEventImage(actor: Actor, eventId: string, bytes: Buffer, alt?: string): Promise<{ width: number; height: number; bytes: number }> {
  await managedEvent(actor, eventId);
  if (bytes.length === 0) throw new RuleViolation("IMAGE_MISSING", "Choisissez une image.");
  if (bytes.length > MAX_IMAGE_BYTES) throw new RuleViolation("IMAGE_TOO_LARGE", "L'image dépasse 5 Mo.");
  const data = await toWebp(bytes);
  await getPrisma().$transaction(async (tx) => {
    await tx.eventImage.upsert({ where: { eventId }, create: { eventId, ...data }, update: data });
    if (alt !== undefined) await tx.event.update({ where: { id: eventId }, data: { imageAlt: cleanLine(alt).slice(0, 300) || null } });
    await audit(tx, actor, { action: "event.image_set", entityType: "Event", entityId: eventId });
  });
  return { width: data.width, height: data.height, bytes: data.data.length };
}

/** An event's image: a published event's for whoever may see the offer, a draft's for its venue only. */
export async function getEventImage(actor: Actor, eventId: string): Promise<{ mimeType: string; data: Uint8Array; updatedAt: Date }> {
  ensure(canBrowseOffer(actor), "Connectez-vous pour voir l'offre.");
  const image = isUuid(eventId)
    ? await getPrisma().eventImage.findUnique({
        where: { eventId },
        select: { mimeType: true, data: true, updatedAt: true, event: { select: { status: true, venueId: true } } },
      })
    : null;
  if (!image || (image.event.status === "DRAFT" && !managesVenue(actor, image.event.venueId))) throw new NotFoundError("image");
  return { mimeType: image.mimeType, data: image.data, updatedAt: image.updatedAt };
}
