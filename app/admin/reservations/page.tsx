import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { BookingSearchForm } from "@/components/association/bookings/booking-search-form";
import { searchChoicesAction } from "@/app/admin/choices-actions";
import { BookingsTable } from "@/components/association/bookings/bookings-table";
import { listHref, Pagination } from "@/components/pagination";
import { BOOKING_SORTS, BOOKING_WORDS as WORDS, readBookingSearch, searchBookings } from "@/lib/association/bookings";
import { choiceById } from "@/lib/association/choices";
import { sortOf, urlParams } from "@/lib/lists";
import { requireUser } from "@/lib/auth/current";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FocusOnArrival } from "@/components/focus-on-arrival";
import { EmptyPageNotice } from "@/components/empty-page-notice";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("bookings") };
}

export default async function AssociationBookingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireUser("/admin/reservations", "ADMIN");
  const query = await searchParams;
  const search = readBookingSearch(query);
  // The search form sends its empty fields too: keep the address short and shareable.
  if (Object.values(query).some((value) => value === "")) redirect(listHref("/admin/reservations", urlParams(WORDS, search)));
  const [result, partner, venue] = await Promise.all([
    searchBookings(actor, search),
    choiceById(actor, "PARTNER", search.partner),
    choiceById(actor, "VENUE", search.venue),
  ]);
  const t = await getTranslations("bookingsAdmin");
  const pages = await getTranslations("pagination");
  // The filters links keep, in the URL's words (the page aside); before any search (the order alone is
  // none), the latest bookings.
  const params = urlParams(WORDS, { ...search, page: undefined });
  const filters = urlParams(WORDS, { ...search, page: undefined, sort: undefined, direction: undefined });
  const searching = Object.keys(filters).length > 0;
  const sort = sortOf(BOOKING_SORTS, "requested", search.sort, search.direction);
  const heading = searching ? t("resultsTitle") : t("latestTitle");

  return (
    <ClientMessages namespaces={["choicePicker"]}>
      <div className="space-y-6">
        <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
        <p>{t("lead")}</p>
        {/* Keyboards reach the results in one Tab after a search (issue 29.9), and the page brings them into view. */}
        {searching ? (
          <p>
            <a href="#resultats" className="font-semibold text-brand-800 underline">
              {t("skipToResults")}
            </a>
          </p>
        ) : null}
        <BookingSearchForm search={search} partner={partner} venue={venue} searchChoices={searchChoicesAction} />
        {result.total > 0 ? (
          <p>
            {/* Every booking found, in the list's order (not only this page), without the guests' names. */}
            <a
              href={listHref("/admin/reservations/export", params)}
              download
              className="inline-block rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50"
            >
              {pages("export")}
              <span className="sr-only"> ({pages("exportHint")})</span>
            </a>
          </p>
        ) : null}
        <section aria-labelledby="resultats" className="space-y-4">
          {searching ? (
            <FocusOnArrival as="h2" id="resultats" className="text-2xl font-semibold">
              {heading}
            </FocusOnArrival>
          ) : (
            <h2 id="resultats" className="text-2xl font-semibold">
              {heading}
            </h2>
          )}
          {result.callerOrder && result.bookings.length ? <p>{t("callerOrder")}</p> : null}
          {!searching && result.bookings.length ? <p>{t("latestLead")}</p> : null}
          {result.bookings.length === 0 && result.total > 0 ? (
            <p className="rounded-lg bg-brand-50 p-4">
              {t("pageBeyond")}{" "}
              <Link href={listHref("/admin/reservations", params)} className="font-semibold text-brand-800 underline">
                {t("firstPage")}
              </Link>
            </p>
          ) : result.bookings.length === 0 ? (
            searching ? (
              <div role="status" className="space-y-2 rounded-lg bg-amber-50 p-4">
                <p className="font-semibold">{t("empty")}</p>
                <p>{t("emptyHint")}</p>
                <p>
                  <Link href="/admin/reservations" className="font-semibold text-brand-800 underline">
                    {t("emptyReset")}
                  </Link>
                </p>
              </div>
            ) : (
              <EmptyPageNotice>{t("noBookings")}</EmptyPageNotice>
            )
          ) : (
            <>
              <BookingsTable bookings={result.bookings} caption={searching ? t("table") : heading} path="/admin/reservations" params={filters} sort={sort} />
              <Pagination
                path="/admin/reservations"
                params={params}
                page={result.page}
                pageCount={result.pageCount}
                total={result.total}
                capped={result.capped}
              />
            </>
          )}
        </section>
      </div>
    </ClientMessages>
  );
}
