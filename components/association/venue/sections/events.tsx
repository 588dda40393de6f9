// The venue's events, a page at a time, each opening on the venue's own page of the event.
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { Pagination } from "@/components/pagination";
import { ScrollTable } from "@/components/scroll-table";
import { formatSessionShort as when } from "@/lib/format/dates";
import type { listVenueEvents } from "@/lib/venue/events";
import { box, h2, type VenueForAssociation } from "./types";

export async function EventsSection({ venue, events }: { venue: VenueForAssociation; events: Awaited<ReturnType<typeof listVenueEvents>> }) {
  const t = await getTranslations("venuesAdmin");
  const v = await getTranslations("venue");
  const labels = await getTranslations("labels");
  return (
    <section aria-labelledby="spectacles" className={box}>
      <h2 id="spectacles" className={h2}>
        {t("eventsTitle")}
      </h2>
      {events.events.length === 0 ? (
        <p>
          {events.total === 0 ? (
            t("eventsEmpty")
          ) : (
            <>
              {t("emptyPage")}{" "}
              <Link href={`/admin/lieux/${venue.id}#spectacles`} className="font-semibold text-brand-800 underline">
                {t("firstPage")}
              </Link>
            </>
          )}
        </p>
      ) : (
        <ScrollTable label={t("eventsScroll")}>
          <table className="w-full min-w-[40rem] border-collapse text-left">
            <caption className="sr-only">{t("eventsCaption", { name: venue.name })}</caption>
            <thead>
              <tr className="border-b-2 border-brand-100">
                <th scope="col" className="py-2 pr-3">
                  {t("eventColumns.title")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("eventColumns.status")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("eventColumns.upcoming")}
                </th>
                <th scope="col" className="py-2">
                  {t("eventColumns.next")}
                </th>
              </tr>
            </thead>
            <tbody>
              {events.events.map((event) => (
                <tr key={event.id} className="border-b border-brand-100 align-top">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    <Link href={`/lieu/evenements/${event.id}`} className="font-semibold text-brand-800 underline">
                      {event.title}
                      <span className="sr-only"> {t("openForVenue")}</span>
                    </Link>
                    <br />
                    <span className="text-sm">{labels(`category.${event.category}`)}</span>
                  </th>
                  <td className="py-2 pr-3">{v(`status.${event.status}`)}</td>
                  <td className="py-2 pr-3">{event.upcomingSessions}</td>
                  <td className="py-2">{event.nextSession ? when(event.nextSession) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      <Pagination path={`/admin/lieux/${venue.id}`} params={{}} page={events.page} pageCount={events.pageCount} total={events.total} />
    </section>
  );
}
