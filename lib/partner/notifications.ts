// What the partner's home shows: a waitlisted booking confirmed, a booking or a session cancelled by the
// venue, one guest's place cancelled by the venue or the association. Written by lib/booking in the same
// transaction as the change; read and dismissed here. A cancellation says who made it (the venue by its
// name, or the association, and the account) and why (the reason code and the note), so that the
// structure can tell the person.
import "server-only";
import { requireId, parse } from "@/lib/validation";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { actsForPartner, ensure } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import type { CancelCode, NotificationType } from "@/lib/generated/prisma/enums";

export interface PartnerNotification {
  id: string;
  /** GUEST_WITHDRAWN: one guest's place cancelled, the booking goes on. */
  type: NotificationType;
  createdAt: Date;
  read: boolean;
  bookingId: string | null;
  bookingNumber: string | null;
  eventTitle: string | null;
  startsAt: Date | null;
  /** Who cancelled the booking or the guest's place; null when not known (or not a cancellation). */
  by: { who: "VENUE" | "ASSOCIATION"; venueName: string | null; accountName: string | null } | null;
  /** Why a booking was cancelled, when the venue or the association said so. */
  reason: { code: CancelCode | null; note: string | null } | null;
  /** The guest whose place was cancelled, for GUEST_WITHDRAWN. */
  guest: { firstName: string; lastName: string } | null;
}

export async function listNotifications(actor: Actor, partnerId: string, { limit = 20 } = {}): Promise<PartnerNotification[]> {
  ensure(actsForPartner(actor, partnerId), "Vous ne voyez que les nouvelles de votre structure.");
  requireId(partnerId, "structure");
  const prisma = getPrisma();
  const rows = await prisma.notification.findMany({
    where: { partnerId },
    orderBy: [{ readAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: limit,
    select: {
      id: true,
      type: true,
      createdAt: true,
      readAt: true,
      guestPosition: true,
      booking: {
        select: {
          id: true,
          number: true,
          cancelledAt: true,
          cancelReason: true,
          cancelCode: true,
          cancelNote: true,
          cancelledBy: { select: { name: true } },
          guests: { where: { cancelledAt: { not: null } }, select: { position: true, firstName: true, lastName: true, cancelledById: true } },
        },
      },
      session: { select: { startsAt: true, event: { select: { title: true, venue: { select: { name: true } } } } } },
    },
  });
  // Who withdrew each guest: BookingGuest keeps the account's id only.
  const accountIds = [...new Set(rows.flatMap((row) => row.booking?.guests.flatMap((guest) => (guest.cancelledById ? [guest.cancelledById] : [])) ?? []))];
  const accounts = new Map(
    (accountIds.length ? await prisma.user.findMany({ where: { id: { in: accountIds } }, select: { id: true, name: true, role: true } }) : []).map((user) => [
      user.id,
      user,
    ]),
  );

  return rows.map((row) => {
    const booking = row.booking;
    const venueName = row.session?.event.venue.name ?? null;
    const base = {
      id: row.id,
      type: row.type,
      createdAt: row.createdAt,
      read: Boolean(row.readAt),
      bookingId: booking?.id ?? null,
      bookingNumber: booking?.number ?? null,
      eventTitle: row.session?.event.title ?? null,
      startsAt: row.session?.startsAt ?? null,
      by: null,
      reason: null,
      guest: null,
    } satisfies PartnerNotification;
    if (!booking) return base;
    if (row.type === "GUEST_WITHDRAWN") {
      const withdrawn = booking.guests.find((guest) => guest.position === row.guestPosition);
      if (!withdrawn) return base;
      const account = withdrawn.cancelledById ? accounts.get(withdrawn.cancelledById) : undefined;
      return {
        ...base,
        guest: { firstName: withdrawn.firstName, lastName: withdrawn.lastName },
        by: { who: account?.role === "VENUE" ? "VENUE" : "ASSOCIATION", venueName, accountName: account?.name ?? null },
      };
    }
    if (row.type !== "BOOKING_CANCELLED") return base;
    if (booking.cancelReason !== "VENUE" && booking.cancelReason !== "ASSOCIATION") return base;
    return {
      ...base,
      by: { who: booking.cancelReason, venueName, accountName: booking.cancelledBy?.name ?? null },
      reason: booking.cancelCode || booking.cancelNote ? { code: booking.cancelCode, note: booking.cancelNote } : null,
    };
  });
}

export async function markNotificationsRead(actor: Actor, input: unknown): Promise<number> {
  const { partnerId } = parse(z.object({ partnerId: z.uuid("validation.invalid") }), input);
  ensure(actsForPartner(actor, partnerId), "Vous ne voyez que les nouvelles de votre structure.");
  const { count } = await getPrisma().notification.updateMany({ where: { partnerId, readAt: null }, data: { readAt: new Date() } });
  return count;
}
