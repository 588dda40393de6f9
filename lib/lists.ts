// How lists are paged and sorted from the URL, one convention for all (issue 11; moved here from
// lib/lists.ts by issue 28.1, as auth, activities and the accounts page use it too). `page`
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
