// Issue 32.2 — what a door's device keeps to check invitations without a network: the day's sessions of
// one venue (a Paris day), each confirmed booking's number, its guests' names, positions and needs, the
// revocation list (cancelled and waitlisted bookings, withdrawn guests) and the time of the snapshot, with
// the public keys that verify the codes (lib/invitation/verify.ts). Nothing of another day or another
// venue: the device holds no more personal data than the evening needs, and erases it after (its
// `expiresAt`: the end of the last session, at the earliest the end of the day). Decision record 021.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/client";
import { publishedKeys } from "@/lib/invitation/code";
import type { PublicKeys } from "@/lib/invitation/verify";
import { nextParisDay, parisDate, startOfParisDay } from "@/lib/time";
import { parse } from "@/lib/validation";
import { ensureManages } from "./access";

export type RevokedReason = "CANCELLED" | "WAITLISTED" | "WITHDRAWN";

export interface Revoked {
  number: string;
  /** Null: the whole booking. */
  position: number | null;
  reason: RevokedReason;
  /** When it was cancelled or withdrawn (null for a waitlisted booking). */
  at: Date | null;
}

export interface DoorSnapshot {
  venueId: string;
  venueName: string;
  /** The Paris day of the door ("2027-05-20"): codes of another day are refused. */
  day: string;
  takenAt: Date;
  expiresAt: Date;
  keys: PublicKeys;
  sessions: { id: string; startsAt: Date; endsAt: Date | null; eventTitle: string }[];
  bookings: {
    number: string;
    sessionId: string;
    partnerName: string;
    guests: { position: number; firstName: string; lastName: string; needs: string[]; needsNote: string | null; arrivedAt: Date | null }[];
  }[];
  revoked: Revoked[];
}

export const doorSnapshotSchema = z.object({ venueId: z.string().max(64) });

export async function doorSnapshot(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<DoorSnapshot> {
  const { venueId } = parse(doorSnapshotSchema, input);
  ensureManages(actor, venueId);
  const prisma = getPrisma();
  const from = startOfParisDay(now);
  const to = nextParisDay(now);
  const [venue, sessions] = await Promise.all([
    prisma.venue.findUniqueOrThrow({ where: { id: venueId }, select: { name: true } }),
    prisma.session.findMany({
      where: { event: { venueId }, startsAt: { gte: from, lt: to } },
      orderBy: { startsAt: "asc" },
      select: { id: true, startsAt: true, endsAt: true, event: { select: { title: true } } },
    }),
  ]);
  const bookings = await prisma.booking.findMany({
    where: { sessionId: { in: sessions.map((s) => s.id) } },
    orderBy: { number: "asc" },
    select: {
      number: true,
      status: true,
      sessionId: true,
      cancelledAt: true,
      partner: { select: { name: true } },
      guests: {
        orderBy: { position: "asc" },
        select: { position: true, firstName: true, lastName: true, needs: true, needsNote: true, checkedInAt: true, cancelledAt: true },
      },
    },
  });
  const revoked: Revoked[] = [];
  const confirmed: DoorSnapshot["bookings"] = [];
  for (const booking of bookings) {
    if (booking.status !== "CONFIRMED") {
      const reason = booking.status === "WAITLISTED" ? "WAITLISTED" : "CANCELLED";
      revoked.push({ number: booking.number, position: null, reason, at: booking.cancelledAt });
      continue;
    }
    for (const guest of booking.guests.filter((g) => g.cancelledAt)) {
      revoked.push({ number: booking.number, position: guest.position, reason: "WITHDRAWN", at: guest.cancelledAt });
    }
    confirmed.push({
      number: booking.number,
      sessionId: booking.sessionId,
      partnerName: booking.partner.name,
      guests: booking.guests
        .filter((g) => !g.cancelledAt)
        .map(({ position, firstName, lastName, needs, needsNote, checkedInAt }) => ({
          position,
          firstName,
          lastName,
          needs,
          needsNote,
          arrivedAt: checkedInAt,
        })),
    });
  }
  const lastEnd = Math.max(to.getTime(), ...sessions.map((s) => (s.endsAt ?? s.startsAt).getTime()));
  return {
    venueId,
    venueName: venue.name,
    day: parisDate(now),
    takenAt: now,
    expiresAt: new Date(lastEnd),
    keys: publishedKeys(),
    sessions: sessions.map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, eventTitle: s.event.title })),
    bookings: confirmed,
    revoked,
  };
}
