// How lists are paged and sorted from the URL, one convention for all (issue 11; moved here from
// lib/association/sort.ts by issue 28.1, as auth, activities and the accounts page use it too), and how a
// list's French URL words become English fields at the edge (issue 28.5, below). `page`
// counts from 1. `tri` names a column from the list's own whitelist, `ordre` is `asc` or `desc`. Without
// `ordre` a column reads in its natural direction (names A→Z, the latest request first…); without `tri`
// the list keeps its default order. A value outside the whitelist is dropped, never an error: the list then shows its default order.
// Pure: the pages' sortable headers (components/sortable-header.tsx) read it too.
import { z } from "zod";
import { firstOf, urlFilter } from "@/lib/validation";

/** Rows to skip for page `page` (from a URL: anything odd is the first page, nothing beyond page 10,000). */
export function pageOffset(page: unknown, pageSize: number): number {
  const number = typeof page === "number" ? page : Number(page);
  return Number.isInteger(number) && number >= 1 ? (Math.min(number, 10_000) - 1) * pageSize : 0;
}

/** A page number from the URL: 1 unless it reads. */
export const urlPage = () => z.preprocess(firstOf, z.coerce.number().int().min(1).max(10_000).catch(1)).default(1);

export type Direction = "asc" | "desc";

/** `ordre` from the URL: asc, desc, or nothing (the column's natural direction). */
export const urlDirection = () => urlFilter(z.enum(["asc", "desc"]));

/** `tri` from the URL: one of the list's columns, or nothing. */
export const urlSort = <C extends string>(columns: Record<C, Direction>) => urlFilter(z.enum(Object.keys(columns) as [C, ...C[]]));

export interface Sort<C extends string = string> {
  column: C;
  direction: Direction;
}

/** The order asked for, or the list's default one (no column asked: a direction alone means nothing). */
export function sortOf<C extends string>(columns: Record<C, Direction>, fallback: C, sort: C | undefined, direction: Direction | undefined): Sort<C> {
  if (!sort) return { column: fallback, direction: columns[fallback] };
  return { column: sort, direction: direction ?? columns[sort] };
}

/** The sort and direction (`tri`, `ordre` in the URL) that ask for `column`: its natural direction first, the other one when it is already the order. */
export function sortParams<C extends string>(columns: Record<C, Direction>, current: Sort<C>, column: C): { sort: C; direction: Direction | undefined } {
  const natural = columns[column];
  const direction = current.column === column ? (current.direction === "asc" ? "desc" : "asc") : natural;
  return { sort: column, direction: direction === natural ? undefined : direction };
}

// ── URL words (issue 28.5) ──
// The URLs stay French (people bookmark and share them); the code speaks English. Each list writes once,
// next to it in lib/, the table of its URL words: the French word each English field travels under, and for
// a field whose values are words too (the catalog's "quand=semaine", a sort's "tri=nom") the word of each
// value. Its parser reads searchParams through `fromUrl` at the edge (the app/ page passes them on
// untouched), and its links are written back through `toUrl` or `urlParams`, by the same table. Past the
// parser nothing in lib/ sees a French word. The words every paged and sorted list shares: LIST_WORDS.

/** What a page receives: Next's `searchParams`, or a URLSearchParams. */
export type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** A field's word in the URL, and the words of its values when they are words. */
export type UrlWord = string | { word: string; values: Record<string, string> };

/** The words every paged and sorted list shares. */
export const LIST_WORDS = { page: "page", sort: "tri", direction: "ordre" } as const;

/** The French word of a field (for a form's `name`). */
export const wordOf = (word: UrlWord): string => (typeof word === "string" ? word : word.word);

function record(params: SearchParams): Record<string, string | string[] | undefined> {
  if (!(params instanceof URLSearchParams)) return params;
  return Object.fromEntries([...new Set(params.keys())].map((key) => [key, params.getAll(key).length > 1 ? params.getAll(key) : params.get(key)!]));
}

/** The URL's values under their English fields; a value word the table does not know is left out. */
export function fromUrl<F extends string>(words: Record<F, UrlWord>, params: SearchParams): Partial<Record<F, string | string[]>> {
  const values = record(params);
  const fields: Partial<Record<F, string | string[]>> = {};
  for (const field of Object.keys(words) as F[]) {
    const word = words[field];
    const value = values[wordOf(word)];
    if (value === undefined) continue;
    if (typeof word === "string") {
      fields[field] = value;
      continue;
    }
    const english = (one: string) => Object.keys(word.values).find((key) => word.values[key] === one);
    const read = (Array.isArray(value) ? value : [value]).map(english).filter((one): one is string => one !== undefined);
    if (read.length) fields[field] = Array.isArray(value) ? read : read[0]!;
  }
  return fields;
}

type UrlValue = string | number | boolean | readonly string[] | null | undefined;

/** English fields as the URL's French parameters, in the table's order; empty values and `false` left out. */
export function urlParams<F extends string>(words: Record<F, UrlWord>, fields: Partial<Record<F, UrlValue>>): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const field of Object.keys(words) as F[]) {
    const word = words[field];
    const value = fields[field];
    if (value === undefined || value === null || value === "" || value === false) continue;
    const french = (one: string | number | boolean) => (one === true ? "1" : typeof word === "string" ? String(one) : word.values[String(one)]);
    const written = (Array.isArray(value) ? (value as readonly string[]) : [value as string | number | boolean]).map(french).filter((one) => one !== undefined);
    if (written.length) params[wordOf(word)] = Array.isArray(value) ? written : written[0]!;
  }
  return params;
}

/** The query string ("?quand=semaine&page=2", or "") of English fields, by the same table. */
export function toUrl<F extends string>(words: Record<F, UrlWord>, fields: Partial<Record<F, UrlValue>>): string {
  const query = new URLSearchParams();
  for (const [word, value] of Object.entries(urlParams(words, fields))) for (const one of Array.isArray(value) ? value : [value]) query.append(word, one);
  const text = query.toString();
  return text ? `?${text}` : "";
}
