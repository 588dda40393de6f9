// Rule 4 (DESIGN.md): partners, the venue and the association may cancel a booking, or withdraw one of its
// guests; whoever may not even see it learns nothing of its existence. One check for both (cancel.ts,
// withdraw-guest.ts), read before the venue's lock is taken, since the lock is the venue's.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { canCancelBooking, canSeeBooking, ensure } from "@/lib/auth/permissions";
import { getPool } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";

// The booking first: an internal guard of cancelBooking and withdrawGuest, which the authorization matrix covers.
export async function bookingOwnerWhoMayCancel(bookingId: string, actor: Actor): Promise<{ partnerId: string; venueId: string }> {
  // One statement (Prisma's nested select read the booking, its session and its event one query each).
  const { rows } = await getPool().query<{ partnerId: string; venueId: string }>({
    name: "booking-owner",
    text: `SELECT b."partnerId"::text AS "partnerId", e."venueId"::text AS "venueId"
           FROM "Booking" b JOIN "Session" s ON s."id" = b."sessionId" JOIN "Event" e ON e."id" = s."eventId" WHERE b."id" = $1::uuid`,
    values: [bookingId],
  });
  const owner = rows[0];
  if (!owner || !canSeeBooking(actor, owner)) throw new NotFoundError("réservation");
  ensure(canCancelBooking(actor, owner));
  return owner;
}
