// A venue's events: declared as drafts, published to the partners, cancelled (which cancels their
// sessions through lib/booking, so every partner with a booking is told). An event never changes venue:
// lib/booking remembers each session's venue.
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { cancelSession } from "@/lib/booking";
import { parse } from "@/lib/booking/schemas";
import { getPrisma } from "@/lib/db/client";
import { RuleViolation } from "@/lib/errors";
import { Accessibility, EventCategory } from "@/lib/generated/prisma/enums";
import { auditActor, ensureManages, managedEvent } from "./access";

const optionalText = (max: number) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), z.string().trim().max(max, "validation.tooLong").optional());

export const eventFieldsSchema = z.object({
  title: z.string().trim().min(1, "validation.required").max(160, "validation.tooLong"),
  description: z.string().trim().min(1, "validation.required").max(5000, "validation.tooLong"),
  category: z.enum(Object.values(EventCategory) as [EventCategory, ...EventCategory[]], "validation.invalid"),
  minAge: z.preprocess((v) => (v === "" || v == null ? null : v), z.coerce.number().int("validation.integer").min(0, "validation.notNegative").max(99, "validation.tooLarge").nullable()),
  durationMinutes: z.preprocess((v) => (v === "" || v == null ? null : v), z.coerce.number().int("validation.integer").min(1, "validation.atLeastOne").max(1440, "validation.tooLarge").nullable()),
  accessibility: z.array(z.enum(Object.values(Accessibility) as [Accessibility, ...Accessibility[]])).default([]),
  /** In euros, as typed ("12,50"); stored in cents. */
  publicPrice: z.preprocess(
    (v) => (v === "" || v == null ? null : String(v).replace(",", ".")),
    z.coerce.number("validation.invalid").min(0, "validation.notNegative").max(10_000, "validation.tooLarge").nullable(),
  ),
  ticketUrl: optionalText(500).pipe(z.url("validation.invalid").optional()),
  imageAlt: optionalText(300),
});

export const createEventSchema = eventFieldsSchema.extend({ venueId: z.uuid("validation.invalid") });
export const updateEventSchema = eventFieldsSchema.extend({ eventId: z.uuid("validation.invalid") });

function columns(fields: z.output<typeof eventFieldsSchema>) {
  const { publicPrice, ticketUrl, imageAlt, ...rest } = fields;
  return { ...rest, publicPriceCents: publicPrice === null ? null : Math.round(publicPrice * 100), ticketUrl: ticketUrl ?? null, imageAlt: imageAlt ?? null };
}

export async function createEvent(actor: Actor, input: unknown): Promise<{ id: string }> {
  const { venueId, ...fields } = parse(createEventSchema, input);
  ensureManages(actor, venueId);
  const prisma = getPrisma();
  const event = await prisma.event.create({ data: { venueId, ...columns(fields) }, select: { id: true } });
  await prisma.auditLog.create({ data: { ...auditActor(actor), action: "event.created", entityType: "Event", entityId: event.id, after: { title: fields.title } } });
  return event;
}

export async function updateEvent(actor: Actor, input: unknown): Promise<void> {
  const { eventId, ...fields } = parse(updateEventSchema, input);
  const before = await managedEvent(actor, eventId);
  const prisma = getPrisma();
  await prisma.event.update({ where: { id: eventId }, data: columns(fields) });
  await prisma.auditLog.create({ data: { ...auditActor(actor), action: "event.updated", entityType: "Event", entityId: eventId, before: { title: before.title }, after: { title: fields.title } } });
}

export async function publishEvent(actor: Actor, input: unknown): Promise<void> {
  const { eventId } = parse(z.object({ eventId: z.uuid("validation.invalid") }), input);
  const event = await managedEvent(actor, eventId);
  if (event.status === "CANCELLED") throw new RuleViolation("EVENT_CANCELLED", "Ce spectacle est annulé.");
  if (event.status === "PUBLISHED") return;
  const prisma = getPrisma();
  await prisma.event.update({ where: { id: eventId }, data: { status: "PUBLISHED", publishedAt: new Date() } });
  await prisma.auditLog.create({ data: { ...auditActor(actor), action: "event.published", entityType: "Event", entityId: eventId } });
}

/** Cancels the event and, one by one through lib/booking, each of its sessions still scheduled. */
export async function cancelEvent(actor: Actor, input: unknown): Promise<{ cancelledSessions: number; cancelledBookings: number }> {
  const { eventId, note } = parse(z.object({ eventId: z.uuid("validation.invalid"), note: z.string().trim().max(500, "validation.tooLong").optional() }), input);
  const event = await managedEvent(actor, eventId);
  if (event.status === "CANCELLED") return { cancelledSessions: 0, cancelledBookings: 0 };
  const prisma = getPrisma();
  const sessions = await prisma.session.findMany({ where: { eventId, status: "SCHEDULED" }, select: { id: true } });
  let cancelledBookings = 0;
  for (const session of sessions) cancelledBookings += (await cancelSession(actor, { sessionId: session.id, note })).cancelledBookings;
  await prisma.event.update({ where: { id: eventId }, data: { status: "CANCELLED", cancelledAt: new Date() } });
  await prisma.auditLog.create({ data: { ...auditActor(actor), action: "event.cancelled", entityType: "Event", entityId: eventId, after: { sessions: sessions.length } } });
  return { cancelledSessions: sessions.length, cancelledBookings };
}

export interface VenueEventRow {
  id: string;
  title: string;
  status: "DRAFT" | "PUBLISHED" | "CANCELLED";
  category: EventCategory;
  upcomingSessions: number;
  nextSession: Date | null;
}

export async function listVenueEvents(actor: Actor, venueId: string, { page = 1, pageSize = 20, now = new Date() } = {}) {
  ensureManages(actor, venueId);
  const prisma = getPrisma();
  const where = { venueId };
  const [total, events] = await Promise.all([
    prisma.event.count({ where }),
    prisma.event.findMany({
      where,
      orderBy: [{ status: "asc" }, { createdAt: "desc" }],
      skip: (Math.max(1, page) - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        title: true,
        status: true,
        category: true,
        sessions: { where: { startsAt: { gte: now }, status: "SCHEDULED" }, orderBy: { startsAt: "asc" }, select: { startsAt: true } },
      },
    }),
  ]);
  const rows: VenueEventRow[] = events.map((event) => ({
    id: event.id,
    title: event.title,
    status: event.status,
    category: event.category,
    upcomingSessions: event.sessions.length,
    nextSession: event.sessions[0]?.startsAt ?? null,
  }));
  return { events: rows, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** The event with its sessions and their counts, for the venue's page. */
export async function getVenueEvent(actor: Actor, eventId: string) {
  const event = await managedEvent(actor, eventId);
  const sessions = await getPrisma().session.findMany({
    where: { eventId },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      startsAt: true,
      capacity: true,
      confirmedPlaces: true,
      waitlistedPlaces: true,
      waitlistedBookings: true,
      status: true,
      closedAt: true,
      bookingOpensAt: true,
      bookingClosesAt: true,
    },
  });
  const hasImage = Boolean(await getPrisma().eventImage.findUnique({ where: { eventId }, select: { eventId: true } }));
  return { ...event, hasImage, publicPrice: event.publicPriceCents === null ? null : event.publicPriceCents / 100, sessions };
}
