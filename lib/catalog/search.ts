// The catalog of upcoming sessions: one SQL query, filtered and paginated in the database so it stays
// fast with thousands of sessions (indexes on Session.startsAt and Event.status/category). Free text
// ignores case and accents, so "theatre" finds "Théâtre", without any extension of PostgreSQL.
import "server-only";
import { canBrowseOffer, ensure } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Accessibility, EventCategory } from "@/lib/generated/prisma/enums";
import { dateRange, PAGE_SIZE, type CatalogFilters } from "./filters";

export interface SessionCard {
  sessionId: string;
  startsAt: Date;
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
  placesLeft: number;
  waitlistLength: number;
  bookingOpen: boolean;
}

export interface CatalogPage {
  items: SessionCard[];
  total: number;
  page: number;
  pageCount: number;
}

const FOLD_FROM = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæ";
const FOLD_TO = "aaaaaaceeeeiiiinooooouuuuyyoa";
const fold = (text: string) => text.toLowerCase().replace(/[^a-z0-9\s]/g, (c) => FOLD_TO[FOLD_FROM.indexOf(c)] ?? c);

export async function searchSessions(actor: Actor, filters: CatalogFilters, { now = new Date(), pageSize = PAGE_SIZE } = {}): Promise<CatalogPage> {
  ensure(canBrowseOffer(actor), "Connectez-vous pour voir l'offre.");
  const { from, to } = dateRange(filters, now);
  const where: Prisma.Sql[] = [
    Prisma.sql`s."status" = 'SCHEDULED' AND e."status" = 'PUBLISHED' AND s."startsAt" >= ${from}`,
  ];
  if (to) where.push(Prisma.sql`s."startsAt" < ${to}`);
  if (filters.categorie.length) where.push(Prisma.sql`e."category"::text = ANY(${filters.categorie})`);
  // An accessibility need is met by the event (a signed performance) or by the venue (step-free access).
  for (const access of filters.acces) {
    where.push(Prisma.sql`(${access}::"Accessibility" = ANY(e."accessibility") OR ${access}::"Accessibility" = ANY(v."accessibility"))`);
  }
  if (filters.ville) where.push(Prisma.sql`lower(v."city") = lower(${filters.ville})`);
  if (filters.quartier) where.push(Prisma.sql`lower(v."area") = lower(${filters.quartier})`);
  if (filters.places) {
    where.push(Prisma.sql`s."confirmedPlaces" < s."capacity" AND (s."bookingClosesAt" IS NULL OR s."bookingClosesAt" > ${now})`);
    where.push(Prisma.sql`s."closedAt" IS NULL AND (s."bookingOpensAt" IS NULL OR s."bookingOpensAt" <= ${now})`);
  }
  if (filters.q) {
    const pattern = `%${fold(filters.q).replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    const folded = (column: Prisma.Sql) => Prisma.sql`translate(lower(${column}), ${FOLD_FROM}, ${FOLD_TO})`;
    where.push(
      Prisma.sql`(${folded(Prisma.sql`e."title"`)} LIKE ${pattern} OR ${folded(Prisma.sql`v."name"`)} LIKE ${pattern}
                  OR ${folded(Prisma.sql`e."description"`)} LIKE ${pattern} OR ${folded(Prisma.sql`v."city"`)} LIKE ${pattern})`,
    );
  }
  const offset = (filters.page - 1) * pageSize;
  const rows = await getPrisma().$queryRaw<(Omit<SessionCard, "bookingOpen"> & { total: number; closesAt: Date; opensAt: Date | null; closedAt: Date | null })[]>`
    SELECT s."id"::text AS "sessionId", s."startsAt", e."id"::text AS "eventId", e."title", e."category"::text AS "category",
           e."minAge", e."accessibility"::text[] AS "accessibility", (i."eventId" IS NOT NULL) AS "hasImage", e."imageAlt",
           v."name" AS "venueName", v."city", v."area",
           greatest(s."capacity" - s."confirmedPlaces", 0) AS "placesLeft", s."waitlistedBookings" AS "waitlistLength",
           coalesce(s."bookingClosesAt", s."startsAt") AS "closesAt", s."bookingOpensAt" AS "opensAt", s."closedAt",
           count(*) OVER ()::int AS "total"
    FROM "Session" s
    JOIN "Event" e ON e."id" = s."eventId"
    JOIN "Venue" v ON v."id" = e."venueId"
    LEFT JOIN "EventImage" i ON i."eventId" = e."id"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY s."startsAt", e."title", s."id"
    LIMIT ${pageSize} OFFSET ${offset}`;

  const total = rows[0]?.total ?? (offset > 0 ? await countOnly(where) : 0);
  return {
    items: rows.map(({ closesAt, opensAt, closedAt, ...row }) => ({
      ...withoutTotal(row),
      bookingOpen: !closedAt && closesAt > now && (!opensAt || opensAt <= now),
    })),
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}

/** A page past the end has no row to carry the total: count it alone, so the pager can go back. */
async function countOnly(where: Prisma.Sql[]): Promise<number> {
  const [row] = await getPrisma().$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS "total" FROM "Session" s JOIN "Event" e ON e."id" = s."eventId" JOIN "Venue" v ON v."id" = e."venueId"
    WHERE ${Prisma.join(where, " AND ")}`;
  return row?.total ?? 0;
}

/** Towns and areas that have upcoming sessions, for the filter's choices. */
export async function catalogPlaces(actor: Actor, { now = new Date() } = {}): Promise<{ city: string; areas: string[] }[]> {
  ensure(canBrowseOffer(actor), "Connectez-vous pour voir l'offre.");
  const rows = await getPrisma().$queryRaw<{ city: string; areas: string[] }[]>`
    SELECT v."city", coalesce(array_agg(DISTINCT v."area") FILTER (WHERE v."area" IS NOT NULL), '{}') AS "areas"
    FROM "Venue" v
    WHERE EXISTS (SELECT 1 FROM "Event" e JOIN "Session" s ON s."eventId" = e."id"
                  WHERE e."venueId" = v."id" AND e."status" = 'PUBLISHED' AND s."status" = 'SCHEDULED' AND s."startsAt" >= ${now})
    GROUP BY v."city" ORDER BY v."city"`;
  return rows.map((row) => ({ city: row.city, areas: [...row.areas].sort((a, b) => a.localeCompare(b, "fr")) }));
}

function withoutTotal<T extends { total: number }>(row: T): Omit<T, "total"> {
  const copy: Partial<T> = { ...row };
  delete copy.total;
  return copy as Omit<T, "total">;
}
