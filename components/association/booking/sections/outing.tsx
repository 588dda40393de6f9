// The outing the booking is for, and the pages around it: the session's guest list, the event, its venue.
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { formatSessionDate, formatSessionShort } from "@/lib/format/dates";
import { link, type AssociationBooking } from "./types";

export async function OutingSection({ booking }: { booking: AssociationBooking }) {
  const t = await getTranslations("bookingsAdmin.booking");
  const { session } = booking;
  const event = session.event;
  return (
    <section aria-labelledby="sortie" className="space-y-3">
      <h2 id="sortie" className="text-2xl font-semibold">
        {t("outingTitle")}
      </h2>
      <dl className="grid gap-4 sm:grid-cols-2">
        <div>
          <dt className="font-semibold">{t("event")}</dt>
          <dd>{event.title}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("session")}</dt>
          <dd>{formatSessionDate(session.startsAt)}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("venue")}</dt>
          <dd>{event.venue.name}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("places")}</dt>
          <dd>{t("placesCount", { count: booking.places })}</dd>
        </div>
      </dl>
      {session.status === "CANCELLED" ? <p className="font-semibold text-red-800">{t("sessionCancelled")}</p> : null}
      <ul className="list-disc space-y-1 pl-6">
        <li>
          <Link href={`/lieu/seances/${session.id}`} className={link}>
            {t("guestList", { date: formatSessionShort(session.startsAt) })}
          </Link>
        </li>
        <li>
          <Link href={`/lieu/evenements/${event.id}`} className={link}>
            {t("eventSessions", { title: event.title })}
          </Link>
        </li>
        <li>
          <Link href={`/offre/${event.id}`} className={link}>
            {t("publicPage", { title: event.title })}
          </Link>
        </li>
        <li>
          <Link href={`/admin/lieux/${event.venue.id}`} className={link}>
            {t("venuePage", { name: event.venue.name })}
          </Link>
        </li>
      </ul>
    </section>
  );
}
