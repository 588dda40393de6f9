// The venue's next sessions, with their places and the way to each guest list.
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { ScrollTable } from "@/components/scroll-table";
import { formatSessionShort as when } from "@/lib/format/dates";
import { box, h2, type VenueForAssociation } from "./types";

export async function SessionsSection({ venue }: { venue: VenueForAssociation }) {
  const t = await getTranslations("venuesAdmin");
  const v = await getTranslations("venue");
  return (
    <section aria-labelledby="seances" className={box}>
      <h2 id="seances" className={h2}>
        {t("sessionsTitle")}
      </h2>
      {venue.nextSessions.length === 0 ? (
        <p>{t("sessionsEmpty")}</p>
      ) : (
        <>
          {venue.upcomingSessions > venue.nextSessions.length ? (
            <p>{t("sessionsMore", { shown: venue.nextSessions.length, total: venue.upcomingSessions })}</p>
          ) : null}
          <ScrollTable label={t("sessionsScroll")}>
            <table className="w-full min-w-[44rem] border-collapse text-left">
              <caption className="sr-only">{t("sessionsCaption", { name: venue.name })}</caption>
              <thead>
                <tr className="border-b-2 border-brand-100">
                  <th scope="col" className="py-2 pr-3">
                    {t("sessionColumns.when")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("sessionColumns.event")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("sessionColumns.places")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("sessionColumns.waitlist")}
                  </th>
                  <th scope="col" className="py-2">
                    {t("sessionColumns.guests")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {venue.nextSessions.map((session) => (
                  <tr key={session.id} className="border-b border-brand-100 align-top">
                    <th scope="row" className="py-2 pr-3 font-normal">
                      {when(session.startsAt)}
                      {session.status === "CANCELLED" ? <span className="block text-sm font-semibold text-red-800">{v("sessionStatus.CANCELLED")}</span> : null}
                    </th>
                    <td className="py-2 pr-3">{session.event.title}</td>
                    <td className="py-2 pr-3">{t("placesValue", { confirmed: session.confirmedPlaces, capacity: session.capacity })}</td>
                    <td className="py-2 pr-3">{session.waitlistedPlaces}</td>
                    <td className="py-2">
                      <Link href={`/lieu/seances/${session.id}`} className="text-brand-800 underline">
                        {t("guestsLink")}
                        <span className="sr-only"> {t("guestsLinkFor", { title: session.event.title, date: when(session.startsAt) })}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </>
      )}
    </section>
  );
}
