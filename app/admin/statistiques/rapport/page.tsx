import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { FigureTable } from "@/components/stats/figure-table";
import { FiguresChart } from "@/components/stats/figures-chart";
import { KeyFigures } from "@/components/stats/key-figures";
import { PrintButton } from "@/components/print-button";
import { requireUser } from "@/lib/auth/current";
import { formatMoment } from "@/lib/format/dates";
import type { Figures } from "@/lib/stats/figures";
import { readPeriodFilters, statisticsReport } from "@/lib/stats/report";
import { handedOut, monthLabel, periodOf, rowLabel, rowsOf, SUMMARY_LINES, TABLE_DIMENSION, totalOf, type StatTable } from "@/lib/stats/tables";
import { seasonLabel } from "@/lib/time";
import { EmptyPageNotice } from "@/components/empty-page-notice";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("statisticsReport") };
}

/** The breakdowns of the one-page report, each by its first rows. */
const SHORT_TABLES: Exclude<StatTable, "bilan" | "mois" | "villes">[] = ["secteurs", "categories", "lieux", "quartiers", "besoins"];
const SHORT_ROWS = 5;
const KEY_FIGURES: (keyof Figures)[] = ["offered", "confirmed", "attended", "people", "structures", "companions"];

/**
 * The season's account on one A4 page, for a funder or the general assembly: the key figures against the
 * season before, what became of the invitations, the months as a chart, and the first rows of each
 * breakdown. The full tables are on /admin/statistiques and in its exports. It leaves the association: its
 * figures are those of the files to hand out (issue 27.3, decision 011), so every breakdown is read whole.
 */
export default async function StatisticsReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireUser("/admin/statistiques/rapport", "ADMIN");
  const filters = readPeriodFilters(await searchParams);
  const report = await statisticsReport(actor, filters);
  const t = await getTranslations("statistics");
  const words = await getTranslations();
  const say = (key: string) => words(key as never);
  const current = totalOf(report.current);
  const previous = totalOf(report.previous);
  const { words: period, query } = periodOf(report, t);
  const back = `/admin/statistiques?${query}`;
  const months = rowsOf(report.current, "month");
  const out = handedOut(report, t("masked"));
  // Bars only where every figure drawn is shown: a bar would give a hidden one back.
  const drawn = months.every((_, i) => typeof out.cell("mois", i, "confirmed") === "number" && typeof out.cell("mois", i, "attended") === "number");

  return (
    <div className="mx-auto max-w-4xl space-y-4 text-sm print:max-w-none print:space-y-1 print:text-[8pt] print:leading-tight">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold text-brand-800 print:text-lg">{t("reportTitle", { period })}</h1>
        <p>
          {report.season !== null ? t("comparedSeason", { label: seasonLabel(report.season - 1) }) : t("comparedRange")}{" "}
          {report.computedAt ? t("computedAt", { date: formatMoment(report.computedAt) }) : t("computedNow")} {t("reportNoNames")} {t("reportMasked")}
        </p>
        <p className="flex flex-wrap gap-3 print:hidden">
          <PrintButton label={t("print")} />
          <Link href={back} className="rounded-md px-4 py-2 font-semibold text-brand-800 underline">
            {t("reportBack")}
          </Link>
        </p>
      </header>
      {!current || (current.requested === 0 && !current.offered) ? (
        <EmptyPageNotice>{t("empty")}</EmptyPageNotice>
      ) : (
        <>
          <KeyFigures names={KEY_FIGURES} current={current} previous={previous ?? null} handedOut={out} />
          <div className="grid gap-4 sm:grid-cols-2 print:grid-cols-2 print:gap-2">
            <FigureTable
              caption={t("summaryTitle")}
              captionVisible
              compact
              strongFirst
              head={t("figureColumn")}
              columns={previous ? [{ label: t("thisPeriod") }, { label: t("previousPeriod") }] : [{ label: t("thisPeriod") }]}
              rows={SUMMARY_LINES.map((name) => ({
                key: name,
                label: t(`figures.${name}`),
                cells: previous ? [out.current(name), out.previous(name)] : [out.current(name)],
              }))}
            />
            <div className="space-y-1">
              <h2 className="font-semibold">{t("tables.mois")}</h2>
              {drawn ? (
                <FiguresChart
                  rows={months.map((row) => ({ label: monthLabel(row.key), confirmed: row.confirmed, attended: row.attended }))}
                  names={{ confirmed: t("short.confirmed"), attended: t("short.attended") }}
                  height={180}
                />
              ) : null}
              <FigureTable
                caption={t("tables.mois")}
                compact
                head={t("keyColumn.mois")}
                columns={[{ label: t("short.confirmed") }, { label: t("short.attended") }]}
                rows={months.map((row, i) => ({
                  key: row.key,
                  label: monthLabel(row.key),
                  cells: [out.cell("mois", i, "confirmed"), out.cell("mois", i, "attended")],
                }))}
              />
            </div>
            {SHORT_TABLES.map((table) => {
              const rows = rowsOf(report.current, TABLE_DIMENSION[table]).slice(0, SHORT_ROWS);
              if (!rows.length) return null;
              return (
                <FigureTable
                  key={table}
                  caption={t("reportFirstRows", { table: t(`tables.${table}`), count: SHORT_ROWS })}
                  captionVisible
                  compact
                  head={t(`keyColumn.${table}`)}
                  columns={[{ label: t("short.confirmed") }, { label: t("short.attended") }, ...(table === "besoins" ? [] : [{ label: t("short.people") }])]}
                  rows={rows.map((row, i) => ({
                    key: row.key,
                    label: rowLabel(table, row.key, say, report.venues, monthLabel),
                    cells: [out.cell(table, i, "confirmed"), out.cell(table, i, "attended"), ...(table === "besoins" ? [] : [out.cell(table, i, "people")])],
                  }))}
                />
              );
            })}
          </div>
        </>
      )}
    </div>
  );
}
