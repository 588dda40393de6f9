// Arrivals ticked on the guest list. A tick is the door's own rule (markArrived in door.ts: confirmed
// bookings, on the session's day in Paris); a list ticked with a thumb on a phone gets mistaken ticks,
// so one can be taken back, under the same conditions. The guest is then neither arrived nor recorded as
// having attended, and the invitation checks as unused at the door again.
import "server-only";
import { z } from "zod";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { managesVenue } from "@/lib/auth/permissions";
import { parse } from "@/lib/validation";
import { getPrisma } from "@/lib/db/client";
import { NotFoundError, RuleViolation } from "@/lib/errors";
import { isSameParisDay } from "@/lib/time";
import { ensureVenueStaff } from "./access";

export const undoArrivalSchema = z.object({
  bookingId: z.uuid("validation.invalid"),
  position: z.coerce.number("validation.invalid").int("validation.invalid").min(0, "validation.invalid").max(50, "validation.invalid"),
});

/** Takes back the arrival of one guest; a guest not marked arrived is left as is. */
export async function undoArrival(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<{ undone: number }> {
  ensureVenueStaff(actor);
  const { bookingId, position } = parse(undoArrivalSchema, input);
  const prisma = getPrisma();
  const booking = await prisma.booking.findUnique({
    where: { id: bookingId },
    select: { status: true, session: { select: { startsAt: true, event: { select: { venueId: true } } } } },
  });
  if (!booking || !managesVenue(actor, booking.session.event.venueId)) throw new NotFoundError("réservation");
  if (booking.status !== "CONFIRMED")
    throw new RuleViolation("NOT_CONFIRMED", "Cette réservation n'est pas confirmée : l'entrée ne peut pas être enregistrée.");
  if (!isSameParisDay(booking.session.startsAt, now)) {
    throw new RuleViolation("OTHER_DAY", "Cette invitation est pour un autre jour : l'entrée ne peut pas être enregistrée aujourd'hui.");
  }
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.bookingGuest.updateMany({
      where: { bookingId, position, checkedInAt: { not: null }, cancelledAt: null },
      data: { checkedInAt: null, attendance: null },
    });
    if (count) await audit(tx, actor, { action: "booking.check_in_undone", entityType: "Booking", entityId: bookingId, after: { positions: [position] } }, now);
    return { undone: count };
  });
}
