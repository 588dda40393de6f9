// The catalogue's previous and next pages, the filters kept in the links: the classic catalogue's and the
// easy-to-read offer's, each in its own words and size.
import Link from "next/link";
import { catalogQuery, type CatalogFilters } from "@/lib/catalog/filters";

export function CatalogPagination({
  filters,
  page,
  pageCount,
  words,
  large = false,
}: {
  filters: CatalogFilters;
  page: number;
  pageCount: number;
  words: { label: string; previous: string; next: string; pageOf: string };
  /** The easy-to-read offer's bigger, rounder buttons. */
  large?: boolean;
}) {
  if (pageCount <= 1) return null;
  const button = large
    ? "rounded-full border-2 border-brand-700 px-5 py-2 font-semibold text-brand-800"
    : "rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800";
  const to = (target: number) => `/offre${catalogQuery({ ...filters, page: target })}`;
  return (
    <nav aria-label={words.label} className="flex flex-wrap items-center justify-between gap-4">
      {page > 1 ? (
        <Link href={to(page - 1)} className={button}>
          {words.previous}
        </Link>
      ) : (
        <span />
      )}
      <span>{words.pageOf}</span>
      {page < pageCount ? (
        <Link href={to(page + 1)} className={button}>
          {words.next}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
