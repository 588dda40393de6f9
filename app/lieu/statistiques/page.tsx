import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { Breakdown } from "@/components/stats/breakdown";
import { ExportLink } from "@/components/stats/export-link";
import { KeyFigures } from "@/components/stats/key-figures";
import { LatePlacesFigure } from "@/components/stats/late-places-figure";
import { SeasonPicker } from "@/components/stats/season-picker";
import { requireUser } from "@/lib/auth/current";
import { sideSeason, venueStatistics } from "@/lib/stats/sides";
import { feedbackInWords, totalOf, VENUE_EVENT_COLUMNS, VENUE_SUMMARY } from "@/lib/stats/tables";
import { seasonLabel } from "@/lib/time";
import { pickVenue } from "@/lib/venue/pick-venue";
import { EmptyPageNotice } from "@/components/empty-page-notice";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("venueStatistics") };
}

const PATH = "/lieu/statistiques";

export default async function VenueStatisticsPage({ searchParams }: { searchParams: Promise<{ lieu?: string; saison?: string }> }) {
  const actor = await requireUser("/lieu/statistiques", "VENUE", "ADMIN");
  const query = await searchParams;
  const venue = await pickVenue(actor, query.lieu);
  const t = await getTranslations("statistics");
  if (!venue) return <h1 className="text-3xl font-bold text-brand-800">{t("venueTitle")}</h1>;
  const now = new Date();
  const { season, current, seasons } = sideSeason(query.saison, now);
  const { rows, previous, events } = await venueStatistics(actor, venue.id, season, { now });
  const total = totalOf(rows)!;
  const words = await getTranslations();
  const say = (key: string) => words(key as never);
  const exportHref = (table: string) => `${PATH}/export?lieu=${venue.id}&saison=${season}&table=${table}`;
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-800">
          {t("venueTitle")} · {venue.name} · <span className="whitespace-nowrap">{seasonLabel(season)}</span>
        </h1>
        <p>{t("venueLead")}</p>
        <p className="text-sm">{t("comparedSeason", { label: seasonLabel(season - 1) })}</p>
      </header>
      <SeasonPicker action={PATH} seasons={seasons} season={season} current={current} hidden={{ lieu: venue.id }} />
      <LatePlacesFigure actor={actor} season={season} venueId={venue.id} />
      {events.length === 0 ? (
        <EmptyPageNotice>{t("empty")}</EmptyPageNotice>
      ) : (
        <>
          <section aria-labelledby="essentiel" className="space-y-3">
            <h2 id="essentiel" className="text-2xl font-semibold">
              {t("keyFigures")}
            </h2>
            <KeyFigures names={VENUE_SUMMARY} current={total} previous={previous} />
            <p className="print:hidden">
              <ExportLink href={exportHref("bilan")} label={t("exportCsv")} table={t("tables.bilan")} />
            </p>
          </section>
          <Breakdown
            id="evenements"
            title={t("byEvent")}
            caption={`${t("byEvent")} — ${seasonLabel(season)}`}
            keyColumn={t("eventColumn")}
            columns={[...VENUE_EVENT_COLUMNS]}
            horizontal
            extraColumns={[t("feedbackColumn")]}
            rows={events.map((event) => ({
              key: event.eventId,
              label: t("eventWithSessions", { title: event.title, count: event.sessions }),
              figures: event,
              extra: [feedbackInWords(event.feedback, say)],
            }))}
            after={
              <p className="print:hidden">
                <ExportLink href={exportHref("evenements")} label={t("exportCsv")} table={t("byEvent")} />
              </p>
            }
          />
        </>
      )}
    </div>
  );
}
