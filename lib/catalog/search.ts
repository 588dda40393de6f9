// The catalog: one card per event, with the sessions that match the filters. One SQL query finds the
// matching sessions, groups them by event, pages through the events and brings each event's first few
// sessions, so a festival with 40 dates takes one place on the page and nothing is grouped in memory
// (indexes on Session.startsAt and Event.status/category). Free text ignores case and accents, so
// "theatre" finds "Théâtre", without any extension of PostgreSQL.
import "server-only";
import { canBrowseOffer, ensure } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Accessibility, EventCategory, FrenchNeed } from "@/lib/generated/prisma/enums";
import { bookingWindow, type WindowState } from "@/lib/booking/rules";
import { dateRange, PAGE_SIZE, type CatalogFilters } from "./filters";
import { LRUCache } from "lru-cache";
import { keptPlaces, onOfferChange, type Place } from "./places-cache";

/** How many of an event's matching sessions its card lists; the event page has them all. */
export const SESSIONS_SHOWN = 4;

export interface CatalogSession {
  sessionId: string;
  startsAt: Date;
  placesLeft: number;
  waitlistLength: number;
  /** Whether it can be booked now, by lib/booking's rule 6. */
  window: WindowState;
}

export interface EventCard {
  eventId: string;
  title: string;
  category: EventCategory;
  minAge: number | null;
  accessibility: Accessibility[];
  hasImage: boolean;
  imageAlt: string | null;
  venueName: string;
  city: string;
  area: string | null;
  /** How much French it needs, and the language it is performed in if another (issue 34.4). */
  frenchNeed: FrenchNeed;
  performedIn: string | null;
  /** The sessions of this event that match the filters: how many, the first and the last. */
  sessionCount: number;
  firstStartsAt: Date;
  lastStartsAt: Date;
  /** Of those, how many can be booked now with places left, and how many places they offer together. */
  openSessionCount: number;
  openPlaces: number;
  /** The first `SESSIONS_SHOWN` of them, by date. */
  sessions: CatalogSession[];
}

export interface CatalogPage {
  items: EventCard[];
  /** Events and sessions matching the filters, over all pages. */
  totalEvents: number;
  totalSessions: number;
  page: number;
  pageCount: number;
}

// The same letters as the database's search_fold() (migration 20261125150000): a pattern folds as the text does.
const FOLD_FROM = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæ";
const FOLD_TO = "aaaaaaceeeeiiiinooooouuuuyyoa";
const fold = (text: string) => text.toLowerCase().replace(/[^a-z0-9\s]/g, (c) => FOLD_TO[FOLD_FROM.indexOf(c)] ?? c);

/** One row per event of the page, each with the totals; a single row of totals alone when the page is empty. */
type SessionRow = Omit<CatalogSession, "window"> & Record<"startsAt" | "bookingOpensAt" | "bookingClosesAt" | "closedAt", string | null>;
type Row = { totalEvents: number; totalSessions: number } & ((Omit<EventCard, "sessions"> & { sessions: SessionRow[] }) | { eventId: null });

/**
 * The catalog's pages computed in the last few seconds, by filters: many people open the same first
 * pages, and on a national network each costs an aggregate over some 20,000 upcoming sessions (decision
 * 010). Places left may lag by RECENT_MS at most; a booking is always decided on live data (lib/booking)
 * and the event's own page is live. Forgotten whenever the offer changes through lib.
 */
export const RECENT_MS = 5_000;
const recent = new LRUCache<string, Promise<CatalogPage>>({ max: 500, ttl: RECENT_MS });
onOfferChange(() => recent.clear());

/** Upcoming published sessions matching the filters, one entry per event, paginated by events. */
export async function searchSessions(
  actor: Actor,
  filters: CatalogFilters,
  options: { now?: Date; pageSize?: number; sessionsShown?: number } = {},
): Promise<CatalogPage> {
  ensure(canBrowseOffer(actor), "Connectez-vous pour voir l'offre.");
  // Issue 34.4: the person supported sees first the events one can follow without French.
  const withoutFrenchFirst = actor.kind === "visitor";
  // A given instant or size (tests, benchmarks of the query) is computed; the pages' own calls may be recent.
  if (options.now || options.pageSize || options.sessionsShown) return computePage(filters, { ...options, withoutFrenchFirst });
  const key = JSON.stringify([filters, withoutFrenchFirst]);
  const cached = recent.get(key);
  if (cached) return cached;
  const page = computePage(filters, { withoutFrenchFirst });
  recent.set(key, page);
  page.catch(() => recent.delete(key));
  return page;
}

async function computePage(
  filters: CatalogFilters,
  {
    now = new Date(),
    pageSize = PAGE_SIZE,
    sessionsShown = SESSIONS_SHOWN,
    withoutFrenchFirst = false,
  }: { now?: Date; pageSize?: number; sessionsShown?: number; withoutFrenchFirst?: boolean },
): Promise<CatalogPage> {
  const offset = (filters.page - 1) * pageSize;
  const where = conditions(filters, now);
  // false sorts before true: the events that need French come after the others, for the person.
  const first = withoutFrenchFirst ? Prisma.sql`(p."frenchNeed" = 'FRENCH'),` : Prisma.empty;
  const firstInPage = withoutFrenchFirst ? Prisma.sql`(e."frenchNeed" = 'FRENCH'),` : Prisma.empty;
  // Rule 6 (lib/booking/rules bookingWindow) in SQL, for the counts; a card's sessions use the rule itself.
  const bookingOpen = Prisma.sql`(s."closedAt" IS NULL AND least(s."bookingClosesAt", s."startsAt") > ${now}
                                  AND (s."bookingOpensAt" IS NULL OR s."bookingOpensAt" <= ${now}))`;
  // Grouped and counted in the database; the totals come from a one-row CTE joined to the page, so a page
  // past the end still has them. A card's first sessions are read again, only for the events of the page,
  // through the index on (eventId, startsAt).
  const rows = await getPrisma().$queryRaw<Row[]>`
    WITH events AS (
      SELECT s."eventId", count(*)::int AS "sessionCount", min(s."startsAt") AS "firstStartsAt", max(s."startsAt") AS "lastStartsAt",
             (count(*) FILTER (WHERE ${bookingOpen} AND s."confirmedPlaces" < s."capacity"))::int AS "openSessionCount",
             coalesce(sum(greatest(s."capacity" - s."confirmedPlaces", 0)) FILTER (WHERE ${bookingOpen}), 0)::int AS "openPlaces"
      FROM "Session" s
      JOIN "Event" e ON e."id" = s."eventId"
      JOIN "Venue" v ON v."id" = e."venueId"
      WHERE ${where.session} AND ${where.event}
      GROUP BY s."eventId"
    ),
    totals AS (
      SELECT count(*)::int AS "totalEvents", coalesce(sum("sessionCount"), 0)::int AS "totalSessions" FROM events
    ),
    page AS (
      SELECT ev.*, e."title", e."category"::text AS "category", e."minAge", coalesce(e."accessibility", '{}')::text[] AS "accessibility", e."imageAlt",
             e."frenchNeed"::text AS "frenchNeed", e."performedIn",
             (i."eventId" IS NOT NULL) AS "hasImage", v."name" AS "venueName", v."city", v."area"
      FROM events ev
      JOIN "Event" e ON e."id" = ev."eventId"
      JOIN "Venue" v ON v."id" = e."venueId"
      LEFT JOIN "EventImage" i ON i."eventId" = e."id"
      ORDER BY ${firstInPage} ev."firstStartsAt", e."title", ev."eventId"
      LIMIT ${pageSize} OFFSET ${offset}
    )
    SELECT t."totalEvents", t."totalSessions", p."eventId"::text AS "eventId", p."title", p."category", p."minAge", p."accessibility",
           p."imageAlt", p."hasImage", p."venueName", p."city", p."area", p."sessionCount", p."firstStartsAt", p."lastStartsAt",
           p."frenchNeed", p."performedIn",
           p."openSessionCount", p."openPlaces", shown."sessions"
    FROM totals t
    LEFT JOIN page p ON true
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object('sessionId', first."id"::text, 'startsAt', first."startsAt", 'placesLeft', first."placesLeft",
                                        'waitlistLength', first."waitlistLength", 'bookingOpensAt', first."bookingOpensAt",
                                        'bookingClosesAt', first."bookingClosesAt", 'closedAt', first."closedAt")
                      ORDER BY first."startsAt", first."id") AS "sessions"
      FROM (
        SELECT s."id", s."startsAt", greatest(s."capacity" - s."confirmedPlaces", 0) AS "placesLeft",
               s."waitlistedBookings" AS "waitlistLength", s."bookingOpensAt", s."bookingClosesAt", s."closedAt"
        FROM "Session" s
        WHERE s."eventId" = p."eventId" AND ${where.session}
        ORDER BY s."startsAt", s."id"
        LIMIT ${sessionsShown}
      ) first
    ) shown ON p."eventId" IS NOT NULL
    ORDER BY ${first} p."firstStartsAt", p."title", p."eventId"`;

  const { totalEvents, totalSessions } = rows[0] ?? { totalEvents: 0, totalSessions: 0 };
  const items: EventCard[] = [];
  for (const row of rows) {
    if (row.eventId === null) continue;
    const { eventId, title, category, minAge, accessibility, imageAlt, hasImage, venueName, city, area, frenchNeed, performedIn } = row;
    const { sessionCount, firstStartsAt, lastStartsAt, openSessionCount, openPlaces } = row;
    items.push({
      ...{ eventId, title, category, minAge, accessibility, imageAlt, hasImage, venueName, city, area, frenchNeed, performedIn },
      ...{ sessionCount, firstStartsAt, lastStartsAt, openSessionCount, openPlaces },
      sessions: row.sessions.map((session) => catalogSession(session, now)),
    });
  }
  return {
    items,
    totalEvents,
    totalSessions,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(totalEvents / pageSize)),
  };
}

function catalogSession({ sessionId, placesLeft, waitlistLength, ...times }: SessionRow, now: Date): CatalogSession {
  const date = (value: string | null) => (value === null ? null : new Date(value));
  const startsAt = new Date(times.startsAt!);
  const facts = { startsAt, bookingOpensAt: date(times.bookingOpensAt), bookingClosesAt: date(times.bookingClosesAt), closedAt: date(times.closedAt) };
  // Only scheduled sessions of published events are in the catalog.
  return { sessionId, startsAt, placesLeft, waitlistLength, window: bookingWindow({ ...facts, status: "SCHEDULED", eventStatus: "PUBLISHED" }, now) };
}

/**
 * Which sessions match, in two parts: what a session must be (scheduled, in the dates, with places) and
 * what its event and venue must be. The second part is the same for all the sessions of an event, which
 * is why a card's first sessions need only the first part once the event is chosen.
 */
function conditions(filters: CatalogFilters, now: Date): { session: Prisma.Sql; event: Prisma.Sql } {
  const { from, to } = dateRange(filters, now);
  const session: Prisma.Sql[] = [Prisma.sql`s."status" = 'SCHEDULED' AND s."startsAt" >= ${from}`];
  const event: Prisma.Sql[] = [Prisma.sql`e."status" = 'PUBLISHED'`];
  if (to) session.push(Prisma.sql`s."startsAt" < ${to}`);
  if (filters.withPlaces) {
    session.push(Prisma.sql`s."confirmedPlaces" < s."capacity" AND (s."bookingClosesAt" IS NULL OR s."bookingClosesAt" > ${now})`);
    session.push(Prisma.sql`s."closedAt" IS NULL AND (s."bookingOpensAt" IS NULL OR s."bookingOpensAt" <= ${now})`);
  }
  if (filters.withoutFrench) event.push(Prisma.sql`e."frenchNeed" <> 'FRENCH'`);
  if (filters.categories.length) event.push(Prisma.sql`e."category"::text = ANY(${filters.categories})`);
  // An accessibility need is met by the event (a signed performance) or by the venue (step-free access).
  for (const access of filters.access) {
    event.push(Prisma.sql`(${access}::"Accessibility" = ANY(e."accessibility") OR ${access}::"Accessibility" = ANY(v."accessibility"))`);
  }
  if (filters.town) event.push(Prisma.sql`lower(v."city") = lower(${filters.town})`);
  if (filters.area) event.push(Prisma.sql`lower(v."area") = lower(${filters.area})`);
  if (filters.text) {
    // Folded by the database's search_fold(), the very expression of the trigram indexes on events and
    // venues (migration 20261125150000, decision 010): "theatre" finds "Théâtre" without reading every
    // event. Each side is its own subquery so that each can use its index.
    const pattern = `%${fold(filters.text).replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    event.push(
      Prisma.sql`(e."id" IN (SELECT "id" FROM "Event" WHERE search_fold("title" || ' ' || "description") LIKE ${pattern})
                  OR e."venueId" IN (SELECT "id" FROM "Venue" WHERE search_fold("name" || ' ' || "city") LIKE ${pattern}))`,
    );
  }
  return { session: Prisma.join(session, " AND "), event: Prisma.join(event, " AND ") };
}

/** Towns and areas that have upcoming sessions, for the filter's choices. */
export async function catalogPlaces(actor: Actor, { now }: { now?: Date } = {}): Promise<Place[]> {
  ensure(canBrowseOffer(actor), "Connectez-vous pour voir l'offre.");
  // Kept in memory (places-cache.ts); a given instant (tests, "as of") reads the database.
  return now ? readPlaces(now) : keptPlaces(() => readPlaces(new Date()));
}

async function readPlaces(now: Date): Promise<Place[]> {
  const rows = await getPrisma().$queryRaw<{ city: string; areas: string[] }[]>`
    SELECT v."city", coalesce(array_agg(DISTINCT v."area") FILTER (WHERE v."area" IS NOT NULL), '{}') AS "areas"
    FROM "Venue" v
    WHERE EXISTS (SELECT 1 FROM "Event" e JOIN "Session" s ON s."eventId" = e."id"
                  WHERE e."venueId" = v."id" AND e."status" = 'PUBLISHED' AND s."status" = 'SCHEDULED' AND s."startsAt" >= ${now})
    GROUP BY v."city" ORDER BY v."city"`;
  return rows.map((row) => ({ city: row.city, areas: [...row.areas].sort((a, b) => a.localeCompare(b, "fr")) }));
}
