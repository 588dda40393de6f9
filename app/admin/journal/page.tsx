import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { actionLabeller, actorLabeller, AuditDetails } from "@/components/association/journal/audit-details";
import { JournalFiltersForm } from "@/components/association/journal/journal-filters";
import { searchChoicesAction } from "@/app/admin/choices-actions";
import { listHref, Pagination } from "@/components/pagination";
import { SortableHeader } from "@/components/sortable-header";
import { JOURNAL_SORTS, JOURNAL_WORDS as WORDS, listJournal, readJournalFilters, type JournalSort } from "@/lib/association/journal";
import { sortOf, urlParams } from "@/lib/lists";
import { choiceById } from "@/lib/association/choices";
import { requireUser } from "@/lib/auth/current";
import { formatMoment } from "@/lib/format/dates";
import { isUuid } from "@/lib/validation";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ScrollTable } from "@/components/scroll-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("journal") };
}

/** The page of the thing an entry is about, when the association has one. */
const PAGES: Record<string, (id: string) => string> = {
  Booking: (id) => `/admin/reservations/${id}`,
  Partner: (id) => `/admin/structures/${id}`,
  Venue: (id) => `/admin/lieux/${id}`,
  // A quota rule is recorded under its venue's id.
  QuotaRule: (id) => `/admin/lieux/${id}`,
  Event: (id) => `/lieu/evenements/${id}`,
  Session: (id) => `/lieu/seances/${id}`,
  Activity: (id) => `/admin/activites/${id}`,
};

export default async function JournalPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireUser("/admin/journal", "ADMIN");
  const query = await searchParams;
  const filters = readJournalFilters(query);
  // The filter form sends its empty fields too: keep the address short and shareable.
  if (Object.values(query).some((value) => value === "")) redirect(listHref("/admin/journal", urlParams(WORDS, filters)));
  const [result, who, partner, venue] = await Promise.all([
    listJournal(actor, filters),
    choiceById(actor, "ACCOUNT", filters.who),
    choiceById(actor, "PARTNER", filters.partner),
    choiceById(actor, "VENUE", filters.venue),
  ]);
  const t = await getTranslations("journalAdmin");
  const labels = await getTranslations("associationLabels");
  const actionLabel = await actionLabeller();
  const actorLabel = await actorLabeller();
  const pages = await getTranslations("pagination");
  // What links keep, in the URL's words: the filters and the order; the headers' links, the filters only.
  const params = urlParams(WORDS, { ...filters, page: undefined });
  const filtersOnly = urlParams(WORDS, { ...filters, page: undefined, sort: undefined, direction: undefined });
  const filtering = Object.keys(filtersOnly).length > 0;
  const sort = sortOf(JOURNAL_SORTS, "date", filters.sort, filters.direction);
  const sortable: Partial<Record<string, JournalSort>> = { when: "date", who: "actor", action: "action", object: "object" };
  const cell = "px-2 py-2 align-top";

  return (
    <ClientMessages namespaces={["choicePicker"]}>
      <div className="space-y-6">
        <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
        <p>{t("lead")}</p>
        <JournalFiltersForm filters={filters} who={who} partner={partner} venue={venue} searchChoices={searchChoicesAction} />
        {result.total > 0 ? (
          <p>
            {/* Every entry found, in the journal's order (not only this page): what the page shows, no more. */}
            <a
              href={listHref("/admin/journal/export", params)}
              download
              className="inline-block rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50"
            >
              {pages("export")}
              <span className="sr-only"> ({pages("exportHint")})</span>
            </a>
          </p>
        ) : null}
        <section aria-labelledby="entrees" className="space-y-4">
          <h2 id="entrees" className="text-2xl font-semibold">
            {t("entriesTitle")}
          </h2>
          {result.entries.length === 0 ? (
            <div role="status" className="space-y-2 rounded-lg bg-brand-50 p-4">
              {result.total > 0 ? (
                <p>
                  {t("pageBeyond")}{" "}
                  <Link href={listHref("/admin/journal", params)} className="font-semibold text-brand-800 underline">
                    {t("firstPage")}
                  </Link>
                </p>
              ) : filtering ? (
                <>
                  <p className="font-semibold">{t("empty")}</p>
                  <p>{t("emptyHint")}</p>
                  <p>
                    <Link href="/admin/journal" className="font-semibold text-brand-800 underline">
                      {t("reset")}
                    </Link>
                  </p>
                </>
              ) : (
                <p>{t("emptyJournal")}</p>
              )}
            </div>
          ) : (
            <>
              <ScrollTable label={t("tableScroll")}>
                <table className="w-full min-w-[52rem] border-collapse text-left">
                  <caption className="sr-only">{t("table")}</caption>
                  <thead>
                    <tr className="border-b-2 border-ink">
                      {(["when", "who", "action", "object", "details"] as const).map((column) => {
                        const key = sortable[column];
                        return key ? (
                          <SortableHeader
                            key={column}
                            column={key}
                            label={t(`columns.${column}`)}
                            path="/admin/journal"
                            params={filtersOnly}
                            columns={JOURNAL_SORTS}
                            sortWords={WORDS.sort.values}
                            sort={sort}
                            className={cell}
                          />
                        ) : (
                          <th key={column} scope="col" className={cell}>
                            {t(`columns.${column}`)}
                          </th>
                        );
                      })}
                    </tr>
                  </thead>
                  <tbody>
                    {result.entries.map((entry) => {
                      const href = isUuid(entry.entityId) ? PAGES[entry.entityType]?.(entry.entityId) : undefined;
                      const type = labels.has(`entityType.${entry.entityType}`) ? labels(`entityType.${entry.entityType}`) : entry.entityType;
                      return (
                        <tr key={entry.id} className="border-b border-gray-300">
                          <td className={`${cell} whitespace-nowrap`}>
                            <time dateTime={new Date(entry.at).toISOString()}>{formatMoment(new Date(entry.at))}</time>
                          </td>
                          <td className={cell}>{actorLabel(entry.actorName, entry.actorKind)}</td>
                          <th scope="row" className={`${cell} font-semibold`}>
                            {actionLabel(entry.action)}
                          </th>
                          <td className={cell}>
                            <span className="block">{type}</span>
                            {href ? (
                              <Link href={href} className="text-brand-800 underline">
                                {t(`open.${entry.entityType}`)} <span className="font-mono text-sm">{entry.entityId.slice(0, 8)}</span>
                              </Link>
                            ) : (
                              <span className="font-mono text-sm break-all">{entry.entityId === "*" ? t("allObjects") : entry.entityId}</span>
                            )}
                          </td>
                          <td className={cell}>
                            <AuditDetails before={entry.before} after={entry.after} />
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </ScrollTable>
              <Pagination path="/admin/journal" params={params} page={result.page} pageCount={result.pageCount} total={result.total} />
            </>
          )}
        </section>
      </div>
    </ClientMessages>
  );
}
