// The association takes venues in: it creates a venue (its profile printed on invitations), invites its
// managers (lib/auth/invitations.inviteUser), and acts for it through the venue's own pages (?lieu=). The
// list of venues is searched, sorted by a column and exported as CSV.
import "server-only";
import { z } from "zod";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { ensure, isAdmin } from "@/lib/auth/permissions";
import { toCsv } from "@/lib/csv";
import { getPrisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError } from "@/lib/errors";
import { line, requireId, urlText, parse } from "@/lib/validation";
import { venueKindSchema, venueProfileSchema } from "@/lib/venue/profile";
import { CSV_MAX_ROWS } from "./export";
import { fromUrl, LIST_WORDS, pageOffset, sortOf, urlDirection, urlPage, urlSort, type Direction, type SearchParams } from "@/lib/lists";

const ensureAdmin = (actor: Actor) => ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");

export const newVenueSchema = venueProfileSchema.omit({ venueId: true }).extend({
  name: line(160),
  kind: venueKindSchema,
});

function slugOf(name: string): string {
  return (
    name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "lieu"
  );
}

export async function createVenue(actor: Actor, input: unknown): Promise<{ id: string }> {
  ensureAdmin(actor);
  const data = parse(newVenueSchema, input);
  return getPrisma().$transaction(async (tx) => {
    const base = slugOf(data.name);
    const taken = await tx.venue.count({ where: { slug: { startsWith: base } } });
    const venue = await tx.venue.create({ data: { ...data, slug: taken ? `${base}-${taken + 1}` : base }, select: { id: true } });
    await audit(tx, actor, { action: "venue.created", entityType: "Venue", entityId: venue.id, after: { name: data.name } });
    return venue;
  });
}

/** The columns the list sorts by (lib/lists.ts), each with its natural direction; by name by default. */
export const VENUE_SORTS = { name: "asc", town: "asc", recent: "desc" } as const satisfies Record<string, Direction>;
export type VenueSort = keyof typeof VENUE_SORTS;
/** The list's words in the URL (lib/lists.ts, issue 28.5): `?q=…&tri=ville&ordre=desc&page=2`. */
export const VENUE_WORDS = {
  text: "q",
  sort: { word: LIST_WORDS.sort, values: { name: "nom", town: "ville", recent: "recent" } satisfies Record<VenueSort, string> },
  direction: LIST_WORDS.direction,
  page: LIST_WORDS.page,
} as const;
export const venueFiltersSchema = z.object({ text: urlText(100), sort: urlSort(VENUE_SORTS), direction: urlDirection(), page: urlPage() });
export type VenueFilters = z.output<typeof venueFiltersSchema>;

/** The filters of a URL of the list (its French words), for the page and its export. */
export function readVenueFilters(params: SearchParams): VenueFilters {
  return venueFiltersSchema.parse(fromUrl(VENUE_WORDS, params));
}

/** The order of a column, then the venue's name, and its id last (no venue on two pages or on none). */
function venueOrder(filters: VenueFilters): Prisma.VenueOrderByWithRelationInput[] {
  const { column, direction: dir } = sortOf(VENUE_SORTS, "name", filters.sort, filters.direction);
  const first: Record<VenueSort, Prisma.VenueOrderByWithRelationInput[]> = {
    name: [{ name: dir }],
    town: [{ city: dir }, { name: dir }],
    recent: [{ createdAt: dir }],
  };
  return [...first[column], { id: dir }];
}

function venueWhere(filters: VenueFilters): Prisma.VenueWhereInput {
  return filters.text ? { OR: [{ name: { contains: filters.text, mode: "insensitive" } }, { city: { contains: filters.text, mode: "insensitive" } }] } : {};
}

const VENUE_ROW = {
  id: true,
  name: true,
  kind: true,
  city: true,
  quotaRule: { select: { period: true, maxPlaces: true, liftDaysBefore: true } },
  managers: { orderBy: { createdAt: "asc" }, select: { user: { select: { name: true, email: true, active: true, passwordHash: true } } } },
} satisfies Prisma.VenueSelect;

/**
 * Events with a session to come, for the venues listed only: a relation count (_count) would go through
 * every venue's events first, and Prisma's groupBy with `sessions: { some }` reads every session to come
 * (15 ms at national scale); this EXISTS is answered by the partial index on scheduled sessions (2.7 ms;
 * issue 14, decision 010).
 */
async function upcomingEvents(venueIds: string[], now: Date): Promise<Map<string, number>> {
  if (!venueIds.length) return new Map();
  const rows = await getPrisma().$queryRaw<{ venueId: string; events: number }[]>`
    SELECT e."venueId", count(*)::int AS "events" FROM "Event" e
    WHERE e."venueId" = ANY(${venueIds}::uuid[])
      AND EXISTS (SELECT 1 FROM "Session" s WHERE s."eventId" = e."id" AND s."status" = 'SCHEDULED' AND s."startsAt" > ${now})
    GROUP BY e."venueId"`;
  return new Map(rows.map((row) => [row.venueId, row.events]));
}

/** The venues, with their managers and what they offer to come. */
export async function listVenues(actor: Actor, filters: VenueFilters, { now = new Date(), pageSize = 25 } = {}) {
  ensureAdmin(actor);
  const where = venueWhere(filters);
  const prisma = getPrisma();
  const [total, venues] = await Promise.all([
    prisma.venue.count({ where }),
    prisma.venue.findMany({ where, orderBy: venueOrder(filters), skip: pageOffset(filters.page, pageSize), take: pageSize, select: VENUE_ROW }),
  ]);
  const events = await upcomingEvents(
    venues.map((venue) => venue.id),
    now,
  );
  return {
    // The hash only says whether the invitation was taken up; it never leaves this module.
    venues: venues.map(({ managers, ...venue }) => ({
      ...venue,
      _count: { events: events.get(venue.id) ?? 0 },
      managers: managers.map(({ user: { passwordHash, ...user } }) => ({ ...user, pending: !passwordHash })),
    })),
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}

/**
 * The venues found, in the list's order, as CSV: every match, not only the page, up to CSV_MAX_ROWS
 * (50,000: lib/association/export.ts). `query` is the list's URL. As the page: the managers by name and
 * state (their addresses stay out), the quota rule, the events to come.
 */
export async function venuesCsv(
  actor: Actor,
  query: SearchParams,
  { labels = (key) => key, now = new Date(), maxRows = CSV_MAX_ROWS }: { labels?: (key: string) => string; now?: Date; maxRows?: number } = {},
): Promise<string> {
  ensureAdmin(actor);
  const filters = readVenueFilters(query);
  const venues = await getPrisma().venue.findMany({ where: venueWhere(filters), orderBy: venueOrder(filters), take: maxRows, select: VENUE_ROW });
  const events = await upcomingEvents(
    venues.map((venue) => venue.id),
    now,
  );
  const manager = ({ user }: (typeof venues)[number]["managers"][number]) =>
    `${user.name}${!user.active ? ` (${labels("managerInactive")})` : !user.passwordHash ? ` (${labels("managerPending")})` : ""}`;
  return toCsv(
    ["Lieu", "Type", "Ville", "Gestionnaires", "Places par structure", "Période du quota", "Levée du quota (jours avant)", "Événements à venir"],
    venues.map((venue) => [
      venue.name,
      labels(`kinds.${venue.kind}`),
      venue.city,
      venue.managers.map(manager).join(", "),
      venue.quotaRule?.maxPlaces ?? "",
      venue.quotaRule ? labels(`quotaPeriod.${venue.quotaRule.period}`) : "",
      venue.quotaRule?.liftDaysBefore ?? "",
      events.get(venue.id) ?? 0,
    ]),
  );
}

/**
 * One venue as the association sees it: its profile and quota rule, its managers (pending while the
 * invitation has not been taken up), the exceptions granted at it, and its next sessions.
 */
export async function getVenueForAssociation(actor: Actor, venueId: string, { now = new Date(), sessions = 10 } = {}) {
  ensureAdmin(actor);
  requireId(venueId, "lieu");
  const prisma = getPrisma();
  const venue = await prisma.venue.findUnique({
    where: { id: venueId },
    include: {
      quotaRule: { select: { period: true, maxPlaces: true, liftDaysBefore: true } },
      managers: {
        orderBy: { createdAt: "asc" },
        select: { createdAt: true, user: { select: { id: true, name: true, email: true, active: true, passwordHash: true, lastSignInAt: true } } },
      },
      quotaExceptions: {
        orderBy: { createdAt: "desc" },
        select: { id: true, maxPlaces: true, reason: true, expiresAt: true, partner: { select: { id: true, name: true } } },
      },
    },
  });
  if (!venue) throw new NotFoundError("lieu");
  const upcoming = { event: { venueId }, startsAt: { gte: now } };
  const [nextSessions, upcomingSessions] = await Promise.all([
    prisma.session.findMany({
      where: upcoming,
      orderBy: { startsAt: "asc" },
      take: sessions,
      select: {
        id: true,
        startsAt: true,
        status: true,
        capacity: true,
        confirmedPlaces: true,
        waitlistedPlaces: true,
        event: { select: { id: true, title: true, status: true } },
      },
    }),
    prisma.session.count({ where: { ...upcoming, status: "SCHEDULED" } }),
  ]);
  const { managers, ...rest } = venue;
  return {
    ...rest,
    managers: managers.map(({ createdAt, user: { passwordHash, ...user } }) => ({ ...user, since: createdAt, pending: !passwordHash })),
    nextSessions,
    upcomingSessions,
  };
}
