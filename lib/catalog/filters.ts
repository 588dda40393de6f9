// The catalog's filters, as they travel in the URL (so a search can be shared): short French keys,
// every one optional, anything unreadable dropped rather than refused (a shared link must never break).
import { addDays, endOfMonth, startOfDay } from "date-fns";
import { z } from "zod";
import { inParis, nextParisDay, parisTime } from "@/lib/time";
import { cleanLine } from "@/lib/validation";
import { Accessibility, EventCategory } from "@/lib/generated/prisma/enums";

/**
 * The spans a search can cover (issue 29): today, the weekend (the coming one, or this one while it lasts),
 * the next seven days, one chosen day (`du`), the month, two dates, or everything. A person looking on a
 * Sunday for "this weekend" must find today's outings: a span never ends before it starts.
 */
export const WHEN = ["aujourdhui", "weekend", "semaine", "jour", "mois", "dates", "tout"] as const;
export type When = (typeof WHEN)[number];
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

export const catalogFiltersSchema = z
  .object({
    quand: lenient(z.enum(WHEN)),
    du: lenient(day),
    au: lenient(day),
    // Own keys only: "toString" is in every object, and is no category.
    categorie: z.preprocess(
      many,
      z.array(z.string()).transform((list) => list.filter((c): c is EventCategory => Object.hasOwn(EventCategory, c))),
    ),
    acces: z.preprocess(
      many,
      z.array(z.string()).transform((list) => list.filter((a): a is Accessibility => Object.hasOwn(Accessibility, a))),
    ),
    ville: lenient(text(80)),
    quartier: lenient(text(80)),
    places: z.preprocess(one, z.literal("1").optional().catch(undefined)).transform((value) => value === "1"),
    // Issue 34.4: events one can follow without French (none needed, surtitled, or in another language).
    "sans-francais": z.preprocess(one, z.literal("1").optional().catch(undefined)).transform((value) => value === "1"),
    q: lenient(text(100)),
    page: z.preprocess(one, z.coerce.number().int().min(1).max(10_000).catch(1)).default(1),
  })
  .transform(({ "sans-francais": withoutFrench, ...filters }) => ({ ...filters, withoutFrench }));

export type CatalogFilters = z.output<typeof catalogFiltersSchema>;

/** Reads the URL's search parameters (Next's `searchParams` or a URLSearchParams). */
export function readCatalogFilters(params: Record<string, string | string[] | undefined> | URLSearchParams): CatalogFilters {
  const record =
    params instanceof URLSearchParams
      ? Object.fromEntries([...new Set(params.keys())].map((key) => [key, params.getAll(key).length > 1 ? params.getAll(key) : params.get(key)!]))
      : params;
  const filters = catalogFiltersSchema.parse(record);
  // Dates typed in without choosing "between two dates" still mean a range.
  if ((!filters.quand || filters.quand === "tout") && (filters.du || filters.au)) filters.quand = "dates";
  return filters;
}

/** Writes filters back into a query string, leaving out defaults, for links and pagination. */
export function catalogQuery(filters: Partial<CatalogFilters>): string {
  const params = new URLSearchParams();
  if (filters.quand) params.set("quand", filters.quand);
  if (filters.quand === "dates" || filters.quand === "jour") {
    if (filters.du) params.set("du", filters.du);
    if (filters.au && filters.quand === "dates") params.set("au", filters.au);
  }
  for (const category of filters.categorie ?? []) params.append("categorie", category);
  for (const access of filters.acces ?? []) params.append("acces", access);
  if (filters.ville) params.set("ville", filters.ville);
  if (filters.quartier) params.set("quartier", filters.quartier);
  if (filters.places) params.set("places", "1");
  if (filters.withoutFrench) params.set("sans-francais", "1");
  if (filters.q) params.set("q", filters.q);
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** How many filters narrow the search (shown on the phone's "Filtrer (3)" button); the page is none. */
export function activeFilterCount(filters: CatalogFilters): number {
  const when = filters.quand && filters.quand !== "tout" ? 1 : 0;
  const single = [filters.ville, filters.quartier, filters.q, filters.places, filters.withoutFrench].filter(Boolean).length;
  return when + filters.categorie.length + filters.acces.length + single;
}

/** The dates a filter covers, in Paris time: from now (never the past) to the end of the chosen span. */
export function dateRange(filters: Pick<CatalogFilters, "quand" | "du" | "au">, now: Date): { from: Date; to: Date | null } {
  const today = startOfDay(inParis(now));
  switch (filters.quand) {
    case "aujourdhui":
      return { from: now, to: nextParisDay(now) };
    case "weekend": {
      // Saturday and Sunday; on either of them, what is left of this one (getDay: 0 is Sunday).
      const weekday = today.getDay();
      const saturday = weekday === 0 ? addDays(today, -1) : addDays(today, 6 - weekday);
      const from = new Date(saturday.getTime());
      return { from: from > now ? from : now, to: new Date(addDays(saturday, 2).getTime()) };
    }
    case "semaine":
      // The next seven days, today included: on a Sunday, "this week" is not over.
      return { from: now, to: new Date(addDays(today, 7).getTime()) };
    case "jour": {
      const day = filters.du ? inParis(parisTime(filters.du)) : today;
      const from = new Date(day.getTime());
      return { from: from > now ? from : now, to: new Date(addDays(day, 1).getTime()) };
    }
    case "mois":
      return { from: now, to: new Date(endOfMonth(today).getTime()) };
    case "dates": {
      const from = filters.du ? parisTime(filters.du) : null;
      const to = filters.au ? addDays(inParis(parisTime(filters.au)), 1) : null;
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
  filters: Pick<CatalogFilters, "ville" | "quartier">,
): { town: string | undefined; areas: string[] } {
  const town = filters.ville?.toLowerCase() ?? (places.length === 1 ? places[0]!.city.toLowerCase() : undefined);
  const townAreas = town ? (places.find((place) => place.city.toLowerCase() === town)?.areas ?? []) : [];
  return { town, areas: filters.quartier && !townAreas.includes(filters.quartier) ? [filters.quartier, ...townAreas] : townAreas };
}
