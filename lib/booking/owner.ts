// Rule 4 (DESIGN.md): partners, the venue and the association may cancel a booking, or withdraw one of its
// guests; whoever may not even see it learns nothing of its existence. One check for both (cancel.ts,
// withdraw-guest.ts), read before the venue's lock is taken, since the lock is the venue's.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { canCancelBooking, canSeeBooking, ensure } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";

// The booking first: an internal guard of cancelBooking and withdrawGuest, which the authorization matrix covers.
export async function bookingOwnerWhoMayCancel(bookingId: string, actor: Actor): Promise<{ partnerId: string; venueId: string }> {
  const found = await getPrisma().booking.findUnique({
    where: { id: bookingId },
    select: { partnerId: true, session: { select: { event: { select: { venueId: true } } } } },
  });
  const owner = found && { partnerId: found.partnerId, venueId: found.session.event.venueId };
  if (!owner || !canSeeBooking(actor, owner)) throw new NotFoundError("réservation");
  ensure(canCancelBooking(actor, owner));
  return owner;
}
