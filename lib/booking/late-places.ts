// "Des places ce soir" (issue 33.2; DESIGN.md rule 8, decision 002 of 2026-12-06): within 48 hours of its
// start, a venue releases late places on a session in one action. They are a pool apart from its capacity
// (Session.latePlaces, booked places in lateConfirmedPlaces, kept by the booking trigger): first confirmed,
// first served, no quota, no waitlist, and bookings close at the start minus the venue's margin. Keeping the
// pool apart leaves capacity, the waitlist and the quotas exactly as they were, while the guest list still
// shows every confirmed booking. The database refuses more late places booked than released
// (Session_latePlaces_check). The structures that asked for them hear at once, in the release's transaction.
import "server-only";
import { z } from "zod";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { canManageSession, ensure } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { prismaSql } from "@/lib/db/sql";
import { NotFoundError, RuleViolation } from "@/lib/errors";
import { queueLatePlacesAlerts } from "@/lib/mail/late-places";
import { requestBooking, type BookingRequestResult } from "./request";
import { parse } from "@/lib/validation";
import { lockSession, venueOfSession, type LockedSession } from "./state";
import { withVenueLock } from "./transaction";

/** A release is possible only this close to the start. */
export const LATE_RELEASE_HOURS = 48;
export const MAX_LATE_MARGIN_MINUTES = 240;

export const latePlacesReleaseSchema = z.object({
  sessionId: z.uuid(),
  places: z.coerce.number().int().min(1).max(200),
  /** Late bookings close this many minutes before the start. */
  marginMinutes: z.coerce.number().int().min(0).max(MAX_LATE_MARGIN_MINUTES).default(30),
});

type LateFacts = Pick<LockedSession, "startsAt" | "status" | "eventStatus" | "latePlaces" | "lateConfirmedPlaces" | "lateMarginMinutes">;

export function lateClosesAt(session: Pick<LateFacts, "startsAt" | "lateMarginMinutes">): Date {
  return new Date(session.startsAt.getTime() - session.lateMarginMinutes * 60_000);
}

export type LateWindow = "OPEN" | "NONE" | "CLOSED" | "CANCELLED";

/** Whether late places can be booked now: released, before the start minus the margin, on a live session. */
export function lateWindow(session: LateFacts, now: Date): LateWindow {
  if (session.status === "CANCELLED" || session.eventStatus !== "PUBLISHED") return "CANCELLED";
  if (session.latePlaces === 0) return "NONE";
  if (now >= lateClosesAt(session)) return "CLOSED";
  return "OPEN";
}

/**
 * The late places left before a request of `requested` places, or the reason it is refused: the whole
 * request fits in what is left, or nothing is booked (never a waitlist, never a quota).
 */
export function lateAllocation(session: LateFacts, requested: number, now: Date): number {
  const window = lateWindow(session, now);
  if (window === "CANCELLED") throw new RuleViolation("BOOKINGS_CANCELLED", "Cette séance est annulée.");
  if (window === "NONE") throw new RuleViolation("LATE_NONE", "Ce lieu n'a pas proposé de places de dernière minute pour cette séance.");
  if (window === "CLOSED")
    throw new RuleViolation("LATE_CLOSED", "Les places de dernière minute de cette séance ne se réservent plus : la séance commence bientôt.");
  const left = session.latePlaces - session.lateConfirmedPlaces;
  if (requested > left) {
    throw new RuleViolation(
      "LATE_PLACES_GONE",
      left === 0
        ? "Les places de dernière minute sont toutes parties : une autre structure a réservé avant vous."
        : `Il ne reste que ${left} place${left > 1 ? "s" : ""} de dernière minute : réduisez le nombre de personnes.`,
      { left },
    );
  }
  return left;
}

/**
 * The venue (or the association) releases `places` late places, adding to any released before, and sets
 * the margin; the matching structures' alerts are queued in the same transaction.
 */
export async function releaseLatePlaces(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<{ latePlaces: number; alerted: number }> {
  const { sessionId, places, marginMinutes } = parse(latePlacesReleaseSchema, input);
  const venueId = await venueOfSession(prismaSql(getPrisma()), sessionId);
  if (!venueId) throw new NotFoundError("séance");
  ensure(canManageSession(actor, { venueId }), "Seul le lieu qui propose cette séance peut proposer des places.");
  return withVenueLock(venueId, async (tx) => {
    const session = await lockSession(prismaSql(tx), sessionId);
    if (!session) throw new NotFoundError("séance");
    if (session.status === "CANCELLED") throw new RuleViolation("SESSION_CANCELLED", "Cette séance est annulée.");
    if (session.eventStatus !== "PUBLISHED") throw new RuleViolation("EVENT_NOT_PUBLISHED", "Publiez l'évènement avant de proposer des places.");
    if (session.startsAt.getTime() - now.getTime() > LATE_RELEASE_HOURS * 3_600_000) {
      throw new RuleViolation("LATE_TOO_EARLY", `Les places de dernière minute se proposent dans les ${LATE_RELEASE_HOURS} heures avant la séance.`);
    }
    if (now >= lateClosesAt({ startsAt: session.startsAt, lateMarginMinutes: marginMinutes })) {
      throw new RuleViolation("LATE_MARGIN_TOO_LONG", "La séance commence trop tôt pour ce délai : choisissez un délai plus court.");
    }
    const latePlaces = session.latePlaces + places;
    await tx.session.update({ where: { id: sessionId }, data: { latePlaces, lateMarginMinutes: marginMinutes, lateReleasedAt: now } });
    await audit(
      tx,
      actor,
      {
        action: "session.late_places_released",
        entityType: "Session",
        entityId: sessionId,
        before: { latePlaces: session.latePlaces },
        after: { latePlaces, marginMinutes },
      },
      now,
    );
    const alerted = await queueLatePlacesAlerts(prismaSql(tx), sessionId, now);
    return { latePlaces, alerted };
  });
}

/** A structure books late places: the booking form's input, the late pool's rules. */
export function requestLatePlaces(actor: Actor, input: unknown, options: { now?: Date } = {}): Promise<BookingRequestResult> {
  return requestBooking(actor, input, { ...options, late: true });
}
