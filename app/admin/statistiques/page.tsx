import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { Breakdown } from "@/components/stats/breakdown";
import { ExportLink } from "@/components/stats/export-link";
import { KeyFigures } from "@/components/stats/key-figures";
import { DrawFairness, SummarySection } from "@/components/stats/season-sections";
import { LatePlacesFigure } from "@/components/stats/late-places-figure";
import { PrintButton } from "@/components/print-button";
import { requireUser } from "@/lib/auth/current";
import { formatMoment } from "@/lib/format/dates";
import type { Figures } from "@/lib/stats/figures";
import { drawFairness } from "@/lib/stats/draws";
import { PERIOD_WORDS as WORDS, readPeriodFilters, reportSeasons, statisticsReport } from "@/lib/stats/report";
import {
  BREAKDOWN_DEFAULT,
  BREAKDOWN_TABLES,
  monthLabel,
  periodOf,
  rowLabel,
  rowsOf,
  TABLE_COLUMNS,
  TABLE_DIMENSION,
  totalOf,
  type StatTable,
} from "@/lib/stats/tables";
import { seasonLabel, seasonOf } from "@/lib/time";
import { EmptyPageNotice } from "@/components/empty-page-notice";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("statistics") };
}

const PATH = "/admin/statistiques";
const KEY_FIGURES: (keyof Figures)[] = ["offered", "confirmed", "attended", "people", "structures", "companions"];
/** Breakdowns whose labels are long: bars across. */
const HORIZONTAL = new Set<StatTable>(["lieux", "villes", "quartiers", "besoins", "secteurs"]);
/** A table shows its first TABLE_ROWS rows (the CSV has them all: a national network has a thousand
 * venues and hundreds of areas). The page shows one breakdown at a time, chosen above it: all of them at
 * once made a 280 kB page that missed its time at national scale (issue 15; the one-page report has them
 * all, shorter). */
const TABLE_ROWS = 25;

export default async function StatisticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireUser(PATH, "ADMIN");
  const filters = readPeriodFilters(await searchParams);
  const now = new Date();
  const breakdown = filters.breakdown ?? BREAKDOWN_DEFAULT;
  const [report, seasons, draws] = await Promise.all([
    statisticsReport(actor, filters, { now, perDimension: TABLE_ROWS, dimensions: [TABLE_DIMENSION[breakdown]] }),
    reportSeasons(actor, { now }),
    // The season's draws (issue 17): a range of days shows none.
    filters.range ? null : drawFairness(actor, filters.season ?? seasonOf(now)),
  ]);
  const t = await getTranslations("statistics");
  const words = await getTranslations();
  const say = (key: string) => words(key as never);
  const current = totalOf(report.current);
  const previous = totalOf(report.previous);
  const currentSeason = seasonOf(now);
  const { words: period, query: exportQuery } = periodOf(report, t);
  const empty = !current || (current.requested === 0 && !current.offered);
  const rows = rowsOf(report.current, TABLE_DIMENSION[breakdown]);
  const all = report.counts[TABLE_DIMENSION[breakdown]] ?? rows.length;
  const exports = (table: StatTable) => (
    <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm print:hidden">
      <ExportLink href={`${PATH}/export?${exportQuery}&table=${table}`} label={t("exportCsv")} table={t(`tables.${table}`)} />
      <ExportLink
        href={`${PATH}/export?${exportQuery}&table=${table}&diffusion=externe`}
        label={t("exportCsvPublic")}
        table={t(`tables.${table}`)}
        strong={false}
      />
    </p>
  );

  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-800">
          {t("title")} · <span className="whitespace-nowrap">{period}</span>
        </h1>
        <p>{t("lead")}</p>
      </header>

      <form method="get" action={PATH} aria-labelledby="periode" className="space-y-3 rounded-lg bg-brand-50 p-4 print:hidden">
        <h2 id="periode" className="text-lg font-semibold">
          {t("periodTitle")}
        </h2>
        <div className="grid gap-4 sm:grid-cols-3">
          <p>
            <label htmlFor="saison" className="mb-1 block font-semibold">
              {t("season")}
            </label>
            <select
              id="saison"
              name={WORDS.season}
              defaultValue={report.season ?? currentSeason}
              className="w-full rounded-md border border-gray-400 px-3 py-2"
            >
              {seasons.map((season) => (
                <option key={season} value={season}>
                  {season === currentSeason ? t("seasonCurrent", { label: seasonLabel(season) }) : seasonLabel(season)}
                </option>
              ))}
            </select>
          </p>
          <fieldset className="sm:col-span-2">
            <legend className="mb-1 font-semibold">{t("orRange")}</legend>
            <div className="grid gap-4 sm:grid-cols-2">
              <p>
                <label htmlFor="du" className="mb-1 block">
                  {t("from")}
                </label>
                <input
                  id="du"
                  name={WORDS.from}
                  type="date"
                  defaultValue={report.range?.from}
                  aria-describedby="periode-aide"
                  className="w-full rounded-md border border-gray-400 px-3 py-2"
                />
              </p>
              <p>
                <label htmlFor="au" className="mb-1 block">
                  {t("to")}
                </label>
                <input
                  id="au"
                  name={WORDS.to}
                  type="date"
                  defaultValue={report.range?.to}
                  aria-describedby="periode-aide"
                  className="w-full rounded-md border border-gray-400 px-3 py-2"
                />
              </p>
            </div>
          </fieldset>
        </div>
        <p id="periode-aide" className="text-sm">
          {t("rangeHint")}
        </p>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("show")}
        </button>
      </form>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm">
          {report.season !== null ? t("comparedSeason", { label: seasonLabel(report.season - 1) }) : t("comparedRange")}{" "}
          {report.computedAt ? t("computedAt", { date: formatMoment(report.computedAt) }) : t("computedNow")}
        </p>
        <p className="flex flex-wrap gap-3 print:hidden">
          <Link href={`${PATH}/rapport?${exportQuery}`} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t("reportLink")}
          </Link>
          <PrintButton label={t("print")} />
        </p>
      </div>

      {empty ? (
        <EmptyPageNotice>{t("empty")}</EmptyPageNotice>
      ) : (
        <>
          <section aria-labelledby="essentiel" className="space-y-3">
            <h2 id="essentiel" className="text-2xl font-semibold">
              {t("keyFigures")}
            </h2>
            <KeyFigures names={KEY_FIGURES} current={current!} previous={previous ?? null} />
          </section>

          {report.season !== null ? <LatePlacesFigure actor={actor} season={report.season} /> : null}

          {draws ? <DrawFairness draws={draws} /> : null}

          <SummarySection current={current!} previous={previous ?? null} after={exports("bilan")} />

          <section aria-labelledby="repartition" className="space-y-4">
            <h2 id="repartition" className="text-2xl font-semibold">
              {t("breakdownsTitle")}
            </h2>
            <nav aria-label={t("breakdownsNav")} className="print:hidden">
              <ul className="flex flex-wrap gap-2">
                {BREAKDOWN_TABLES.map((table) => (
                  <li key={table}>
                    <Link
                      href={`${PATH}?${exportQuery}&${WORDS.breakdown}=${table}#repartition`}
                      aria-current={table === breakdown ? "true" : undefined}
                      className={`inline-block rounded-full border px-3 py-1 ${table === breakdown ? "border-brand-800 bg-brand-800 font-semibold text-white" : "border-brand-700 text-brand-800 underline hover:bg-brand-50"}`}
                    >
                      {t(`tables.${table}`)}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            {rows.length ? (
              <Breakdown
                id={`t-${breakdown}`}
                title={t(`tables.${breakdown}`)}
                caption={`${t(`tables.${breakdown}`)} — ${period}`}
                keyColumn={t(`keyColumn.${breakdown}`)}
                columns={TABLE_COLUMNS[breakdown]}
                rows={rows.map((row) => ({ key: row.key, label: rowLabel(breakdown, row.key, say, report.venues, monthLabel), figures: row }))}
                horizontal={HORIZONTAL.has(breakdown)}
                level={3}
                after={
                  <>
                    {all > rows.length ? <p className="text-sm">{t("moreRows", { count: all - rows.length })}</p> : null}
                    {exports(breakdown)}
                  </>
                }
              />
            ) : (
              <EmptyPageNotice>{t("breakdownEmpty")}</EmptyPageNotice>
            )}
          </section>
        </>
      )}
      <p className="print:hidden">
        <Link href="/admin" className="font-semibold text-brand-800 underline">
          {words("nav.adminHome")}
        </Link>
      </p>
    </div>
  );
}
