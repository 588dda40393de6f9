// The one place that says who may do what. Pure functions of the actor and of the few facts about the
// resource they need (its partner, its venue); the data-access functions of lib/ load those facts and
// call these before every read and write. Pages, actions and middleware never decide by themselves.
import { AccessDeniedError } from "@/lib/errors";
import type { Actor } from "./actor";

export function isAdmin(actor: Actor): boolean {
  return actor.kind === "user" && actor.role === "ADMIN";
}

/** Admin, or a user of this partner structure. */
export function actsForPartner(actor: Actor, partnerId: string): boolean {
  return isAdmin(actor) || (actor.kind === "user" && actor.role === "PARTNER" && actor.partnerId === partnerId);
}

/** The published offer: every signed-in role and the visitors of a partner structure, never the public. */
export function canBrowseOffer(actor: Actor): boolean {
  return actor.kind === "user" || actor.kind === "visitor";
}

/** The people a structure supports, their bookings and outings: the structure's own users and admin. */
export function canManagePeople(actor: Actor, partnerId: string): boolean {
  return actsForPartner(actor, partnerId);
}

/** Admin, or a manager of this venue. */
export function managesVenue(actor: Actor, venueId: string): boolean {
  return isAdmin(actor) || (actor.kind === "user" && actor.role === "VENUE" && actor.venueIds.includes(venueId));
}

/** Send a wish ("J'aimerais y aller", lib/wishes): the people supported, through their structure's visitor code. */
export function canSendWish(actor: Actor): actor is Extract<Actor, { kind: "visitor" }> {
  return actor.kind === "visitor";
}

/** Say how an outing was, with the code of one's invitation (lib/feedback): the people supported, through
 * their structure's visitor code; the referents pass on theirs with the attendance. */
export function canGiveOwnFeedback(actor: Actor): actor is Extract<Actor, { kind: "visitor" }> {
  return actor.kind === "visitor";
}

/** Handle a wish of a structure's people (book it, set it aside): that structure's own users. */
export function canHandleWish(actor: Actor, partnerId: string): boolean {
  return actor.kind === "user" && actor.role === "PARTNER" && actor.partnerId === partnerId;
}

/** Book invitations for a partner structure's people: its own users, and the association. */
export function canBookFor(actor: Actor, partnerId: string): boolean {
  return actsForPartner(actor, partnerId);
}

/** A person may phone their referent, the association or the venue: all three can cancel. */
export function canCancelBooking(actor: Actor, booking: { partnerId: string; venueId: string }): boolean {
  return actor.kind === "system" || actsForPartner(actor, booking.partnerId) || managesVenue(actor, booking.venueId);
}

/** See a booking with its guests' names: its partner, the venue it is for (guest list), the association. */
export function canSeeBooking(actor: Actor, booking: { partnerId: string; venueId: string }): boolean {
  // Scheduled work, and a person's own answer by text ("NON", lib/sms/answers.ts), act as the system.
  return actor.kind === "system" || actsForPartner(actor, booking.partnerId) || managesVenue(actor, booking.venueId);
}

/** Change a session's capacity, close or cancel it. */
export function canManageSession(actor: Actor, session: { venueId: string }): boolean {
  return actor.kind === "system" || managesVenue(actor, session.venueId);
}

/** Set a venue's quota rule: the venue and the association. */
export function canSetQuotaRule(actor: Actor, venueId: string): boolean {
  return managesVenue(actor, venueId);
}

/** Grant a partner an exception to a venue's quota: the association only. */
export function canGrantQuotaException(actor: Actor): boolean {
  return isAdmin(actor);
}

/** Throws AccessDeniedError unless `allowed`. */
export function ensure(allowed: boolean, message?: string): asserts allowed {
  if (!allowed) throw new AccessDeniedError(message);
}
