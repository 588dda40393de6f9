// An event's page: what it is, where, and for each upcoming session the places left, the waitlist and,
// for a partner, the quota that applies to its structure and what is left of it. The quota figures come
// from lib/booking's own rules, so the page says what a booking request would do.
import "server-only";
import { conventionValidAt } from "@/lib/conventions";
import { requireId } from "@/lib/validation";
import type { Actor } from "@/lib/auth/actor";
import { canBrowseOffer, ensure, managesVenue } from "@/lib/auth/permissions";
import { applicableQuota, bookingWindow, quotaLeft, quotaLiftsAt, shortReason, type WindowState } from "@/lib/booking/rules";
import { prismaSql } from "@/lib/db/sql";
import { quotaExceptions, quotaUsage } from "@/lib/booking/state";
import { getPrisma } from "@/lib/db/client";
import type { Accessibility, EventCategory, QuotaPeriod, VenueKind } from "@/lib/generated/prisma/enums";
import { NotFoundError } from "@/lib/errors";

export interface EventSession {
  id: string;
  startsAt: Date;
  endsAt: Date | null;
  placesLeft: number;
  waitlistLength: number;
  window: WindowState;
  /** For a partner: the most it may still book on this session under the venue's quota (null: no quota). */
  quotaLeft: number | null;
  quotaMax: number | null;
  /**
   * What a request for one place would get now (rule 1): null when it would be confirmed; otherwise it
   * goes on the waitlist, because the session is full or because the structure's quota is used.
   */
  waitsFor: "NO_PLACES" | "QUOTA_REACHED" | null;
  /** When the quota that applies to the structure stops applying to this session (null: it does not lift). */
  quotaLiftsAt: Date | null;
  /** Whether the actor's structure has a convention valid on this session's date. */
  conventionValid: boolean;
}

export interface EventDetails {
  id: string;
  title: string;
  description: string;
  category: EventCategory;
  minAge: number | null;
  durationMinutes: number | null;
  accessibility: Accessibility[];
  publicPriceCents: number | null;
  ticketUrl: string | null;
  hasImage: boolean;
  imageAlt: string | null;
  venue: {
    id: string;
    name: string;
    kind: VenueKind;
    addressLine: string;
    postalCode: string;
    city: string;
    area: string | null;
    accessInfo: string | null;
    website: string | null;
    accessibility: Accessibility[];
    accessibilityNotes: string | null;
  };
  quotaRule: { period: QuotaPeriod; maxPlaces: number; liftDaysBefore: number | null } | null;
  sessions: EventSession[];
  /** Whether the actor may book (a partner whose structure has signed its convention). */
  /** Whether the actor's structure has a convention valid for at least one of the sessions. */
  canBook: boolean;
}

export async function getEventDetails(actor: Actor, eventId: string, { now = new Date() } = {}): Promise<EventDetails> {
  ensure(canBrowseOffer(actor), "Connectez-vous pour voir l'offre.");
  requireId(eventId, "événement");
  const prisma = getPrisma();
  const event = await prisma.event.findUnique({
    where: { id: eventId },
    include: {
      venue: { include: { quotaRule: true } },
      image: { select: { eventId: true } },
      sessions: { where: { startsAt: { gte: now }, status: "SCHEDULED" }, orderBy: { startsAt: "asc" } },
    },
  });
  // A draft is seen only by its venue and admin; to anyone else it does not exist.
  if (!event || (event.status !== "PUBLISHED" && !managesVenue(actor, event.venueId))) throw new NotFoundError("événement");

  const { venue } = event;
  const rule = venue.quotaRule
    ? { period: venue.quotaRule.period, maxPlaces: venue.quotaRule.maxPlaces, liftDaysBefore: venue.quotaRule.liftDaysBefore }
    : null;
  const partnerId = actor.kind === "user" && actor.role === "PARTNER" ? actor.partnerId : null;
  const covered = partnerId
    ? await conventionValidAt(
        prismaSql(prisma),
        partnerId,
        event.sessions.map((session) => session.startsAt),
      )
    : [];
  const exception = partnerId && rule ? ((await quotaExceptions(prismaSql(prisma), venue.id, [partnerId])).get(partnerId) ?? null) : null;

  const sessions: EventSession[] = [];
  for (const [index, session] of event.sessions.entries()) {
    const facts = { ...session, eventStatus: event.status, status: session.status };
    let max: number | null = null;
    let left: number | null = null;
    if (partnerId && rule) {
      max = applicableQuota(rule, exception, session.startsAt, now);
      if (max !== null) {
        const used = (await quotaUsage(prismaSql(prisma), { ...facts, venueId: venue.id, rule, eventId: event.id }, [partnerId])).get(partnerId) ?? 0;
        left = quotaLeft(max, used);
      }
    }
    const placesLeft = Math.max(0, session.capacity - session.confirmedPlaces);
    sessions.push({
      id: session.id,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      placesLeft,
      waitlistLength: session.waitlistedBookings,
      window: bookingWindow(facts, now),
      quotaLeft: left,
      quotaMax: max,
      // lib/booking's own words for why a request would wait, so the page says what booking will do.
      waitsFor: Math.min(placesLeft, left ?? Infinity) >= 1 ? null : shortReason(1, placesLeft, left ?? Infinity),
      quotaLiftsAt: max !== null ? quotaLiftsAt(rule, session.startsAt) : null,
      conventionValid: covered[index] ?? false,
    });
  }

  return {
    id: event.id,
    title: event.title,
    description: event.description,
    category: event.category,
    minAge: event.minAge,
    durationMinutes: event.durationMinutes,
    accessibility: event.accessibility,
    publicPriceCents: event.publicPriceCents,
    ticketUrl: event.ticketUrl,
    hasImage: Boolean(event.image),
    imageAlt: event.imageAlt,
    venue: {
      id: venue.id,
      name: venue.name,
      kind: venue.kind,
      addressLine: venue.addressLine,
      postalCode: venue.postalCode,
      city: venue.city,
      area: venue.area,
      accessInfo: venue.accessInfo,
      website: venue.website,
      accessibility: venue.accessibility,
      accessibilityNotes: venue.accessibilityNotes,
    },
    quotaRule: rule,
    sessions,
    canBook: covered.some(Boolean),
  };
}
