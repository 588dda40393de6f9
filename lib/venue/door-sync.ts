// Issue 32.3 — arrivals marked on a door's device without a network, sent when it returns. The server
// decides, not the device: the first arrival recorded stands, and a device sending a second one is told
// when the guest came in and whether another device (or the online page) let them in ("déjà entré à
// 19 h 54 (autre appareil)"). A guest let in on a snapshot that did not yet know of a cancellation is
// recorded as such (DoorMark CANCELLED) and listed on the session's door list; the answer carries the
// revocations since the snapshot so that the device's list catches up. Each mark has the device's own id:
// a sync cut short and sent again counts once. Decision record 021.
import "server-only";
import { z } from "zod";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { managesVenue } from "@/lib/auth/permissions";
import { normalizeBookingNumber } from "@/lib/booking/number";
import { getPrisma } from "@/lib/db/client";
import type { DoorMarkOutcome } from "@/lib/generated/prisma/enums";
import { nextParisDay, isSameParisDay, startOfParisDay } from "@/lib/time";
import { parse } from "@/lib/validation";
import { ensureManages } from "./access";
import type { Revoked } from "./door-snapshot";

const date = z.coerce.date("validation.invalid").refine((d) => !Number.isNaN(d.getTime()), "validation.invalid");

export const syncArrivalsSchema = z.object({
  venueId: z.string().max(64),
  deviceId: z.string("validation.required").trim().min(1, "validation.required").max(64, "validation.tooLong"),
  snapshotAt: date,
  marks: z
    .array(
      z.object({
        id: z.uuid("validation.invalid"),
        number: z.string().max(20),
        position: z.coerce.number().int().min(0).max(50),
        at: date,
      }),
    )
    .max(5000),
});

export interface MarkResult {
  id: string;
  outcome: DoorMarkOutcome | "UNKNOWN";
  /** ALREADY_IN: the arrival that stands. */
  arrivedAt?: Date | null;
  otherDevice?: boolean;
  /** CANCELLED: whether the snapshot the device checked against could not have known it. */
  cancelledAfterSnapshot?: boolean;
}

export interface SyncAnswer {
  results: MarkResult[];
  revokedSince: Revoked[];
  syncedAt: Date;
}

export async function syncArrivals(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<SyncAnswer> {
  const { venueId, deviceId, snapshotAt, marks } = parse(syncArrivalsSchema, input);
  ensureManages(actor, venueId);
  const prisma = getPrisma();
  const guestFacts = { select: { cancelledAt: true, booking: { select: { cancelledAt: true } } } } as const;
  const seen = new Map(
    (await prisma.doorMark.findMany({ where: { id: { in: marks.map((m) => m.id) } }, include: { guest: guestFacts } })).map((m) => [m.id, m]),
  );
  const numbers = [...new Set(marks.map((m) => normalizeBookingNumber(m.number)))].filter((n) => /^[2-9A-HJ-NP-Z]{8}$/.test(n));
  const bookings = await prisma.booking.findMany({
    where: { number: { in: numbers } },
    select: {
      id: true,
      number: true,
      status: true,
      cancelledAt: true,
      session: { select: { startsAt: true, event: { select: { venueId: true } } } },
      guests: { select: { id: true, position: true, cancelledAt: true } },
    },
  });
  const byNumber = new Map(bookings.filter((b) => b.session.event.venueId === venueId && managesVenue(actor, venueId)).map((b) => [b.number, b]));
  const afterSnapshot = (at: Date | null | undefined) => Boolean(at && at > snapshotAt);

  // First what each mark is, from what was read; then one conditional update for every arrival that may
  // stand, one insert of the marks and one of the audit entries (300 marks: a few queries, not 600).
  type Pending = { mark: (typeof marks)[number]; answer: MarkResult; guestId?: string; bookingId?: string; at: Date };
  const pending: Pending[] = marks.map((mark) => {
    const stored = seen.get(mark.id);
    // A device's clock ahead of the server's does not write an arrival in the future.
    const at = mark.at > now ? now : mark.at;
    if (stored) {
      const cancelledAt = stored.guest.cancelledAt ?? stored.guest.booking.cancelledAt;
      return {
        mark,
        at,
        answer: {
          id: mark.id,
          outcome: stored.outcome,
          arrivedAt: stored.firstArrivalAt,
          otherDevice: stored.otherDevice,
          cancelledAfterSnapshot: afterSnapshot(cancelledAt),
        },
      };
    }
    const booking = byNumber.get(normalizeBookingNumber(mark.number));
    const guest = booking?.guests.find((g) => g.position === mark.position);
    if (!booking || !guest) return { mark, at, answer: { id: mark.id, outcome: "UNKNOWN" } };
    const answer: MarkResult = { id: mark.id, outcome: "REFUSED" };
    if (booking.status === "CANCELLED" || guest.cancelledAt) {
      answer.outcome = "CANCELLED";
      answer.cancelledAfterSnapshot = afterSnapshot(guest.cancelledAt ?? booking.cancelledAt);
    } else if (booking.status === "CONFIRMED" && isSameParisDay(booking.session.startsAt, at)) {
      answer.outcome = "RECORDED"; // if the guest's row is still empty: decided below
    }
    return { mark, at, answer, guestId: guest.id, bookingId: booking.id };
  });

  const results = await prisma.$transaction(async (tx) => {
    const fresh = pending.filter((p) => p.guestId && !seen.has(p.mark.id));
    const candidates = fresh.filter((p) => p.answer.outcome === "RECORDED");
    // One arrival per guest in a batch: a guest marked twice by this device is "already in" the second time.
    const first = new Map<string, Pending>();
    for (const p of candidates) if (!first.has(p.guestId!)) first.set(p.guestId!, p);
    // Conditional: of two devices sending the same guest at once, one update finds the row still empty.
    const updated = first.size
      ? await tx.$queryRaw<{ id: string }[]>`
          UPDATE "BookingGuest" g SET "checkedInAt" = v.at, "attendance" = 'ATTENDED', "checkedInDevice" = ${deviceId}
          FROM unnest(${[...first.keys()]}::uuid[], ${[...first.values()].map((p) => p.at)}::timestamptz[]) AS v(id, at)
          WHERE g.id = v.id AND g."checkedInAt" IS NULL AND g."cancelledAt" IS NULL
          RETURNING g.id`
      : [];
    const won = new Set(updated.map((row) => row.id));
    const standing = candidates.filter((p) => !(won.has(p.guestId!) && first.get(p.guestId!) === p));
    if (standing.length) {
      const rows = await tx.bookingGuest.findMany({
        where: { id: { in: standing.map((p) => p.guestId!) } },
        select: { id: true, checkedInAt: true, checkedInDevice: true },
      });
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const p of standing) {
        const row = byId.get(p.guestId!)!;
        Object.assign(p.answer, { outcome: "ALREADY_IN", arrivedAt: row.checkedInAt, otherDevice: row.checkedInDevice !== deviceId });
      }
    }
    if (fresh.length) {
      await tx.doorMark.createMany({
        data: fresh.map((p) => ({
          id: p.mark.id,
          guestId: p.guestId!,
          deviceId,
          markedAt: p.at,
          snapshotAt,
          receivedAt: now,
          outcome: p.answer.outcome as DoorMarkOutcome,
          firstArrivalAt: p.answer.arrivedAt ?? null,
          otherDevice: p.answer.otherDevice ?? false,
        })),
      });
    }
    const recorded = new Map<string, number[]>();
    for (const p of candidates) if (p.answer.outcome === "RECORDED") recorded.set(p.bookingId!, [...(recorded.get(p.bookingId!) ?? []), p.mark.position]);
    await audit(
      tx,
      actor,
      [...recorded].map(([bookingId, positions]) => ({
        action: "booking.checked_in",
        entityType: "Booking",
        entityId: bookingId,
        after: { positions, deviceId, offline: true },
      })),
      now,
    );
    return pending.map((p) => p.answer);
  });
  return { results, revokedSince: await revokedSince(venueId, snapshotAt, now), syncedAt: now };
}

/** What was cancelled or withdrawn at the venue's sessions of the day since the device's snapshot. */
async function revokedSince(venueId: string, since: Date, now: Date): Promise<Revoked[]> {
  const session = { event: { venueId }, startsAt: { gte: startOfParisDay(now), lt: nextParisDay(now) } };
  const prisma = getPrisma();
  const [bookings, guests] = await Promise.all([
    prisma.booking.findMany({ where: { session, status: "CANCELLED", cancelledAt: { gt: since } }, select: { number: true, cancelledAt: true } }),
    prisma.bookingGuest.findMany({
      where: { booking: { session, status: "CONFIRMED" }, cancelledAt: { gt: since } },
      select: { position: true, cancelledAt: true, booking: { select: { number: true } } },
    }),
  ]);
  return [
    ...bookings.map((b) => ({ number: b.number, position: null, reason: "CANCELLED" as const, at: b.cancelledAt })),
    ...guests.map((g) => ({ number: g.booking.number, position: g.position, reason: "WITHDRAWN" as const, at: g.cancelledAt })),
  ];
}
