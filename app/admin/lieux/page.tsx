import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { VenueProfileFields } from "@/components/venue/venue-profile-fields";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/fields";
import { listHref, Pagination } from "@/components/pagination";
import { SortableHeader } from "@/components/sortable-header";
import { sortOf, urlParams } from "@/lib/lists";
import { listVenues, readVenueFilters, VENUE_SORTS, VENUE_WORDS as WORDS, type VenueSort } from "@/lib/association/venues";
import { requireUser } from "@/lib/auth/current";
import { createVenueAction } from "./actions";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FORM_NAMESPACES } from "@/lib/i18n/client-messages";
import { ScrollTable } from "@/components/scroll-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("venues") };
}

const PATH = "/admin/lieux";

export default async function VenuesAdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireUser(PATH, "ADMIN");
  const filters = readVenueFilters(await searchParams);
  const { venues, total, page, pageCount } = await listVenues(actor, filters);
  const t = await getTranslations("venuesAdmin");
  const labels = await getTranslations("labels");
  const pages = await getTranslations("pagination");
  const params = urlParams(WORDS, { ...filters, page: undefined });
  const filtered = Boolean(filters.text);
  const sort = sortOf(VENUE_SORTS, "name", filters.sort, filters.direction);

  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES]}>
      <div className="space-y-10">
        <header className="space-y-3">
          <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
          <p>{t("lead")}</p>
          <p>
            <Link href="#creer" className="inline-block rounded-md bg-brand-700 px-4 py-3 font-semibold text-white hover:bg-brand-800">
              {t("createLink")}
            </Link>
          </p>
        </header>

        <section aria-labelledby="liste" className="space-y-4">
          <h2 id="liste" className="text-2xl font-semibold">
            {t("listTitle")}
          </h2>
          <form
            method="get"
            action={PATH}
            role="search"
            aria-label={t("searchLabel")}
            className="grid items-end gap-3 rounded-lg bg-brand-50 p-4 sm:grid-cols-[2fr_1fr_auto]"
          >
            <TextField name={WORDS.text} label={t("search")} defaultValue={filters.text} type="search" />
            <SelectField
              name={WORDS.sort.word}
              label={t("sort")}
              defaultValue={WORDS.sort.values[filters.sort ?? "name"]}
              options={(Object.keys(VENUE_SORTS) as VenueSort[]).map((key): [string, string] => [WORDS.sort.values[key], t(`sorts.${key}`)])}
            />
            {/* The direction chosen by a column's header stays while the same column sorts. */}
            {filters.sort && filters.direction ? <input type="hidden" name={WORDS.direction} value={filters.direction} /> : null}
            <p className="flex flex-wrap items-center gap-3">
              <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
                {t("apply")}
              </button>
              {filtered || filters.sort || filters.direction ? (
                <Link href={PATH} className="font-semibold text-brand-800 underline">
                  {t("reset")}
                </Link>
              ) : null}
            </p>
          </form>
          {total > 0 ? (
            <p>
              {/* Every venue found, in the list's order (not only this page). */}
              <a
                href={listHref(`${PATH}/export`, params)}
                download
                className="inline-block rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50"
              >
                {pages("export")}
                <span className="sr-only"> ({pages("exportHint")})</span>
              </a>
            </p>
          ) : null}

          {venues.length === 0 ? (
            <p className="rounded-lg bg-brand-50 p-4">
              {filtered ? (
                t("emptySearch", { q: filters.text ?? "" })
              ) : total === 0 ? (
                t("empty")
              ) : (
                <>
                  {t("emptyPage")}{" "}
                  <Link href={listHref(PATH, params)} className="font-semibold text-brand-800 underline">
                    {t("firstPage")}
                  </Link>
                </>
              )}
            </p>
          ) : (
            <ScrollTable label={t("scrollLabel")}>
              <table className="w-full min-w-[44rem] border-collapse text-left">
                <caption className="sr-only">{t("tableCaption")}</caption>
                <thead>
                  <tr className="border-b-2 border-brand-100">
                    <SortableHeader
                      column="name"
                      label={t("columns.venue")}
                      path={PATH}
                      params={{ [WORDS.text]: filters.text }}
                      columns={VENUE_SORTS}
                      sortWords={WORDS.sort.values}
                      sort={sort}
                      className="py-2 pr-3"
                    />
                    <SortableHeader
                      column="town"
                      label={t("columns.city")}
                      path={PATH}
                      params={{ [WORDS.text]: filters.text }}
                      columns={VENUE_SORTS}
                      sortWords={WORDS.sort.values}
                      sort={sort}
                      className="py-2 pr-3"
                    />
                    <th scope="col" className="py-2 pr-3">
                      {t("columns.managers")}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {t("columns.quota")}
                    </th>
                    <th scope="col" className="py-2">
                      {t("columns.upcoming")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {venues.map((venue) => (
                    <tr key={venue.id} className="border-b border-brand-100 align-top">
                      <th scope="row" className="py-2 pr-3 font-normal">
                        <Link href={`${PATH}/${venue.id}`} className="font-semibold text-brand-800 underline">
                          {venue.name}
                        </Link>
                        <br />
                        <span className="text-sm">{t(`kinds.${venue.kind}`)}</span>
                      </th>
                      <td className="py-2 pr-3">{venue.city}</td>
                      <td className="py-2 pr-3">
                        {venue.managers.length === 0 ? (
                          <span className="font-semibold text-amber-900">{t("noManager")}</span>
                        ) : (
                          <ul className="space-y-1">
                            {venue.managers.map((manager) => (
                              <li key={manager.email}>
                                {manager.name}
                                {!manager.active ? ` (${t("managerInactive")})` : manager.pending ? ` (${t("managerPending")})` : ""}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td className="py-2 pr-3">
                        {venue.quotaRule
                          ? t("quotaRule", { max: venue.quotaRule.maxPlaces, period: labels(`quotaPeriod.${venue.quotaRule.period}`) }) +
                            (venue.quotaRule.liftDaysBefore === null ? "" : ` ${t("quotaLift", { days: venue.quotaRule.liftDaysBefore })}`)
                          : t("quotaNone")}
                      </td>
                      <td className="py-2">{t("upcomingCount", { count: venue._count.events })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )}
          <Pagination path={PATH} params={params} page={page} pageCount={pageCount} total={total} />
        </section>

        <section aria-labelledby="creer" className="space-y-3 rounded-lg border border-brand-100 p-4">
          <h2 id="creer" className="text-2xl font-semibold">
            {t("createTitle")}
          </h2>
          <p>{t("createLead")}</p>
          <ActionForm action={createVenueAction} submit={t("create")}>
            <VenueProfileFields withKind />
          </ActionForm>
        </section>
      </div>
    </ClientMessages>
  );
}
