// Arrivals ticked on the guest list. A tick is the door's own rule (markArrived in door.ts: confirmed
// bookings, on the session's day in Paris); a list ticked with a thumb on a phone gets mistaken ticks,
// so one can be taken back, under the same conditions. The guest is then neither arrived nor recorded as
// having attended, and the invitation checks as unused at the door again.
import "server-only";
import { z } from "zod";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { parse } from "@/lib/validation";
import { getPrisma } from "@/lib/db/client";
import { ensureVenueStaff } from "./access";
import { ensureArrivalCanChange } from "./door";

export const undoArrivalSchema = z.object({
  bookingId: z.uuid("validation.invalid"),
  position: z.coerce.number("validation.invalid").int("validation.invalid").min(0, "validation.invalid").max(50, "validation.invalid"),
});

/** Takes back the arrival of one guest; a guest not marked arrived is left as is. */
export async function undoArrival(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<{ undone: number }> {
  ensureVenueStaff(actor);
  const { bookingId, position } = parse(undoArrivalSchema, input);
  await ensureArrivalCanChange(bookingId, actor, now);
  const prisma = getPrisma();
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.bookingGuest.updateMany({
      where: { bookingId, position, checkedInAt: { not: null }, cancelledAt: null },
      data: { checkedInAt: null, attendance: null },
    });
    if (count) await audit(tx, actor, { action: "booking.check_in_undone", entityType: "Booking", entityId: bookingId, after: { positions: [position] } }, now);
    return { undone: count };
  });
}
