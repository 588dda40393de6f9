// A list's column header that sorts it (issue 11): a link to the same list with the filters kept, the
// column in `tri` and the direction in `ordre` (lib/lists.ts); the sorted column says so with
// aria-sort, and its link turns the order round. The page goes back to 1: another order, another first page.
// Its hint for screen readers is `sr-only` (absolutely placed): the table's scrolling box must be `relative`,
// or the hint is placed against the page and widens it on a phone (no-overflow.spec.ts).
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { listHref } from "@/components/pagination";
import { LIST_WORDS, sortParams, type Direction, type Sort } from "@/lib/lists";

type Params = Record<string, string | number | readonly string[] | undefined | null>;

export async function SortableHeader<C extends string>({
  column,
  label,
  path,
  params,
  columns,
  sort,
  sortWords,
  className,
}: {
  column: C;
  label: string;
  path: string;
  /** The list's filters (without its page, its `tri` and its `ordre`). */
  params: Params;
  columns: Record<C, Direction>;
  sort: Sort<C>;
  /** The URL word of each column, when the list's columns have English names (lib/lists.ts, URL words). */
  sortWords?: Record<C, string>;
  className?: string;
}) {
  const t = await getTranslations("pagination");
  const sorted = sort.column === column;
  const asked = sortParams(columns, sort, column);
  const href = listHref(path, {
    ...params,
    [LIST_WORDS.sort]: sortWords ? sortWords[asked.sort] : asked.sort,
    [LIST_WORDS.direction]: asked.direction,
    [LIST_WORDS.page]: undefined,
  });
  return (
    <th scope="col" className={className} aria-sort={sorted ? (sort.direction === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={href} className="inline-flex items-center gap-1 text-brand-800 underline underline-offset-2">
        {label}
        {sorted ? <span aria-hidden="true">{sort.direction === "asc" ? "↑" : "↓"}</span> : null}
        <span className="sr-only">{sorted ? t(sort.direction === "asc" ? "sortedAscending" : "sortedDescending") : t("sortable")}</span>
      </Link>
    </th>
  );
}
