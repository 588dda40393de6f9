// What the statistics page and its exports show for a period: a season (its figures as the job last
// computed them) or any range of days (computed when asked), with the same period a year before to
// compare, and the names of the venues its rows are about. The association's team only.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { ensure, isAdmin } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { differenceInCalendarDays, parseISO, subYears } from "date-fns";
import { inParis, parisDate, parisDaysBefore, parisTime, seasonOf } from "@/lib/time";
import { urlFilter } from "@/lib/validation";
import { fromUrl, type SearchParams } from "@/lib/lists";
import { computeFigures, DIMENSIONS, seasonFigures, withData, type Dimension, type FigureRow } from "./figures";
import { BREAKDOWN_TABLES, PERIOD_WORDS, rowsOf, type BreakdownTable } from "./tables";

export { PERIOD_WORDS };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A range is at most this long: a longer one is better read season by season. */
export const MAX_RANGE_DAYS = 731;

/** The period (`?saison=2026`, or `?du=2026-09-01&au=2026-12-31`, days included), English fields: anything unreadable is dropped, never an error. */
export const periodFiltersSchema = z
  .object({
    season: urlFilter(z.coerce.number().int().min(2000).max(2100)),
    from: urlFilter(z.string().regex(DAY, "validation.invalid")),
    to: urlFilter(z.string().regex(DAY, "validation.invalid")),
    /** The breakdown the page shows (?repartition=lieux); the exports and the report ignore it. */
    breakdown: urlFilter(z.enum(BREAKDOWN_TABLES as [BreakdownTable, ...BreakdownTable[]])),
  })
  .transform((filters) => {
    // A range needs both ends, the second not before the first, and a reasonable length; anything else
    // falls back to the season.
    const { from, to } = filters;
    if (from && to && to >= from && days(from, to) <= MAX_RANGE_DAYS) return { ...filters, range: { from, to } };
    return { ...filters, range: null };
  });
export type PeriodFilters = z.output<typeof periodFiltersSchema>;

/** The period of a URL (its French words), for the page, its one-page report and its exports. */
export function readPeriodFilters(params: SearchParams): PeriodFilters {
  return periodFiltersSchema.parse(fromUrl(PERIOD_WORDS, params));
}

/** Days in the range, both ends included. */
function days(from: string, to: string): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from)) + 1;
}

/** The same day a year before ("2028-02-29" → "2027-02-28"). */
function yearBefore(day: string): string {
  return parisDate(subYears(inParis(parisTime(day)), 1));
}

/** From the first day's Paris midnight to the midnight after the last day. */
const rangeOf = (from: string, to: string) => ({ from: parisTime(from), to: parisDaysBefore(parisTime(to), -1) });

export interface StatisticsReport {
  /** The season shown, or null for a range of days. */
  season: number | null;
  range: { from: string; to: string } | null;
  current: FigureRow[];
  /** The period before: its totals only (what the page compares). */
  previous: FigureRow[];
  /** How many rows each dimension has in all, when `current` holds the first ones only. */
  counts: Partial<Record<Dimension, number>>;
  /** When the season's figures were computed; null for a range (computed now). */
  computedAt: Date | null;
  venues: Map<string, { name: string; city: string }>;
}

/**
 * The figures of the period and the totals of the period before. `perDimension`: the first rows of each
 * breakdown only (the page shows 25; an export wants them all). `dimensions`: these breakdowns only (with
 * the totals, always there): the page shows one breakdown at a time, an export one table.
 */
export async function statisticsReport(
  actor: Actor,
  filters: PeriodFilters,
  { now = new Date(), perDimension, dimensions }: { now?: Date; perDimension?: number; dimensions?: Dimension[] } = {},
): Promise<StatisticsReport> {
  ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");
  let report: Omit<StatisticsReport, "venues">;
  if (filters.range) {
    const { from, to } = filters.range;
    const [all, before] = await Promise.all([computeFigures(rangeOf(from, to), { now }), computeFigures(rangeOf(yearBefore(from), yearBefore(to)), { now })]);
    const counts: Partial<Record<Dimension, number>> = {};
    for (const row of all) counts[row.dimension] = (counts[row.dimension] ?? 0) + 1;
    const kept = dimensions ? DIMENSIONS.filter((dimension) => dimension === "total" || dimensions.includes(dimension)) : DIMENSIONS;
    const current = kept.flatMap((dimension) => rowsOf(all, dimension).slice(0, perDimension));
    report = {
      season: null,
      range: filters.range,
      current,
      previous: before.filter((row) => row.dimension === "total" && withData(row)),
      counts,
      computedAt: null,
    };
  } else {
    const season = filters.season ?? seasonOf(now);
    const [current, previous] = await Promise.all([
      seasonFigures(actor, season, { now, perDimension, dimensions: dimensions && ["total", ...dimensions.filter((dimension) => dimension !== "total")] }),
      seasonFigures(actor, season - 1, { now, dimensions: ["total"] }),
    ]);
    // A season with nothing recorded is no period to compare with (withData).
    report = {
      season,
      range: null,
      current: current.rows,
      previous: previous.rows.filter((row) => withData(row)),
      counts: current.counts,
      computedAt: current.computedAt,
    };
  }
  const venueIds = report.current.filter((row) => row.dimension === "venue").map((row) => row.key);
  // One array parameter: the venue table's export names 1,500 venues at national scale, which Prisma's
  // `in` sent as 1,500 parameters.
  const venues = venueIds.length
    ? await getPrisma().$queryRaw<
        { id: string; name: string; city: string }[]
      >`SELECT v."id"::text AS "id", v."name", v."city" FROM "Venue" v WHERE v."id" = ANY(${venueIds}::uuid[])`
    : [];
  return { ...report, venues: new Map(venues.map((venue) => [venue.id, { name: venue.name, city: venue.city }])) };
}

/** The seasons offered in the page's choice: from the first booked to the one under way. */
export async function reportSeasons(actor: Actor, { now = new Date() } = {}): Promise<number[]> {
  ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");
  const current = seasonOf(now);
  const [first] = await getPrisma().$queryRaw<{ season: number | null }[]>`SELECT min("season") AS "season" FROM "BookingFact"`;
  const from = Math.min(first?.season ?? current, current);
  return Array.from({ length: current - from + 1 }, (_, index) => current - index);
}
