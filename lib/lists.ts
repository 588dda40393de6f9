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

/** The order asked for, or the list's default one (`tri` absent: `ordre` alone means nothing). */
export function sortOf<C extends string>(columns: Record<C, Direction>, fallback: C, tri: C | undefined, ordre: Direction | undefined): Sort<C> {
  if (!tri) return { column: fallback, direction: columns[fallback] };
  return { column: tri, direction: ordre ?? columns[tri] };
}

/** The `tri` and `ordre` that ask for `column`: its natural direction first, the other one when it is already the order. */
export function sortParams<C extends string>(columns: Record<C, Direction>, current: Sort<C>, column: C): { tri: C; ordre: Direction | undefined } {
  const natural = columns[column];
  const direction = current.column === column ? (current.direction === "asc" ? "desc" : "asc") : natural;
  return { tri: column, ordre: direction === natural ? undefined : direction };
}

// ── URL words (issue 28.5) ──
// The URLs stay French (people bookmark and share them); the code speaks English. Each list writes once the
// table of its URL words, the English field each French word fills (`LIST_WORDS` below for what every list
// shares), next to the list in lib/; its parser reads searchParams through `fromUrl` at the edge (the app/
// page passes them on untouched) and its links are written back through `toUrl`, by the same table. A value
// that is a word too (the catalog's "quand=semaine") has its own table, read by `urlWord`. Past the parser,
// nothing in lib/ sees a French word. The glossary of the words is in the README.

/** What a page receives: Next's `searchParams`, or a URLSearchParams. */
export type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** The words every paged and sorted list shares. */
export const LIST_WORDS = { page: "page", sort: "tri", direction: "ordre" } as const;

function record(params: SearchParams): Record<string, string | string[] | undefined> {
  if (!(params instanceof URLSearchParams)) return params;
  return Object.fromEntries([...new Set(params.keys())].map((key) => [key, params.getAll(key).length > 1 ? params.getAll(key) : params.get(key)!]));
}

/** The URL's values under their English fields (words the table does not know are left out). */
export function fromUrl<F extends string>(words: Record<F, string>, params: SearchParams): Partial<Record<F, string | string[]>> {
  const values = record(params);
  const fields: Partial<Record<F, string | string[]>> = {};
  for (const field of Object.keys(words) as F[]) {
    const value = values[words[field]];
    if (value !== undefined) fields[field] = value;
  }
  return fields;
}

type UrlValue = string | number | boolean | readonly string[] | null | undefined;

/** The query string of English fields, under their French words, in the table's order; empty values left out. */
export function toUrl<F extends string>(words: Record<F, string>, fields: Partial<Record<F, UrlValue>>): string {
  const params = new URLSearchParams();
  for (const field of Object.keys(words) as F[]) {
    const value = fields[field];
    if (value === undefined || value === null || value === "" || value === false) continue;
    for (const one of Array.isArray(value) ? value : [value]) params.append(words[field], value === true ? "1" : String(one));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** A value that is a French word in the URL, read as its English name: anything else is undefined. */
export function urlWord<E extends string>(words: Record<E, string>) {
  const byWord = new Map(Object.entries(words).map(([english, french]) => [french as string, english as E]));
  return z.preprocess(
    firstOf,
    z
      .string()
      .transform((word) => byWord.get(word))
      .optional()
      .catch(undefined),
  );
}
