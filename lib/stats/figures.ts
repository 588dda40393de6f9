// Statistics for funders, the general assembly, venues and structures (issue 15, decision 011). No names,
// ever: the figures read each booking's facts (BookingFact: its season, month, venue, category, and the
// structure's sector, town and area, recorded by the database when the booking was made) and its guests'
// statistics keys (BookingGuest.personKey), so that later edits and the retention policy leave past
// figures as they were. A season's figures are computed by the job "stats-refresh" into StatsFigure and
// read from there; any other range of dates is computed when asked.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { ensure, isAdmin } from "@/lib/auth/permissions";
import { getPool, getPrisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { parse } from "@/lib/validation";
import { seasonOf, seasonRange, type DateRange } from "@/lib/time";
import { z } from "zod";

export const DIMENSIONS = ["total", "sector", "venue", "category", "town", "area", "month", "need", "french"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Places (one place, one guest) unless said. */
export interface Figures {
  /** Places declared on the sessions; null where the offer has no such dimension (a sector, a need). */
  offered: number | null;
  requested: number;
  confirmed: number;
  attended: number;
  noShows: number;
  cancelledByPartner: number;
  cancelledByVenue: number;
  cancelledByAssociation: number;
  sessionCancelled: number;
  expired: number;
  withdrawn: number;
  /** Bookings confirmed by moving up a waitlist. */
  promotions: number;
  /** Places of past sessions left unconfirmed; null as offered. */
  unused: number | null;
  /** Distinct people supported with a confirmed place. */
  people: number;
  /** Distinct structures with a confirmed place. */
  structures: number;
  companions: number;
}

export type FigureRow = Figures & { dimension: Dimension; key: string };

/**
 * A period in which nothing was offered nor asked for has no figures to compare with (issue 29.11): funders
 * read "0 la période précédente" where the platform simply had no data. Null then; the pages and the
 * printed report say "pas de données" and leave the comparison out.
 */
export function withData<T extends Figures>(row: T | null | undefined): T | null {
  if (!row) return null;
  return FIGURE_NAMES.some((name) => (row[name] ?? 0) !== 0) ? row : null;
}

export const FIGURE_NAMES = [
  "offered",
  "requested",
  "confirmed",
  "attended",
  "noShows",
  "cancelledByPartner",
  "cancelledByVenue",
  "cancelledByAssociation",
  "sessionCancelled",
  "expired",
  "withdrawn",
  "promotions",
  "unused",
  "people",
  "structures",
  "companions",
] as const satisfies readonly (keyof Figures)[];

const ZERO: Figures = Object.fromEntries(FIGURE_NAMES.map((name) => [name, name === "offered" || name === "unused" ? null : 0])) as unknown as Figures;

type Counts = Omit<Figures, "offered" | "unused">;
type BookedRow = Counts & { g: number } & Record<GroupKey, string | null>;
type GroupKey = "sector" | "venue" | "category" | "town" | "area" | "month";

/** A season as the functions here take it: the year it starts, checked (a bad one is a clear refusal). */
export function seasonNumber(season: unknown): number {
  return parse(z.object({ season: z.number("validation.invalid").int("validation.invalid").min(2000, "validation.invalid").max(2100, "validation.invalid") }), {
    season,
  }).season;
}

/** Which bookings a computation covers: every one (the association), or one venue's, or one structure's. */
export type Scope = { venueId?: string; partnerId?: string };

/**
 * Every dimension's figures over the bookings whose session starts within `range`, in one pass over their
 * guests (GROUPING SETS), and the offer of the sessions in the same range.
 */
export async function computeFigures(range: DateRange, { now = new Date(), scope = {} }: { now?: Date; scope?: Scope } = {}): Promise<FigureRow[]> {
  const prisma = getPrisma();
  const factScope = Prisma.sql`${scope.venueId ? Prisma.sql`AND f."venueId" = ${scope.venueId}::uuid` : Prisma.empty} ${scope.partnerId ? Prisma.sql`AND f."partnerId" = ${scope.partnerId}::uuid` : Prisma.empty}`;
  const [booked, needs, french, offer] = await Promise.all([
    prisma.$queryRaw<BookedRow[]>`
      WITH g AS (
        SELECT f."bookingId", f."partnerId", f."venueId"::text AS venue, f."sector"::text AS sector, f."category"::text AS category,
               coalesce(f."partnerCity", '') AS town, coalesce(f."partnerArea", '') AS area, to_char(f."month", 'YYYY-MM') AS month,
               b."status", b."cancelReason", b."promotedAt" IS NOT NULL AS promoted,
               gu."kind", gu."personKey", gu."attendance", gu."cancelledAt" IS NOT NULL AS gone,
               (b."status" = 'CONFIRMED' AND gu."cancelledAt" IS NULL) AS placed
        FROM "BookingFact" f
        JOIN "Booking" b ON b."id" = f."bookingId"
        JOIN "BookingGuest" gu ON gu."bookingId" = b."id"
        WHERE f."sessionStartsAt" >= ${range.from} AND f."sessionStartsAt" < ${range.to} ${factScope}
      )
      SELECT GROUPING(sector, venue, category, town, area, month)::int AS g, sector, venue, category, town, area, month,
             ${MEASURES}
      FROM g
      GROUP BY GROUPING SETS ((), (sector), (venue), (category), (town), (town, area), (month))`,
    prisma.$queryRaw<(Counts & { key: string })[]>`
      SELECT n::text AS key, ${MEASURES}
      FROM (
        SELECT f."bookingId", f."partnerId", b."status", b."cancelReason", b."promotedAt" IS NOT NULL AS promoted,
               gu."kind", gu."personKey", gu."attendance", gu."cancelledAt" IS NOT NULL AS gone, gu."needs",
               (b."status" = 'CONFIRMED' AND gu."cancelledAt" IS NULL) AS placed
        FROM "BookingFact" f
        JOIN "Booking" b ON b."id" = f."bookingId"
        JOIN "BookingGuest" gu ON gu."bookingId" = b."id"
        WHERE f."sessionStartsAt" >= ${range.from} AND f."sessionStartsAt" < ${range.to} ${factScope} AND cardinality(gu."needs") > 0
      ) g, unnest(g."needs") n
      GROUP BY n`,
    // Issue 34.4: how much French the events asked, as recorded with each booking (FRENCH, NONE, SURTITLED, OTHER_LANGUAGE).
    prisma.$queryRaw<(Counts & { key: string })[]>`
      SELECT key, ${MEASURES}
      FROM (
        SELECT f."frenchNeed"::text AS key, f."bookingId", f."partnerId", b."status", b."cancelReason", b."promotedAt" IS NOT NULL AS promoted,
               gu."kind", gu."personKey", gu."attendance", gu."cancelledAt" IS NOT NULL AS gone,
               (b."status" = 'CONFIRMED' AND gu."cancelledAt" IS NULL) AS placed
        FROM "BookingFact" f
        JOIN "Booking" b ON b."id" = f."bookingId"
        JOIN "BookingGuest" gu ON gu."bookingId" = b."id"
        WHERE f."sessionStartsAt" >= ${range.from} AND f."sessionStartsAt" < ${range.to} ${factScope}
      ) g
      GROUP BY key`,
    // The offer: places declared on the scheduled sessions of published (or since cancelled) events. A
    // structure's statistics have none: the offer is not made to one structure.
    scope.partnerId
      ? Promise.resolve([])
      : prisma.$queryRaw<{ g: number; venue: string | null; category: string | null; month: string | null; offered: number; unused: number }[]>`
          SELECT GROUPING(venue, category, month)::int AS g, venue, category, month,
                 sum(capacity)::int AS offered, coalesce(sum(greatest(capacity - "confirmedPlaces", 0)) FILTER (WHERE "startsAt" < ${now}), 0)::int AS unused
          FROM (
            SELECT e."venueId"::text AS venue, e."category"::text AS category,
                   to_char(date_trunc('month', s."startsAt" AT TIME ZONE 'Europe/Paris'), 'YYYY-MM') AS month,
                   s."capacity", s."confirmedPlaces", s."startsAt"
            FROM "Session" s JOIN "Event" e ON e."id" = s."eventId"
            WHERE s."status" = 'SCHEDULED' AND e."status" <> 'DRAFT' AND s."startsAt" >= ${range.from} AND s."startsAt" < ${range.to}
              ${scope.venueId ? Prisma.sql`AND e."venueId" = ${scope.venueId}::uuid` : Prisma.empty}
          ) o
          GROUP BY GROUPING SETS ((), (venue), (category), (month))`,
  ]);

  const rows = new Map<string, FigureRow>();
  const at = (dimension: Dimension, key: string) => {
    const id = `${dimension}\u0000${key}`;
    let row = rows.get(id);
    if (!row) rows.set(id, (row = { ...ZERO, dimension, key }));
    return row;
  };
  for (const { g, sector, venue, category, town, area, month, ...figures } of booked) {
    const [dimension, key] = groupOf(g, { sector, venue, category, town, area, month });
    Object.assign(at(dimension, key), pickCounts(figures));
  }
  for (const { key, ...figures } of needs) Object.assign(at("need", key), pickCounts(figures));
  for (const { key, ...figures } of french) Object.assign(at("french", key), pickCounts(figures));
  for (const { g, venue, category, month, offered, unused } of offer) {
    // GROUPING() bits, highest first: venue, category, month (1 = not grouped by it).
    const [dimension, key]: [Dimension, string] = g === 7 ? ["total", ""] : g === 3 ? ["venue", venue!] : g === 5 ? ["category", category!] : ["month", month!];
    Object.assign(at(dimension, key), { offered, unused });
  }
  // Dimensions of the offer with nothing booked still show their places; the total always exists.
  at("total", "");
  if (!scope.partnerId) {
    for (const row of rows.values()) {
      if (["total", "venue", "category", "month"].includes(row.dimension)) {
        row.offered ??= 0;
        row.unused ??= 0;
      }
    }
  }
  return [...rows.values()];
}

/** The measures, the same for every grouping. `placed`: a guest holding a confirmed place. */
const MEASURES = Prisma.sql`
  count(*)::int AS "requested",
  count(*) FILTER (WHERE placed)::int AS "confirmed",
  count(*) FILTER (WHERE placed AND "attendance" = 'ATTENDED')::int AS "attended",
  count(*) FILTER (WHERE placed AND "attendance" = 'NO_SHOW')::int AS "noShows",
  count(*) FILTER (WHERE "status" = 'CANCELLED' AND "cancelReason" = 'PARTNER')::int AS "cancelledByPartner",
  count(*) FILTER (WHERE "status" = 'CANCELLED' AND "cancelReason" = 'VENUE')::int AS "cancelledByVenue",
  count(*) FILTER (WHERE "status" = 'CANCELLED' AND "cancelReason" = 'ASSOCIATION')::int AS "cancelledByAssociation",
  count(*) FILTER (WHERE "status" = 'CANCELLED' AND "cancelReason" = 'SESSION_CANCELLED')::int AS "sessionCancelled",
  count(*) FILTER (WHERE "status" = 'CANCELLED' AND "cancelReason" = 'EXPIRED')::int AS "expired",
  count(*) FILTER (WHERE gone AND "status" <> 'CANCELLED')::int AS "withdrawn",
  count(DISTINCT "bookingId") FILTER (WHERE promoted)::int AS "promotions",
  count(DISTINCT "personKey") FILTER (WHERE placed AND "kind" = 'MAIN')::int AS "people",
  count(DISTINCT "partnerId") FILTER (WHERE placed)::int AS "structures",
  count(*) FILTER (WHERE placed AND "kind" <> 'MAIN')::int AS "companions"`;

const COUNT_NAMES = FIGURE_NAMES.filter((name) => name !== "offered" && name !== "unused");
function pickCounts(figures: Partial<Counts>): Partial<Figures> {
  return Object.fromEntries(COUNT_NAMES.map((name) => [name, figures[name] ?? 0]));
}

/** Which grouping set a row of the bookings' query belongs to, from its GROUPING() bits (highest first:
 * sector, venue, category, town, area, month; 1 = not grouped by it). */
function groupOf(g: number, keys: Record<GroupKey, string | null>): [Dimension, string] {
  switch (g) {
    case 0b111111:
      return ["total", ""];
    case 0b011111:
      return ["sector", keys.sector!];
    case 0b101111:
      return ["venue", keys.venue!];
    case 0b110111:
      return ["category", keys.category!];
    case 0b111011:
      return ["town", keys.town!];
    case 0b111001:
      return ["area", `${keys.town}|${keys.area}`];
    case 0b111110:
      return ["month", keys.month!];
    default:
      throw new Error(`Groupement inattendu : ${g}`);
  }
}

/**
 * Recomputes a season's figures into StatsFigure (the job "stats-refresh"), written in one transaction.
 * One refresh of a season at a time, across servers (a session advisory lock on a connection of its own):
 * two at once both deleted then both wrote, and the second failed on the table's key. `onlyIfMissing`
 * (a first view): once the lock is held, figures another server wrote meanwhile are kept, not recomputed.
 */
export async function refreshSeasonFigures(season: number, { now = new Date(), onlyIfMissing = false } = {}): Promise<number> {
  const lock = await getPool().connect();
  let broken: Error | undefined;
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtextextended('stats-refresh:' || $1::text, 0))`, [season]);
    if (onlyIfMissing) {
      const stored = await getPrisma().statsFigure.count({ where: { season } });
      if (stored) return stored;
    }
    const rows = await computeFigures(seasonRange(season), { now });
    await getPrisma().$transaction([
      getPrisma().statsFigure.deleteMany({ where: { season } }),
      getPrisma().statsFigure.createMany({ data: rows.map((row) => ({ ...row, season, computedAt: now })) }),
    ]);
    return rows.length;
  } finally {
    await lock.query(`SELECT pg_advisory_unlock(hashtextextended('stats-refresh:' || $1::text, 0))`, [season]).catch((error: Error) => (broken = error));
    lock.release(broken);
  }
}

/** The first views of a season on this server share one computation (each would hold a connection waiting). */
const firstViews = new Map<number, Promise<number>>();

function computeOnFirstView(season: number, now: Date): Promise<number> {
  let pending = firstViews.get(season);
  if (!pending) {
    pending = refreshSeasonFigures(season, { now, onlyIfMissing: true }).finally(() => firstViews.delete(season));
    firstViews.set(season, pending);
  }
  return pending;
}

/** The seasons the job keeps fresh: the one under way and the one before (attendance comes in late). */
export function seasonsToRefresh(now: Date): number[] {
  const current = seasonOf(now);
  return [current, current - 1];
}

export interface SeasonFigures {
  season: number;
  computedAt: Date | null;
  rows: FigureRow[];
  /** How many rows each dimension has in all (more than `rows` holds when read with a limit). */
  counts: Partial<Record<Dimension, number>>;
}

/**
 * A season's figures as last computed (computed now if they never were: a season nobody asked for yet),
 * for the association only. `perDimension`: the first rows of each dimension only, in the order the
 * pages show them (months in order, the rest by confirmed places): a national network has a thousand
 * venues, and a page shows the first 25. `dimensions`: only those.
 */
export async function seasonFigures(
  actor: Actor,
  season: number,
  { now = new Date(), perDimension, dimensions }: { now?: Date; perDimension?: number; dimensions?: Dimension[] } = {},
): Promise<SeasonFigures> {
  ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");
  season = seasonNumber(season);
  const read = () => getPrisma().$queryRaw<(FigureRow & { computedAt: Date; of: number })[]>`
    SELECT * FROM (
      SELECT f."dimension", f."key", f."offered", f."requested", f."confirmed", f."attended", f."noShows", f."cancelledByPartner",
             f."cancelledByVenue", f."cancelledByAssociation", f."sessionCancelled", f."expired", f."withdrawn", f."promotions",
             f."unused", f."people", f."structures", f."companions", f."computedAt",
             row_number() OVER (PARTITION BY f."dimension" ORDER BY CASE WHEN f."dimension" = 'month' THEN f."key" END, f."confirmed" DESC, f."key") AS rank,
             (count(*) OVER (PARTITION BY f."dimension"))::int AS "of"
      FROM "StatsFigure" f
      WHERE f."season" = ${season} ${dimensions ? Prisma.sql`AND f."dimension" = ANY(${dimensions})` : Prisma.empty}
    ) ranked
    WHERE ${perDimension === undefined ? Prisma.sql`TRUE` : Prisma.sql`rank <= ${perDimension}`}`;
  let stored = await read();
  // Nothing read: never computed, or being written by another view (read again once it is: counting
  // first, then reading, could see the rows appear in between and show nothing).
  if (!stored.length) {
    await computeOnFirstView(season, now);
    stored = await read();
  }
  const counts: Partial<Record<Dimension, number>> = {};
  const rows = stored.map((read) => {
    counts[read.dimension] = read.of;
    const row: Partial<typeof read & { rank: bigint }> = { ...read };
    delete row.computedAt;
    delete row.of;
    delete row.rank;
    return row as FigureRow;
  });
  return { season, computedAt: stored[0]?.computedAt ?? null, rows, counts };
}

/** Any range of days's figures, computed when asked (the association only). */
export async function rangeFigures(actor: Actor, range: DateRange, { now = new Date() } = {}): Promise<FigureRow[]> {
  ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");
  return computeFigures(range, { now });
}

/**
 * When a season's figures were last computed (null: never), for the association only: an export of the
 * season is the same file until then, so it may be kept (app/admin/statistiques/export, lib/stats/export-cache.ts).
 */
export async function seasonComputedAt(actor: Actor, season: number): Promise<Date | null> {
  ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");
  const [row] = await getPrisma().$queryRaw<
    { at: Date | null }[]
  >`SELECT max("computedAt") AS "at" FROM "StatsFigure" WHERE "season" = ${seasonNumber(season)}`;
  return row?.at ?? null;
}
