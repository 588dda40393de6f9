// The catalog's filters. They travel in the URL (so a search can be shared or bookmarked) under short French
// words, written once in CATALOG_WORDS and WHEN_WORDS and read only here (issue 28.5, lib/lists.ts): lib and
// the components see English fields. Every one is optional, anything unreadable dropped rather than refused
// (a shared link must never break).
import { addDays, endOfMonth, startOfDay } from "date-fns";
import { z } from "zod";
import { fromUrl, toUrl, type SearchParams } from "@/lib/lists";
import { inParis, nextParisDay, parisTime } from "@/lib/time";
import { cleanLine } from "@/lib/validation";
import { Accessibility, EventCategory } from "@/lib/generated/prisma/enums";

/**
 * The spans a search can cover (issue 29): today, the weekend (the coming one, or this one while it lasts),
 * the next seven days, one chosen day (`fromDay`), the month, two dates, or everything. A person looking on a
 * Sunday for "this weekend" must find today's outings: a span never ends before it starts.
 */
export const WHEN = ["today", "weekend", "week", "day", "month", "dates", "all"] as const;
export type When = (typeof WHEN)[number];

/** Each span's word in the URL (`?quand=semaine`). */
export const WHEN_WORDS = {
  today: "aujourdhui",
  weekend: "weekend",
  week: "semaine",
  day: "jour",
  month: "mois",
  dates: "dates",
  all: "tout",
} as const satisfies Record<When, string>;

/** Each filter's word in the URL, in the order links write them. */
export const CATALOG_WORDS = {
  when: { word: "quand", values: WHEN_WORDS },
  fromDay: "du",
  toDay: "au",
  categories: "categorie",
  access: "acces",
  town: "ville",
  area: "quartier",
  withPlaces: "places",
  withoutFrench: "sans-francais",
  text: "q",
  page: "page",
} as const;

/**
 * Events per page of the catalog (one card each, whatever their number of sessions). 12 fill two or three
 * columns evenly; 20 cards made a 130 kB page whose rendering kept the catalogue above its time at 16
 * clients (issue 14).
 */
export const PAGE_SIZE = 12;

const one = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const many = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : String(value).split(","));
const lenient = <T extends z.ZodType>(schema: T) => z.preprocess(one, schema.optional().catch(undefined));
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** Text typed in a search box, cleaned as any text is (no NUL byte, no invisible characters). */
const text = (max: number) => z.string().transform(cleanLine).pipe(z.string().min(1).max(max));

/** The filters under their English fields (what `fromUrl` gives from the URL). */
export const catalogFiltersSchema = z.object({
  when: lenient(z.enum(WHEN)),
  fromDay: lenient(day),
  toDay: lenient(day),
  // Own keys only: "toString" is in every object, and is no category.
  categories: z.preprocess(
    many,
    z.array(z.string()).transform((list) => list.filter((c): c is EventCategory => Object.hasOwn(EventCategory, c))),
  ),
  access: z.preprocess(
    many,
    z.array(z.string()).transform((list) => list.filter((a): a is Accessibility => Object.hasOwn(Accessibility, a))),
  ),
  town: lenient(text(80)),
  area: lenient(text(80)),
  withPlaces: z.preprocess(one, z.literal("1").optional().catch(undefined)).transform((value) => value === "1"),
  // Issue 34.4: events one can follow without French (none needed, surtitled, or in another language).
  withoutFrench: z.preprocess(one, z.literal("1").optional().catch(undefined)).transform((value) => value === "1"),
  text: lenient(text(100)),
  page: z.preprocess(one, z.coerce.number().int().min(1).max(10_000).catch(1)).default(1),
});

export type CatalogFilters = z.output<typeof catalogFiltersSchema>;

/** Reads the URL's search parameters (Next's `searchParams` or a URLSearchParams), French words, into English filters. */
export function readCatalogFilters(params: SearchParams): CatalogFilters {
  const filters = catalogFiltersSchema.parse(fromUrl(CATALOG_WORDS, params));
  // Dates typed in without choosing "between two dates" still mean a range.
  if ((!filters.when || filters.when === "all") && (filters.fromDay || filters.toDay)) filters.when = "dates";
  return filters;
}

/** Writes filters back into a query string, French words, leaving out defaults, for links and pagination. */
export function catalogQuery(filters: Partial<CatalogFilters>): string {
  const { when } = filters;
  return toUrl(CATALOG_WORDS, {
    ...filters,
    fromDay: when === "dates" || when === "day" ? filters.fromDay : undefined,
    toDay: when === "dates" ? filters.toDay : undefined,
    page: filters.page && filters.page > 1 ? filters.page : undefined,
  });
}

/** How many filters narrow the search (shown on the phone's "Filtrer (3)" button); the page is none. */
export function activeFilterCount(filters: CatalogFilters): number {
  const when = filters.when && filters.when !== "all" ? 1 : 0;
  const single = [filters.town, filters.area, filters.text, filters.withPlaces, filters.withoutFrench].filter(Boolean).length;
  return when + filters.categories.length + filters.access.length + single;
}

/** The dates a filter covers, in Paris time: from now (never the past) to the end of the chosen span. */
export function dateRange(filters: Pick<CatalogFilters, "when" | "fromDay" | "toDay">, now: Date): { from: Date; to: Date | null } {
  const today = startOfDay(inParis(now));
  switch (filters.when) {
    case "today":
      return { from: now, to: nextParisDay(now) };
    case "weekend": {
      // Saturday and Sunday; on either of them, what is left of this one (getDay: 0 is Sunday).
      const weekday = today.getDay();
      const saturday = weekday === 0 ? addDays(today, -1) : addDays(today, 6 - weekday);
      const from = new Date(saturday.getTime());
      return { from: from > now ? from : now, to: new Date(addDays(saturday, 2).getTime()) };
    }
    case "week":
      // The next seven days, today included: on a Sunday, "this week" is not over.
      return { from: now, to: new Date(addDays(today, 7).getTime()) };
    case "day": {
      const day = filters.fromDay ? inParis(parisTime(filters.fromDay)) : today;
      const from = new Date(day.getTime());
      return { from: from > now ? from : now, to: new Date(addDays(day, 1).getTime()) };
    }
    case "month":
      return { from: now, to: new Date(endOfMonth(today).getTime()) };
    case "dates": {
      const from = filters.fromDay ? parisTime(filters.fromDay) : null;
      const to = filters.toDay ? addDays(inParis(parisTime(filters.toDay)), 1) : null;
      return { from: from && from > now ? from : now, to };
    }
    default:
      return { from: now, to: null };
  }
}

/**
 * The areas the filter offers: the chosen town's only (a national network has hundreds of areas, too many
 * for one list, and they were most of the filter's weight on every catalogue page). With one town in the
 * offer, its areas need no choice of town. An area asked in the URL stays shown. `town` is undefined when
 * a town must be chosen first.
 */
export function areaChoices(
  places: { city: string; areas: string[] }[],
  filters: Pick<CatalogFilters, "town" | "area">,
): { town: string | undefined; areas: string[] } {
  const town = filters.town?.toLowerCase() ?? (places.length === 1 ? places[0]!.city.toLowerCase() : undefined);
  const townAreas = town ? (places.find((place) => place.city.toLowerCase() === town)?.areas ?? []) : [];
  return { town, areas: filters.area && !townAreas.includes(filters.area) ? [filters.area, ...townAreas] : townAreas };
}
