// "Mes réservations": a structure's bookings by tab, with the waitlist position read live (it moves as
// bookings ahead are confirmed or cancelled); after a session, who attended and the person's feedback.
import "server-only";
import type { CancelCode, CancelReason } from "@/lib/generated/prisma/enums";
import { requireId, parse } from "@/lib/validation";
import { pageOffset } from "@/lib/lists";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { actsForPartner, ensure } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit";
import { canWithdrawGuest } from "@/lib/booking/withdraw-guest";
import { getPrisma } from "@/lib/db/client";
import { NotFoundError, RuleViolation } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

export const BOOKING_TABS = ["a-venir", "attente", "passees", "annulees"] as const;
export type BookingTab = (typeof BOOKING_TABS)[number];

export interface PartnerBooking {
  id: string;
  number: string;
  status: "CONFIRMED" | "WAITLISTED" | "CANCELLED";
  places: number;
  /** On the waitlist: its rank among the waiting bookings (1 is next), the places asked by those ahead. */
  position: number | null;
  waiting: Waiting | null;
  startsAt: Date;
  eventId: string;
  eventTitle: string;
  venueName: string;
  guests: { position: number; firstName: string; lastName: string; kind: string; attendance: "ATTENDED" | "NO_SHOW" | null }[];
  cancelReason: string | null;
  feedback: { mood: string; comment: string | null } | null;
}

const PAGE_SIZE = 20;

/**
 * Where a waiting booking stands (issue 29.13): its rank counts bookings, but what moves it up is places, so
 * the places asked by the bookings ahead are said too, and until when it waits (bookings close, rule 6).
 */
export interface Waiting {
  position: number;
  placesAhead: number;
  until: Date;
}

export async function listPartnerBookings(
  actor: Actor,
  partnerId: string,
  { tab = "a-venir", page = 1, now = new Date() }: { tab?: BookingTab; page?: number; now?: Date } = {},
): Promise<{ bookings: PartnerBooking[]; total: number; page: number; pageCount: number; counts: Record<BookingTab, number> }> {
  ensure(actsForPartner(actor, partnerId), "Vous ne voyez que les réservations de votre structure.");
  requireId(partnerId, "structure");
  const wheres: Record<BookingTab, Prisma.BookingWhereInput> = {
    "a-venir": { partnerId, status: "CONFIRMED", sessionStartsAt: { gte: now } },
    attente: { partnerId, status: "WAITLISTED" },
    passees: { partnerId, status: "CONFIRMED", sessionStartsAt: { lt: now } },
    annulees: { partnerId, status: "CANCELLED" },
  };
  const prisma = getPrisma();
  const where = wheres[tab];
  const [counts, rows] = await Promise.all([
    tabCounts(partnerId, now),
    prisma.booking.findMany({
      where,
      // The session's start as copied onto the booking: the order of the index (partnerId, status, sessionStartsAt).
      orderBy:
        tab === "a-venir" || tab === "attente" ? [{ sessionStartsAt: "asc" }, { requestSeq: "asc" }] : [{ sessionStartsAt: "desc" }, { requestSeq: "desc" }],
      skip: pageOffset(page, PAGE_SIZE),
      take: PAGE_SIZE,
      select: {
        id: true,
        number: true,
        status: true,
        places: true,
        requestSeq: true,
        sessionId: true,
        cancelReason: true,
        feedback: { select: { mood: true, comment: true } },
        // The people who hold the places: a guest withdrawn from the booking is shown on its own page only.
        guests: {
          where: { cancelledAt: null },
          orderBy: { position: "asc" },
          select: { position: true, firstName: true, lastName: true, kind: true, attendance: true },
        },
        session: { select: { startsAt: true, event: { select: { id: true, title: true, venue: { select: { name: true } } } } } },
      },
    }),
  ]);
  const waiting = await waitlistPositions(rows.filter((row) => row.status === "WAITLISTED").map((row) => row.id));
  const total = counts[tab];
  return {
    bookings: rows.map((row) => ({
      id: row.id,
      number: row.number,
      status: row.status,
      places: row.places,
      position: waiting.get(row.id)?.position ?? null,
      waiting: waiting.get(row.id) ?? null,
      startsAt: row.session.startsAt,
      eventId: row.session.event.id,
      eventTitle: row.session.event.title,
      venueName: row.session.event.venue.name,
      guests: row.guests,
      cancelReason: row.cancelReason,
      feedback: row.feedback,
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    counts,
  };
}

/**
 * The four tabs' counts in one pass over the structure's bookings, from the index alone (the session's
 * start is copied onto the booking), rather than four counts each joining the sessions: a busy structure
 * has thousands (issue 14).
 */
async function tabCounts(partnerId: string, now: Date): Promise<Record<BookingTab, number>> {
  const [row] = await getPrisma().$queryRaw<{ upcoming: number; waiting: number; past: number; cancelled: number }[]>`
    SELECT count(*) FILTER (WHERE b."status" = 'CONFIRMED' AND b."sessionStartsAt" >= ${now})::int AS "upcoming",
           count(*) FILTER (WHERE b."status" = 'WAITLISTED')::int AS "waiting",
           count(*) FILTER (WHERE b."status" = 'CONFIRMED' AND b."sessionStartsAt" < ${now})::int AS "past",
           count(*) FILTER (WHERE b."status" = 'CANCELLED')::int AS "cancelled"
    FROM "Booking" b
    WHERE b."partnerId" = ${partnerId}::uuid`;
  return { "a-venir": row?.upcoming ?? 0, attente: row?.waiting ?? 0, passees: row?.past ?? 0, annulees: row?.cancelled ?? 0 };
}

/** Each waiting booking's rank on its session's waitlist (1 is next), the places ahead of it, and its end. */
export async function waitlistPositions(bookingIds: string[]): Promise<Map<string, Waiting>> {
  if (!bookingIds.length) return new Map();
  const rows = await getPrisma().$queryRaw<{ id: string; position: number; placesAhead: number; until: Date }[]>`
    SELECT b."id"::text AS "id", ahead."position", ahead."placesAhead",
           COALESCE(s."bookingClosesAt", s."startsAt") AS "until"
    FROM "Booking" b
    JOIN "Session" s ON s."id" = b."sessionId"
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS "position", (COALESCE(sum(w."places"), 0) - b."places")::int AS "placesAhead"
      FROM "Booking" w
      WHERE w."sessionId" = b."sessionId" AND w."status" = 'WAITLISTED' AND w."requestSeq" <= b."requestSeq") ahead
    WHERE b."id" = ANY(${bookingIds}::uuid[])`;
  return new Map(rows.map(({ id, ...waiting }) => [id, waiting]));
}

const positions = z.array(z.coerce.number().int().min(0).max(50)).max(50);

export const attendanceSchema = z
  .object({
    bookingId: z.uuid("validation.invalid"),
    /** Positions of the guests who came, and of those who did not. A guest in neither list is left as it was: unknown until someone says. */
    attended: positions,
    absent: positions.default([]),
    mood: z.enum(["LOVED", "LIKED", "NOT_FOR_ME"]).optional(),
    comment: z
      .string()
      .trim()
      .max(500, "validation.tooLong")
      .optional()
      .transform((comment) => comment || null),
  })
  .refine(({ attended, absent }) => !attended.some((position) => absent.includes(position)), { message: "validation.invalid", path: ["absent"] });

/** After the session: who came, and optionally what the person thought of it, for the venue. */
export async function recordAttendance(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<void> {
  const { bookingId, attended, absent, mood, comment } = parse(attendanceSchema, input);
  const prisma = getPrisma();
  const booking = await prisma.booking.findUnique({
    where: { id: bookingId },
    select: { partnerId: true, status: true, session: { select: { startsAt: true } } },
  });
  if (!booking || !actsForPartner(actor, booking.partnerId)) throw new NotFoundError("réservation");
  if (booking.status !== "CONFIRMED") throw new RuleViolation("ATTENDANCE_NOT_CONFIRMED", "Seule une réservation confirmée a des présences.");
  if (booking.session.startsAt > now) throw new RuleViolation("ATTENDANCE_TOO_EARLY", "Les présences se notent après la séance.");
  await prisma.$transaction(async (tx) => {
    // A guest withdrawn before the session was neither expected nor absent.
    await tx.bookingGuest.updateMany({ where: { bookingId, cancelledAt: null, position: { in: attended } }, data: { attendance: "ATTENDED" } });
    await tx.bookingGuest.updateMany({ where: { bookingId, cancelledAt: null, position: { in: absent } }, data: { attendance: "NO_SHOW" } });
    if (mood) await tx.bookingFeedback.upsert({ where: { bookingId }, create: { bookingId, mood, comment }, update: { mood, comment } });
    // Every change of a booking is audited (DESIGN.md): the places and the mood, not the comment (free
    // text, which may name someone). An answer that says nothing writes nothing.
    if (attended.length || absent.length || mood) {
      await audit(
        tx,
        actor,
        { action: "booking.attendance_recorded", entityType: "Booking", entityId: bookingId, after: { attended, absent, ...(mood ? { mood } : {}) } },
        now,
      );
    }
  });
}

export interface PartnerBookingDetails extends PartnerBooking {
  /** Every guest, with those withdrawn from the booking (lib/booking/withdraw-guest.ts) and when. */
  guests: (PartnerBooking["guests"][number] & { withdrawnAt: Date | null; canWithdraw: boolean })[];
  partnerId: string;
  sessionId: string;
  venue: { name: string; addressLine: string; postalCode: string; city: string; ticketOfficePhone: string };
  /** The other half of a split group: the confirmed part points to its waitlisted rest and back. */
  linked: { id: string; number: string; status: PartnerBooking["status"]; places: number } | null;
  canCancel: boolean;
  cancellation: { at: Date; reason: CancelReason | null; code: CancelCode | null; note: string | null; by: string | null } | null;
}

/** One booking of the structure, for its page: what, when, where, who, and where it stands. */
export async function getPartnerBooking(actor: Actor, bookingId: string, { now = new Date() } = {}): Promise<PartnerBookingDetails> {
  requireId(bookingId, "réservation");
  const row = await getPrisma().booking.findUnique({
    where: { id: bookingId },
    select: {
      id: true,
      number: true,
      status: true,
      places: true,
      partnerId: true,
      sessionId: true,
      cancelReason: true,
      cancelCode: true,
      cancelNote: true,
      cancelledAt: true,
      cancelledBy: { select: { name: true } },
      feedback: { select: { mood: true, comment: true } },
      guests: {
        orderBy: { position: "asc" },
        select: { position: true, firstName: true, lastName: true, kind: true, attendance: true, cancelledAt: true, checkedInAt: true },
      },
      splitFrom: { select: { id: true, number: true, status: true, places: true } },
      splitInto: { select: { id: true, number: true, status: true, places: true } },
      session: {
        select: {
          startsAt: true,
          event: {
            select: { id: true, title: true, venue: { select: { name: true, addressLine: true, postalCode: true, city: true, ticketOfficePhone: true } } },
          },
        },
      },
    },
  });
  // A venue sees its guest lists elsewhere; this page is the structure's.
  if (!row || !actsForPartner(actor, row.partnerId)) throw new NotFoundError("réservation");
  const waiting = row.status === "WAITLISTED" ? await waitlistPositions([row.id]) : new Map<string, Waiting>();
  const canCancel = row.status !== "CANCELLED" && row.session.startsAt > now;
  const guests = row.guests.map(({ cancelledAt, checkedInAt, ...guest }) => ({
    ...guest,
    withdrawnAt: cancelledAt,
    canWithdraw: canWithdrawGuest(
      { status: row.status, startsAt: row.session.startsAt, guests: row.guests },
      { position: guest.position, cancelledAt, checkedInAt },
      now,
    ),
  }));
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    places: row.places,
    position: waiting.get(row.id)?.position ?? null,
    waiting: waiting.get(row.id) ?? null,
    startsAt: row.session.startsAt,
    eventId: row.session.event.id,
    eventTitle: row.session.event.title,
    venueName: row.session.event.venue.name,
    venue: row.session.event.venue,
    guests,
    cancelReason: row.cancelReason,
    // Who cancelled and why: the structure must be able to tell the person.
    cancellation: row.cancelledAt
      ? { at: row.cancelledAt, reason: row.cancelReason, code: row.cancelCode, note: row.cancelNote, by: row.cancelledBy?.name ?? null }
      : null,
    feedback: row.feedback,
    partnerId: row.partnerId,
    sessionId: row.sessionId,
    linked: row.splitInto ?? row.splitFrom ?? null,
    canCancel,
  };
}
