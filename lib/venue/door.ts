// The door check: a scanned QR code (signed: see lib/invitation/code.ts) or a typed booking number gives
// one unambiguous answer, and marking a guest as arrived is one tap. A venue learns nothing about a
// booking of another venue beyond "not for this venue". A guest withdrawn from a booking that goes on
// (lib/booking/withdraw-guest.ts) no longer counts: their own code answers "cancelled", and they are
// neither listed nor marked when the whole booking is checked.
import "server-only";
import { z } from "zod";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { managesVenue } from "@/lib/auth/permissions";
import { normalizeBookingNumber } from "@/lib/booking/number";
import { parse } from "@/lib/validation";
import { getPrisma } from "@/lib/db/client";
import { NotFoundError, RuleViolation } from "@/lib/errors";
import { readScannedCode } from "@/lib/invitation/code";
import { isSameParisDay } from "@/lib/time";
import { ensureVenueStaff } from "./access";

export type DoorAnswer =
  | {
      result: "VALID" | "ALREADY_USED";
      bookingId: string;
      number: string;
      eventTitle: string;
      startsAt: Date;
      partnerName: string;
      guests: { position: number; firstName: string; lastName: string; arrivedAt: Date | null }[];
      scannedPosition: number | null;
    }
  | {
      result: "CANCELLED" | "WAITLISTED";
      number: string;
      eventTitle: string;
      startsAt: Date;
      /** Only the scanned guest was withdrawn; the booking goes on. */ guestWithdrawn?: boolean;
    }
  | { result: "OTHER_DATE"; number: string; eventTitle: string; startsAt: Date }
  | { result: "UNKNOWN" | "FORGED" | "OTHER_VENUE" };

/** What the door's screen shows after a check or a marking (the answer, or a sentence when it failed). */
export type DoorState = { answer?: DoorAnswer; message?: string; markedMessage?: string };

/** What a guest's arrival box hears back: whether the tick was recorded (lib/venue/arrivals.ts). */
export type ArrivalAnswer = { ok: boolean; message?: string };

export const doorCheckSchema = z.object({ code: z.string().trim().max(200).optional(), number: z.string().trim().max(20).optional() });

export async function checkInvitation(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<DoorAnswer> {
  ensureVenueStaff(actor);
  const { code, number: typed } = parse(doorCheckSchema, input);
  let number: string;
  let position: number | null = null;
  if (code) {
    const read = await readScannedCode(code);
    if (!read.valid) return { result: "FORGED" };
    number = read.number;
    position = read.position;
  } else if (typed) {
    number = normalizeBookingNumber(typed);
  } else {
    return { result: "UNKNOWN" };
  }
  const booking = /^[2-9A-HJ-NP-Z]{8}$/.test(number)
    ? await getPrisma().booking.findUnique({
        where: { number },
        select: {
          id: true,
          number: true,
          status: true,
          partner: { select: { name: true } },
          session: { select: { startsAt: true, event: { select: { title: true, venueId: true } } } },
          guests: { orderBy: { position: "asc" }, select: { position: true, firstName: true, lastName: true, checkedInAt: true, cancelledAt: true } },
        },
      })
    : null;
  if (!booking) return { result: "UNKNOWN" };
  if (!managesVenue(actor, booking.session.event.venueId)) return { result: "OTHER_VENUE" };
  const facts = { number: booking.number, eventTitle: booking.session.event.title, startsAt: booking.session.startsAt };
  if (booking.status === "CANCELLED") return { result: "CANCELLED", ...facts };
  if (booking.status === "WAITLISTED") return { result: "WAITLISTED", ...facts };
  if (position !== null && booking.guests.find((g) => g.position === position)?.cancelledAt) return { result: "CANCELLED", ...facts, guestWithdrawn: true };
  if (!isSameParisDay(booking.session.startsAt, now)) return { result: "OTHER_DATE", ...facts };
  const guests = booking.guests
    .filter((g) => !g.cancelledAt)
    .map((g) => ({ position: g.position, firstName: g.firstName, lastName: g.lastName, arrivedAt: g.checkedInAt }));
  // A scanned page is one guest: used when that guest has arrived. A typed number is the whole booking.
  const used = position !== null ? Boolean(guests.find((g) => g.position === position)?.arrivedAt) : guests.every((g) => g.arrivedAt);
  return { result: used ? "ALREADY_USED" : "VALID", bookingId: booking.id, ...facts, partnerName: booking.partner.name, guests, scannedPosition: position };
}

export const markArrivedSchema = z.object({
  bookingId: z.uuid("validation.invalid"),
  positions: z.array(z.coerce.number().int().min(0).max(50)).min(1, "validation.atLeastOneGuest"),
});

/**
 * The arrival guard, one rule for marking a guest arrived and taking it back (lib/venue/arrivals.ts): the
 * booking is one of the actor's venue's, confirmed, and its session is today in Paris.
 */
// The booking first: an internal guard of markArrived and undoArrival, which the authorization matrix covers.
export async function ensureArrivalCanChange(bookingId: string, actor: Actor, now: Date): Promise<void> {
  const booking = await getPrisma().booking.findUnique({
    where: { id: bookingId },
    select: { status: true, session: { select: { startsAt: true, event: { select: { venueId: true } } } } },
  });
  if (!booking || !managesVenue(actor, booking.session.event.venueId)) throw new NotFoundError("réservation");
  if (booking.status !== "CONFIRMED")
    throw new RuleViolation("NOT_CONFIRMED", "Cette réservation n'est pas confirmée : l'entrée ne peut pas être enregistrée.");
  if (!isSameParisDay(booking.session.startsAt, now)) {
    throw new RuleViolation("OTHER_DAY", "Cette invitation est pour un autre jour : l'entrée ne peut pas être enregistrée aujourd'hui.");
  }
}

/**
 * Records the guests as arrived (and as having attended), on the day of their session only (in Paris);
 * marking them again changes nothing, nor does marking a guest withdrawn from the booking.
 */
export async function markArrived(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<{ marked: number }> {
  ensureVenueStaff(actor);
  const { bookingId, positions } = parse(markArrivedSchema, input);
  await ensureArrivalCanChange(bookingId, actor, now);
  const prisma = getPrisma();
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.bookingGuest.updateMany({
      where: { bookingId, position: { in: positions }, checkedInAt: null, cancelledAt: null },
      data: { checkedInAt: now, attendance: "ATTENDED" },
    });
    await audit(tx, actor, { action: "booking.checked_in", entityType: "Booking", entityId: bookingId, after: { positions } }, now);
    return { marked: count };
  });
}
