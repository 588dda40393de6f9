// One guest withdrawn from a booking that goes on (a companion drops out): rule 4 for one place. The
// place is freed and the waitlist moves up in the same transaction (rule 3), that guest's invitation no
// longer opens the door (lib/venue/door.ts, lib/invitation) and the person may be booked again (the
// one-place-per-person read of state.ts skips withdrawn guests). Whoever may cancel the booking may
// withdraw one of its guests: the structure, the venue, the association.
//
// The main guest (position 0) is the person the booking is for: they are not withdrawn alone, the booking
// is cancelled instead. Withdrawing the last guest left is cancelling the booking (cancel.ts), which
// then has a cancellation with who and why like any other.
import "server-only";
import { bookingOwnerWhoMayCancel } from "./owner";
import { z } from "zod";
import { audit } from "@/lib/audit";
import { actorUserId, type Actor } from "@/lib/auth/actor";
import { prismaSql } from "@/lib/db/sql";
import { NotFoundError, RuleViolation } from "@/lib/errors";
import { cancelBooking } from "./cancel";
import { promoteAfterRelease, promoteWaitlist, type Promotion } from "./promotion";
import { parse } from "@/lib/validation";
import { lockSession } from "./state";
import { withVenueLock } from "./transaction";

export const withdrawGuestSchema = z.object({
  bookingId: z.uuid("validation.invalid"),
  /** The guest's place in the booking (0: the main guest), as printed in their invitation's code. */
  position: z.preprocess(
    // From a form, a number as text; a missing field must not read as 0, the main guest.
    (value) => (typeof value === "string" && /^\s*\d{1,3}\s*$/.test(value) ? Number(value) : value),
    z.number("validation.invalid").int("validation.integer").min(0, "validation.invalid").max(50, "validation.invalid"),
  ),
});

export interface WithdrawalResult {
  bookingId: string;
  number: string;
  position: number;
  /** The guest was the last one left: the whole booking was cancelled. */
  bookingCancelled: boolean;
  /** Confirmed places given back to the session (0 for a waiting booking). */
  placesReleased: number;
  promoted: Promotion[];
}

/**
 * Whether a page should offer to withdraw this guest, by the rules of withdrawGuest below, so that the
 * structure's booking page, the association's and the venue's guest list offer only what will be accepted: a companion, on a booking not
 * cancelled, before the session, not yet come in; never the main guest, nor the last one left (that is
 * cancelling the booking).
 */
export function canWithdrawGuest(
  booking: { status: string; startsAt: Date; guests: readonly { cancelledAt: Date | null }[] },
  guest: { position: number; cancelledAt: Date | null; checkedInAt: Date | null },
  now: Date,
): boolean {
  const left = booking.guests.filter((other) => !other.cancelledAt).length;
  return booking.status !== "CANCELLED" && booking.startsAt > now && !guest.cancelledAt && !guest.checkedInAt && guest.position !== 0 && left > 1;
}

export async function withdrawGuest(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<WithdrawalResult> {
  const { bookingId, position } = parse(withdrawGuestSchema, input);
  const owner = await bookingOwnerWhoMayCancel(bookingId, actor);

  const withdrawn = await withVenueLock(owner.venueId, async (tx): Promise<WithdrawalResult | "LAST_GUEST"> => {
    const sql = prismaSql(tx);
    const booking = await tx.booking.findUniqueOrThrow({
      where: { id: bookingId },
      select: { id: true, number: true, status: true, places: true, partnerId: true, sessionId: true },
    });
    const session = (await lockSession(sql, booking.sessionId))!;
    if (booking.status === "CANCELLED") throw new RuleViolation("ALREADY_CANCELLED", "Cette réservation est déjà annulée.");
    if (now >= session.startsAt) throw new RuleViolation("GUEST_SESSION_STARTED", "La séance a commencé : la personne ne peut plus être retirée.");
    const guests = await tx.bookingGuest.findMany({ where: { bookingId }, select: { position: true, cancelledAt: true, checkedInAt: true } });
    const guest = guests.find((candidate) => candidate.position === position);
    if (!guest) throw new NotFoundError("personne invitée");
    if (guest.cancelledAt) throw new RuleViolation("GUEST_ALREADY_WITHDRAWN", "Cette personne a déjà été retirée de la réservation.");
    // Doors open before the session starts: someone already inside keeps their place.
    if (guest.checkedInAt) throw new RuleViolation("GUEST_ARRIVED", "Cette personne est déjà entrée : elle ne peut plus être retirée.");
    const left = guests.filter((candidate) => !candidate.cancelledAt).length;
    // Guests are only ever withdrawn, never added back: "the last one left" stays true once the lock is
    // released, so the booking is cancelled right after, by cancel.ts and under its own lock.
    if (left === 1) return "LAST_GUEST";
    if (position === 0) {
      throw new RuleViolation("MAIN_GUEST_WITHDRAWAL", "La personne accompagnée ne peut pas être retirée seule : annulez plutôt toute la réservation.");
    }

    await tx.bookingGuest.updateMany({ where: { bookingId, position, cancelledAt: null }, data: { cancelledAt: now, cancelledById: actorUserId(actor) } });
    // The booking's places count the guests still on it; the trigger on "Booking" moves the session's
    // counters with them (the database's own safety net, rule 7).
    await tx.booking.update({ where: { id: booking.id }, data: { places: left - 1 } });
    await audit(
      sql,
      actor,
      {
        action: "booking.guest_withdrawn",
        entityType: "Booking",
        entityId: booking.id,
        before: { status: booking.status, places: booking.places },
        after: { status: booking.status, places: left - 1, position },
      },
      now,
    );
    // The partner learns of a withdrawal it did not make itself. No mail goes with it (notify.ts would
    // send "your booking is cancelled", which it is not).
    if (!(actor.kind === "user" && actor.role === "PARTNER")) {
      await tx.notification.create({
        data: { partnerId: booking.partnerId, type: "GUEST_WITHDRAWN", guestPosition: position, bookingId: booking.id, sessionId: session.id, createdAt: now },
      });
    }

    const wasConfirmed = booking.status === "CONFIRMED";
    let promoted: Promotion[];
    if (wasConfirmed) {
      session.confirmedPlaces -= 1;
      promoted = await promoteAfterRelease(sql, session, actor, now, [booking.partnerId]);
    } else {
      // No place freed, but a smaller group may now fit what is left (first come, first served).
      session.waitlistedPlaces -= 1;
      promoted = await promoteWaitlist(sql, session, actor, now);
    }
    return { bookingId: booking.id, number: booking.number, position, bookingCancelled: false, placesReleased: wasConfirmed ? 1 : 0, promoted };
  });
  if (withdrawn !== "LAST_GUEST") return withdrawn;

  const cancelled = await cancelBooking(actor, { bookingId }, { now });
  return { bookingId, number: cancelled.number, position, bookingCancelled: true, placesReleased: cancelled.placesReleased, promoted: cancelled.promoted };
}
