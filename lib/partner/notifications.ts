// What the partner's home shows: a waitlisted booking confirmed, a booking or a session cancelled by the
// venue. Written by lib/booking in the same transaction as the change; read and dismissed here.
import "server-only";
import { requireId } from "@/lib/validation";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { actsForPartner, ensure } from "@/lib/auth/permissions";
import { parse } from "@/lib/booking/schemas";
import { getPrisma } from "@/lib/db/client";

export interface PartnerNotification {
  id: string;
  type: "BOOKING_PROMOTED" | "BOOKING_CANCELLED" | "SESSION_CANCELLED" | "WAITLIST_EXPIRED";
  createdAt: Date;
  read: boolean;
  bookingId: string | null;
  bookingNumber: string | null;
  eventTitle: string | null;
  startsAt: Date | null;
}

export async function listNotifications(actor: Actor, partnerId: string, { limit = 20 } = {}): Promise<PartnerNotification[]> {
  ensure(actsForPartner(actor, partnerId), "Vous ne voyez que les nouvelles de votre structure.");
  requireId(partnerId, "structure");
  const rows = await getPrisma().notification.findMany({
    where: { partnerId },
    orderBy: [{ readAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: limit,
    select: {
      id: true,
      type: true,
      createdAt: true,
      readAt: true,
      booking: { select: { id: true, number: true } },
      session: { select: { startsAt: true, event: { select: { title: true } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    createdAt: row.createdAt,
    read: Boolean(row.readAt),
    bookingId: row.booking?.id ?? null,
    bookingNumber: row.booking?.number ?? null,
    eventTitle: row.session?.event.title ?? null,
    startsAt: row.session?.startsAt ?? null,
  }));
}

export async function markNotificationsRead(actor: Actor, input: unknown): Promise<number> {
  const { partnerId } = parse(z.object({ partnerId: z.uuid("validation.invalid") }), input);
  ensure(actsForPartner(actor, partnerId), "Vous ne voyez que les nouvelles de votre structure.");
  const { count } = await getPrisma().notification.updateMany({ where: { partnerId, readAt: null }, data: { readAt: new Date() } });
  return count;
}
