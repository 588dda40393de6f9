// A venue's events: declared as drafts, published to the partners, cancelled (which cancels their
// sessions through lib/booking, so every partner with a booking is told). An event never changes venue:
// lib/booking remembers each session's venue.
import "server-only";
import { z } from "zod";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { cancelEventSessions } from "@/lib/booking/sessions";
import { getPrisma } from "@/lib/db/client";
import { RuleViolation } from "@/lib/errors";
import type { EventCategory } from "@/lib/generated/prisma/enums";
import { optionalText, parse } from "@/lib/validation";
import { pageOffset } from "@/lib/lists";
import { offerChanged } from "@/lib/catalog/places-cache";
import { ensureManages, managedEvent } from "./access";
import { SOURCE_FIELDS, type SourceField } from "./season/source-events";
import { createEventSchema, eventFieldsSchema, updateEventSchema } from "./schemas";

export { createEventSchema, eventFieldsSchema, updateEventSchema };

function columns(fields: z.output<typeof eventFieldsSchema>) {
  const { publicPrice, ticketUrl, imageAlt, performedIn, ...rest } = fields;
  return {
    ...rest,
    publicPriceCents: publicPrice === null ? null : Math.round(publicPrice * 100),
    ticketUrl: ticketUrl ?? null,
    imageAlt: imageAlt ?? null,
    // A language only for an event performed in another one.
    performedIn: rest.frenchNeed === "OTHER_LANGUAGE" ? (performedIn ?? null) : null,
  };
}

/**
 * An event imported from the venue's agenda (issue 33.1): the fields the venue changes here are kept by
 * every later sync (lib/venue/season/plan.ts), so its own words are never overwritten by the agenda's.
 */
function editedSince(before: { sourceId: string | null; editedFields: string[] } & Record<SourceField, unknown>, after: Record<SourceField, unknown>) {
  if (!before.sourceId) return before.editedFields;
  const norm = (value: unknown) => JSON.stringify(Array.isArray(value) ? [...value].sort() : value);
  const changed = SOURCE_FIELDS.filter((field) => norm(before[field]) !== norm(after[field]));
  return [...new Set([...before.editedFields, ...changed])];
}

export async function createEvent(actor: Actor, input: unknown): Promise<{ id: string }> {
  const { venueId, ...fields } = parse(createEventSchema, input);
  ensureManages(actor, venueId);
  return getPrisma().$transaction(async (tx) => {
    const event = await tx.event.create({ data: { venueId, ...columns(fields) }, select: { id: true } });
    await audit(tx, actor, { action: "event.created", entityType: "Event", entityId: event.id, after: { title: fields.title } });
    return event;
  });
}

export async function updateEvent(actor: Actor, input: unknown): Promise<void> {
  const { eventId, ...fields } = parse(updateEventSchema, input);
  const before = await managedEvent(actor, eventId);
  await getPrisma().$transaction(async (tx) => {
    await tx.event.update({ where: { id: eventId }, data: { ...columns(fields), editedFields: editedSince(before, fields) } });
    await audit(tx, actor, {
      action: "event.updated",
      entityType: "Event",
      entityId: eventId,
      before: { title: before.title },
      after: { title: fields.title },
    });
  });
}

export async function publishEvent(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<void> {
  const { eventId } = parse(z.object({ eventId: z.uuid("validation.invalid") }), input);
  const event = await managedEvent(actor, eventId);
  if (event.status === "CANCELLED") throw new RuleViolation("EVENT_CANCELLED", "Cet événement est annulé.");
  if (event.status === "PUBLISHED") return;
  await getPrisma().$transaction(async (tx) => {
    await tx.event.update({ where: { id: eventId }, data: { status: "PUBLISHED", publishedAt: now } });
    await audit(tx, actor, { action: "event.published", entityType: "Event", entityId: eventId }, now);
  });
  offerChanged();
}

/**
 * Cancels the event and, through lib/booking, those of its sessions that have not started: every partner
 * with a booking on them is told and gets its quota back. Sessions already played keep their bookings
 * and attendance.
 */
export async function cancelEvent(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<{ cancelledSessions: number; cancelledBookings: number }> {
  const { eventId, note } = parse(z.object({ eventId: z.uuid("validation.invalid"), note: optionalText(500) }), input);
  const event = await managedEvent(actor, eventId);
  if (event.status === "CANCELLED") return { cancelledSessions: 0, cancelledBookings: 0 };
  const { cancelledSessions, cancelledBookings } = await cancelEventSessions(actor, event, note, now);
  offerChanged();
  return { cancelledSessions, cancelledBookings };
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
      skip: pageOffset(page, pageSize),
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
