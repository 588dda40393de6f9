import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Breakdown } from "@/components/stats/breakdown";
import { KeyFigures } from "@/components/stats/key-figures";
import { SeasonPicker } from "@/components/stats/season-picker";
import { requireUser } from "@/lib/auth/current";
import { venueStatistics } from "@/lib/stats/sides";
import { totalOf } from "@/lib/stats/tables";
import { seasonLabel, seasonOf } from "@/lib/time";
import { pickVenue } from "@/lib/venue/current";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("venueStatistics") };
}

/** The seasons a venue may look back on. */
const SEASONS_BACK = 4;

export default async function VenueStatisticsPage({ searchParams }: { searchParams: Promise<{ lieu?: string; saison?: string }> }) {
  const actor = await requireUser("/lieu/statistiques", "VENUE", "ADMIN");
  const query = await searchParams;
  const venue = await pickVenue(actor, query.lieu);
  const t = await getTranslations("statistics");
  if (!venue) return <h1 className="text-3xl font-bold text-brand-800">{t("venueTitle")}</h1>;
  const now = new Date();
  const current = seasonOf(now);
  const asked = Number(query.saison);
  const season = Number.isInteger(asked) && asked <= current && asked > current - SEASONS_BACK ? asked : current;
  const { rows, previous, events } = await venueStatistics(actor, venue.id, season, { now });
  const total = totalOf(rows)!;
  const mood = await getTranslations("venue.report.mood");
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-800">
          {t("venueTitle")} · {venue.name} · <span className="whitespace-nowrap">{seasonLabel(season)}</span>
        </h1>
        <p>{t("venueLead")}</p>
        <p className="text-sm">{t("comparedSeason", { label: seasonLabel(season - 1) })}</p>
      </header>
      <SeasonPicker action="/lieu/statistiques" seasons={Array.from({ length: SEASONS_BACK }, (_, n) => current - n)} season={season} current={current} hidden={{ lieu: venue.id }} />
      {events.length === 0 ? (
        <p className="rounded-lg bg-brand-50 p-4">{t("empty")}</p>
      ) : (
        <>
          <section aria-labelledby="essentiel" className="space-y-3">
            <h2 id="essentiel" className="text-2xl font-semibold">
              {t("keyFigures")}
            </h2>
            <KeyFigures names={["offered", "confirmed", "attended", "noShows", "unused", "people"]} current={total} previous={previous} />
          </section>
          <Breakdown
            id="evenements"
            title={t("byEvent")}
            caption={`${t("byEvent")} — ${seasonLabel(season)}`}
            keyColumn={t("eventColumn")}
            columns={["offered", "confirmed", "attended", "noShows", "unused"]}
            horizontal
            extraColumns={[t("feedbackColumn")]}
            rows={events.map((event) => ({
              key: event.eventId,
              label: t("eventWithSessions", { title: event.title, count: event.sessions }),
              figures: event,
              extra: [
                event.feedback.LOVED + event.feedback.LIKED + event.feedback.NOT_FOR_ME === 0
                  ? t("noFeedback")
                  : (["LOVED", "LIKED", "NOT_FOR_ME"] as const).map((key) => `${mood(key)} : ${event.feedback[key]}`).join(" · "),
              ],
            }))}
          />
        </>
      )}
    </div>
  );
}
