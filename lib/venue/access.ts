// What every function of lib/venue starts with: the venue of the thing at hand, and whether the actor
// manages it. To anyone else an event or a session of another venue does not exist.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { managesVenue } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { AccessDeniedError, NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/validation";

/** Venue staff and admin only; others are refused before anything is read. */
export function ensureVenueStaff(actor: Actor): void {
  if (!(actor.kind === "user" && (actor.role === "VENUE" || actor.role === "ADMIN"))) throw new AccessDeniedError("Réservé aux lieux culturels.");
}

export async function managedEvent(actor: Actor, eventId: string) {
  ensureVenueStaff(actor);
  const event = isUuid(eventId) ? await getPrisma().event.findUnique({ where: { id: eventId } }) : null;
  if (!event || !managesVenue(actor, event.venueId)) throw new NotFoundError("événement");
  return event;
}

export async function managedSession(actor: Actor, sessionId: string) {
  ensureVenueStaff(actor);
  const session = isUuid(sessionId)
    ? await getPrisma().session.findUnique({ where: { id: sessionId }, include: { event: { select: { id: true, title: true, venueId: true, status: true } } } })
    : null;
  if (!session || !managesVenue(actor, session.event.venueId)) throw new NotFoundError("séance");
  return session;
}

export function ensureManages(actor: Actor, venueId: string): void {
  ensureVenueStaff(actor);
  if (!isUuid(venueId) || !managesVenue(actor, venueId)) throw new NotFoundError("lieu");
}
