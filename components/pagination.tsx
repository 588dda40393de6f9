// "Page 2 of 7" with links to the previous and next pages, keeping the list's filters (they live in the
// URL, so a page can be bookmarked, shared or reloaded as it is). A page that holds two lists (the mails and
// the texts of /admin/courriels) gives the second its own word for its page and the section to land on.
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";

/** A list's URL parameters, French words (lib/lists.ts `urlParams`); a list of values repeats its word. */
export type Params = Record<string, string | number | readonly string[] | undefined | null>;

/** The address of a list with its filters; empty filters and page 1 (of `pageKey`, "page" unless told) are left out. */
export function listHref(path: string, params: Params, { pageKey = "page", fragment }: { pageKey?: string; fragment?: string } = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "" || ((key === "page" || key === pageKey) && Number(value) === 1)) continue;
    for (const one of Array.isArray(value) ? (value as readonly string[]) : [value]) query.append(key, String(one));
  }
  const text = query.toString();
  return `${text ? `${path}?${text}` : path}${fragment ? `#${fragment}` : ""}`;
}

export async function Pagination({
  path,
  params,
  page,
  pageCount,
  total,
  capped = false,
  pageKey = "page",
  fragment,
}: {
  path: string;
  params: Params;
  page: number;
  pageCount: number;
  total?: number;
  /** The total is a floor: there are more than `total` (a count stopped there). */
  capped?: boolean;
  /** The URL's word for this list's page, when the page holds another list paged by "page". */
  pageKey?: string;
  /** The section the links land on (its id). */
  fragment?: string;
}) {
  const href = (to: number) => listHref(path, { ...params, [pageKey]: to }, { pageKey, fragment });
  const t = await getTranslations("pagination");
  if (pageCount <= 1) return total === undefined ? null : <p className="text-sm">{t("total", { total })}</p>;
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center justify-between gap-3">
      {page > 1 ? (
        <Link href={href(page - 1)} className="rounded-md border border-brand-700 px-3 py-2 font-semibold text-brand-800" rel="prev">
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <p aria-current="page">
        {t("page", { page, pageCount })}
        {total === undefined ? "" : ` · ${capped ? t("moreThan", { total }) : t("total", { total })}`}
      </p>
      {page < pageCount ? (
        <Link href={href(page + 1)} className="rounded-md border border-brand-700 px-3 py-2 font-semibold text-brand-800" rel="next">
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
