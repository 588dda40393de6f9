// The booking rules of DESIGN.md as pure functions: no database, no clock. lib/booking applies them to
// rows it has locked; the unit and property tests check them on their own.
import type { QuotaPeriod } from "@/lib/generated/prisma/enums";
import { parisDaysBefore } from "@/lib/time";

// ── Rule 6: when bookings are open ──

export interface SessionWindow {
  startsAt: Date;
  bookingOpensAt: Date | null;
  bookingClosesAt: Date | null;
  closedAt: Date | null;
  status: "SCHEDULED" | "CANCELLED";
  eventStatus: "DRAFT" | "PUBLISHED" | "CANCELLED";
}

export type WindowState = "OPEN" | "NOT_YET_OPEN" | "CLOSED" | "CANCELLED";

/** Bookings close at the closing time, or when the session starts, or when the venue closes them. */
export function bookingClosesAt(session: Pick<SessionWindow, "startsAt" | "bookingClosesAt">): Date {
  return session.bookingClosesAt && session.bookingClosesAt < session.startsAt ? session.bookingClosesAt : session.startsAt;
}

export function bookingWindow(session: SessionWindow, now: Date): WindowState {
  if (session.status === "CANCELLED" || session.eventStatus === "CANCELLED") return "CANCELLED";
  if (session.eventStatus !== "PUBLISHED") return "NOT_YET_OPEN";
  if (session.closedAt || now >= bookingClosesAt(session)) return "CLOSED";
  if (session.bookingOpensAt && now < session.bookingOpensAt) return "NOT_YET_OPEN";
  return "OPEN";
}

// ── Quotas ──

export interface QuotaRuleFacts {
  period: QuotaPeriod;
  maxPlaces: number;
  /** The rule stops applying this many days before the session (null: never). */
  liftDaysBefore: number | null;
}

export interface QuotaExceptionFacts {
  /** Replaces the rule's maximum; null lifts the quota for this partner. */
  maxPlaces: number | null;
  expiresAt: Date | null;
}

/** When the rule stops applying to a session: its start, `liftDaysBefore` Paris calendar days earlier. */
export function quotaLiftsAt(rule: QuotaRuleFacts | null, sessionStartsAt: Date): Date | null {
  return rule?.liftDaysBefore == null ? null : parisDaysBefore(sessionStartsAt, rule.liftDaysBefore);
}

/** The most a partner may hold in the period, or null when no quota applies now. */
export function applicableQuota(rule: QuotaRuleFacts | null, exception: QuotaExceptionFacts | null, sessionStartsAt: Date, now: Date): number | null {
  if (!rule) return null;
  const liftsAt = quotaLiftsAt(rule, sessionStartsAt);
  if (liftsAt && now >= liftsAt) return null;
  if (exception && (!exception.expiresAt || exception.expiresAt > now)) return exception.maxPlaces;
  return rule.maxPlaces;
}

/** Places the partner may still confirm: Infinity when no quota applies. */
export function quotaLeft(maxPlaces: number | null, usedPlaces: number): number {
  return maxPlaces === null ? Infinity : Math.max(0, maxPlaces - usedPlaces);
}

// ── Rules 1 and 2: confirm, waitlist, or split ──

/** What the partner chose for when fewer places are available than asked. */
export type IfShort = "SPLIT" | "WAITLIST" | "NOTHING";

export type Allocation =
  { kind: "CONFIRM"; places: number } | { kind: "WAITLIST"; places: number } | { kind: "SPLIT"; confirm: number; waitlist: number } | { kind: "NOTHING" };

/**
 * N places are confirmed when the session has N left and the quota allows N more. Otherwise the
 * partner's choice applies: split (take what is available now, waitlist the rest), waitlist the whole
 * group, or book nothing.
 */
export function allocate(requested: number, placesLeft: number, quotaRemaining: number, ifShort: IfShort): Allocation {
  const available = Math.max(0, Math.min(placesLeft, quotaRemaining));
  if (requested <= available) return { kind: "CONFIRM", places: requested };
  if (ifShort === "NOTHING") return { kind: "NOTHING" };
  if (ifShort === "SPLIT" && available > 0) return { kind: "SPLIT", confirm: available, waitlist: requested - available };
  return { kind: "WAITLIST", places: requested };
}

/** Why a request could not be confirmed whole: the quota when it is the tighter limit. */
export function shortReason(requested: number, placesLeft: number, quotaRemaining: number): "NO_PLACES" | "QUOTA_REACHED" {
  return quotaRemaining < requested && quotaRemaining < placesLeft ? "QUOTA_REACHED" : "NO_PLACES";
}

// ── Rule 3: moving the waitlist up ──

export interface WaitingBooking {
  id: string;
  partnerId: string;
  places: number;
  /**
   * The fewest places a drawn application accepts (decision 013, second round): it may be served down
   * to that, as the draw itself serves; absent (any other booking), the booking goes whole or waits.
   */
  minPlaces?: number | null;
}

/**
 * First come, first served: walks the waitlist in order of request and promotes every booking that
 * fits both the places left and its partner's remaining quota, skipping those that do not. A drawn
 * application's booking is served with what fits when that is at least its minimum, so that places
 * given back after a draw go down the draw's order (its bookings come first in order of request) before
 * the waitlist's whole bookings, and only then to newcomers.
 */
export function pickPromotionParts(
  waiting: readonly WaitingBooking[],
  placesLeft: number,
  quotaRemaining: (partnerId: string) => number,
): { id: string; places: number }[] {
  const promoted: { id: string; places: number }[] = [];
  const remaining = new Map<string, number>();
  let left = placesLeft;
  for (const booking of waiting) {
    if (left <= 0) break;
    const quota = remaining.get(booking.partnerId) ?? quotaRemaining(booking.partnerId);
    const fits = Math.min(booking.places, left, quota);
    if (fits > 0 && fits >= (booking.minPlaces ?? booking.places)) {
      promoted.push({ id: booking.id, places: fits });
      left -= fits;
      remaining.set(booking.partnerId, quota - fits);
    } else {
      remaining.set(booking.partnerId, quota);
    }
  }
  return promoted;
}

/** The ids of pickPromotionParts, for waitlists whose bookings always go whole. */
export function pickPromotions(waiting: readonly WaitingBooking[], placesLeft: number, quotaRemaining: (partnerId: string) => number): string[] {
  return pickPromotionParts(waiting, placesLeft, quotaRemaining).map((part) => part.id);
}
