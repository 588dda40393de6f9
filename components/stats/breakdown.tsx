// One breakdown of a statistics page: its heading, its chart (a picture of the table, hidden from screen
// readers) and its table, which scrolls on its own on a phone.
import type { ReactNode } from "react";
import { getTranslations } from "@/lib/i18n/server";
import { FigureTable } from "@/components/stats/figure-table";
import { FiguresChart } from "@/components/stats/figures-chart";
import type { Figures } from "@/lib/stats/figures";
import { shown } from "@/lib/stats/tables";
import { ScrollTable } from "@/components/scroll-table";

export interface BreakdownRow {
  key: string;
  label: string;
  figures: Partial<Record<keyof Figures, number | null>>;
  /** Cells after the figures, in words (the feedback of an event, say). */
  extra?: string[];
}

/** A chart shows the first rows only; the table has them all. */
const CHART_ROWS = 12;

export async function Breakdown({
  id,
  title,
  caption,
  keyColumn,
  columns,
  rows,
  horizontal = false,
  extraColumns = [],
  after,
  level = 2,
}: {
  id: string;
  title: string;
  caption: string;
  keyColumn: string;
  columns: (keyof Figures)[];
  rows: BreakdownRow[];
  horizontal?: boolean;
  extraColumns?: string[];
  /** Below the table: a note, the export links. */
  after?: ReactNode;
  /** Its heading's level: 3 under a heading of its own. */
  level?: 2 | 3;
}) {
  const t = await getTranslations("statistics");
  const Heading = level === 3 ? "h3" : "h2";
  return (
    <section aria-labelledby={id} className="space-y-3 print:break-inside-avoid">
      <Heading id={id} className={level === 3 ? "text-xl font-semibold" : "text-2xl font-semibold"}>
        {title}
      </Heading>
      {columns.includes("confirmed") && columns.includes("attended") ? (
        <figure className="space-y-2">
          <FiguresChart
            rows={rows.slice(0, CHART_ROWS).map((row) => ({ label: row.label, confirmed: row.figures.confirmed ?? 0, attended: row.figures.attended ?? 0 }))}
            names={{ confirmed: t("short.confirmed"), attended: t("short.attended") }}
            horizontal={horizontal}
          />
          <figcaption className="sr-only">{t("chartOf", { table: title.toLowerCase() })}</figcaption>
        </figure>
      ) : null}
      <ScrollTable label={`${title} — ${t("scrollLabel")}`}>
        <FigureTable
          caption={caption}
          head={keyColumn}
          columns={[...columns.map((name) => ({ label: t(`short.${name}` as "short.confirmed") })), ...extraColumns.map((label) => ({ label, text: true }))]}
          rows={rows.map((row) => ({
            key: row.key,
            label: row.label,
            cells: [...columns.map((name) => shown(name, row.figures[name] ?? null)), ...(row.extra ?? [])],
          }))}
          minWidth="min-w-[44rem]"
        />
      </ScrollTable>
      {after}
    </section>
  );
}
