import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { requireUser } from "@/lib/auth/current";
import { formatSessionShort } from "@/lib/format/dates";
import { pickVenue } from "@/lib/venue/pick-venue";
import { listVenueEvents } from "@/lib/venue/events";
import { EmptyPageNotice } from "@/components/empty-page-notice";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("venueHome") };
}

export default async function VenueHome({ searchParams }: { searchParams: Promise<{ lieu?: string; page?: string }> }) {
  const actor = await requireUser("/lieu", "VENUE", "ADMIN");
  const query = await searchParams;
  const venue = await pickVenue(actor, query.lieu);
  const t = await getTranslations("venue");
  const labels = await getTranslations("labels");
  const season = await getTranslations("seasonImport");
  if (!venue) return <h1 className="text-3xl font-bold text-brand-800">{t("home")}</h1>;
  const { events } = await listVenueEvents(actor, venue.id, { page: Math.max(1, Number(query.page) || 1) });
  const link = "block rounded-md border border-brand-700 px-4 py-3 font-semibold text-brand-800";
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-800">{venue.name}</h1>
        <ul className="flex flex-wrap gap-3">
          <li>
            <Link href={`/lieu/evenements/nouveau?lieu=${venue.id}`} className="block rounded-md bg-brand-700 px-4 py-3 font-semibold text-white">
              {t("newEvent")}
            </Link>
          </li>
          <li>
            <Link href={`/lieu/agenda?lieu=${venue.id}`} className={link}>
              {season("homeLink")}
            </Link>
          </li>
          <li>
            <Link href="/lieu/controle" className={link}>
              {t("doorCheck")}
            </Link>
          </li>
          <li>
            <Link href={`/lieu/profil?lieu=${venue.id}`} className={link}>
              {t("profile")}
            </Link>
          </li>
          <li>
            <Link href={`/lieu/statistiques?lieu=${venue.id}`} className={link}>
              {t("statistics")}
            </Link>
          </li>
        </ul>
      </header>
      <section aria-labelledby="spectacles" className="space-y-3">
        <h2 id="spectacles" className="text-2xl font-semibold">
          {t("events")}
        </h2>
        {events.length === 0 ? (
          <EmptyPageNotice>{t("noEvents")}</EmptyPageNotice>
        ) : (
          <ul className="divide-y divide-brand-100 rounded-lg border border-brand-100" aria-label={t("events")}>
            {events.map((event) => (
              <li key={event.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <span>
                  <Link href={`/lieu/evenements/${event.id}`} className="font-semibold underline-offset-2 hover:underline">
                    {event.title}
                  </Link>{" "}
                  <span className="text-sm">({labels(`category.${event.category}`)})</span>
                </span>
                <span className="text-sm">
                  {t(`status.${event.status}`)} · {t("upcoming", { count: event.upcomingSessions })}
                  {event.nextSession ? ` · ${t("next", { date: formatSessionShort(event.nextSession) })}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
