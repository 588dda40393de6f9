// The association's activities: plan one (it appears on the public page /activites at once), and see
// those to come or past (`quand`) with their registrations counted, searched, sorted by a column (`tri`,
// `ordre`: lib/lists.ts) and a page at a time.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/fields";
import { ClientMessages } from "@/components/i18n/client-messages";
import { listHref, Pagination } from "@/components/pagination";
import { SortableHeader } from "@/components/sortable-header";
import {
  ACTIVITY_WHEN,
  ACTIVITY_WORDS as WORDS,
  activitySortOf,
  activitySortsOf,
  listActivities,
  readActivityFilters,
  type ActivitySort,
} from "@/lib/activities/admin";
import { ACTIVITY_KINDS } from "@/lib/activities/places";
import { requireUser } from "@/lib/auth/current";
import { formatSessionShort } from "@/lib/format/dates";
import { urlParams } from "@/lib/lists";
import { FORM_NAMESPACES } from "@/lib/i18n/client-messages";
import { createActivityAction } from "./actions";
import { ScrollTable } from "@/components/scroll-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("adminActivities") };
}

const PATH = "/admin/activites";

export default async function ActivitiesAdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireUser(PATH, "ADMIN");
  const filters = readActivityFilters(await searchParams);
  const { activities, total, page, pageCount } = await listActivities(actor, filters);
  const t = await getTranslations("activitiesAdmin");
  const kinds = await getTranslations("activities.kinds");
  const past = filters.when === "past";
  const columns = activitySortsOf(filters.when);
  const sort = activitySortOf(filters);
  // The list's filters in the URL's words, without its order (kept by the headers) nor its page.
  const kept = urlParams(WORDS, { when: filters.when, text: filters.text });
  const params = urlParams(WORDS, { ...filters, page: undefined });
  const header = (column: ActivitySort, label: string, className: string) => (
    <SortableHeader column={column} label={label} path={PATH} params={kept} columns={columns} sortWords={WORDS.sort.values} sort={sort} className={className} />
  );
  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES]}>
      <div className="space-y-10">
        <header className="space-y-3">
          <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
          <p>{t("lead")}</p>
          <p className="flex flex-wrap gap-4">
            <Link href="#prevoir" className="inline-block rounded-md bg-brand-700 px-4 py-3 font-semibold text-white hover:bg-brand-800">
              {t("createTitle")}
            </Link>
            <Link href="/activites" className="self-center font-semibold text-brand-800 underline">
              {t("publicPage")}
            </Link>
          </p>
        </header>
        <section aria-labelledby="liste" className="space-y-4">
          <h2 id="liste" className="text-2xl font-semibold">
            {past ? t("past") : t("upcoming")}
          </h2>
          {/* To come or past: one list at a time, each in its own default order (the soonest, the latest first). */}
          <nav aria-label={t("whenLabel")} className="flex flex-wrap gap-2">
            {ACTIVITY_WHEN.map((when) => {
              const current = (filters.when ?? "upcoming") === when;
              return (
                <Link
                  key={when}
                  href={listHref(PATH, urlParams(WORDS, { when: when === "upcoming" ? undefined : when, text: filters.text, sort: filters.sort }))}
                  aria-current={current ? "page" : undefined}
                  className={`rounded-md border px-4 py-2 font-semibold ${current ? "border-brand-700 bg-brand-700 text-white" : "border-brand-700 text-brand-800 hover:bg-brand-50"}`}
                >
                  {when === "past" ? t("past") : t("upcoming")}
                </Link>
              );
            })}
          </nav>
          <form
            key={JSON.stringify(params)}
            method="get"
            action={PATH}
            role="search"
            aria-label={t("searchLabel")}
            className="grid items-end gap-3 rounded-lg bg-brand-50 p-4 sm:grid-cols-[2fr_1fr_auto]"
          >
            {filters.when ? <input type="hidden" name={WORDS.when.word} value={WORDS.when.values[filters.when]} /> : null}
            <TextField name={WORDS.text} label={t("search")} defaultValue={filters.text} type="search" />
            <SelectField
              name={WORDS.sort.word}
              label={t("sort")}
              defaultValue={WORDS.sort.values[filters.sort ?? "date"]}
              options={(Object.keys(columns) as ActivitySort[]).map((key): [string, string] => [WORDS.sort.values[key], t(`sorts.${key}`)])}
            />
            {/* The direction chosen by a column's header stays while the same column sorts. */}
            {filters.sort && filters.direction ? <input type="hidden" name={WORDS.direction} value={filters.direction} /> : null}
            <p className="flex flex-wrap items-center gap-3">
              <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
                {t("apply")}
              </button>
              {filters.text || filters.sort || filters.direction ? (
                <Link href={listHref(PATH, urlParams(WORDS, { when: filters.when }))} className="font-semibold text-brand-800 underline">
                  {t("reset")}
                </Link>
              ) : null}
            </p>
          </form>
          {activities.length === 0 ? (
            <p className="rounded-lg bg-brand-50 p-4">
              {filters.text ? (
                t("emptySearch", { q: filters.text })
              ) : total === 0 ? (
                past ? (
                  t("emptyPast")
                ) : (
                  t("emptyUpcoming")
                )
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
            <ScrollTable label={t("scrollLabel")} id={past ? "activites-passees" : "activites-a-venir"}>
              <table className="w-full min-w-[36rem] border-collapse text-left">
                <caption className="sr-only">{t("tableCaption")}</caption>
                <thead>
                  <tr className="border-b-2 border-brand-100">
                    {header("date", t("columns.when"), "py-2 pr-3")}
                    {header("title", t("columns.activity"), "py-2 pr-3")}
                    {header("registered", t("columns.registered"), "py-2 pr-3")}
                    <th scope="col" className="py-2">
                      {t("columns.waiting")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {activities.map((row) => (
                    <tr key={row.id} className="border-b border-brand-100 align-top">
                      <td className="py-2 pr-3 whitespace-nowrap">{formatSessionShort(row.startsAt)}</td>
                      <th scope="row" className="py-2 pr-3 font-normal">
                        <Link href={`${PATH}/${row.id}`} className="font-semibold text-brand-800 underline">
                          {row.title}
                        </Link>
                        <br />
                        <span className="text-sm">{kinds(row.kind)}</span>
                        {row.cancelledAt ? (
                          <span className="ml-2 rounded bg-red-100 px-2 text-sm font-semibold text-red-900">{t("cancelledBadge")}</span>
                        ) : null}
                      </th>
                      <td className="py-2 pr-3">{t("registeredOf", { count: row.confirmed, capacity: row.capacity })}</td>
                      <td className="py-2">{row.waiting}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )}
          <Pagination path={PATH} params={params} page={page} pageCount={pageCount} total={total} />
        </section>
        <section aria-labelledby="prevoir" className="space-y-3 rounded-lg border border-brand-100 p-5">
          <h2 id="prevoir" className="text-2xl font-semibold">
            {t("createTitle")}
          </h2>
          <ActionForm action={createActivityAction} submit={t("create")} resetOnSuccess>
            <div className="grid gap-3 sm:grid-cols-2">
              <SelectField name="kind" label={t("kind")} options={ACTIVITY_KINDS.map((kind): [string, string] => [kind, kinds(kind)])} required />
              <TextField name="title" label={t("titleField")} required />
              <TextField name="day" label={t("day")} type="date" required />
              <TextField name="time" label={t("time")} type="time" required />
              <TextField name="durationMinutes" label={t("durationMinutes")} type="number" />
              <TextField name="capacity" label={t("capacity")} type="number" required />
            </div>
            <TextField name="place" label={t("place")} required />
            <TextField name="description" label={t("description")} multiline />
          </ActionForm>
        </section>
      </div>
    </ClientMessages>
  );
}
