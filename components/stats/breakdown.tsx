// One breakdown of a statistics page: its heading, its chart (a picture of the table, hidden from screen
// readers) and its table, which scrolls on its own on a phone.
import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { FiguresChart } from "@/components/stats/figures-chart";
import type { Figures } from "@/lib/stats/figures";
import { shown } from "@/lib/stats/tables";

export interface BreakdownRow {
  key: string;
  label: string;
  figures: Partial<Record<keyof Figures, number | null>>;
  /** Cells after the figures (the feedback of an event, say). */
  extra?: ReactNode[];
}

const cell = "border-b border-gray-200 px-3 py-2";
const headCell = "border-b-2 border-brand-700 px-3 py-2";
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
}) {
  const t = await getTranslations("statistics");
  const format = await getFormatter();
  const number = (value: number | string) => (typeof value === "number" ? format.number(value) : value);
  return (
    <section aria-labelledby={id} className="space-y-3 print:break-inside-avoid">
      <h2 id={id} className="text-2xl font-semibold">
        {title}
      </h2>
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
      <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={`${title} — ${t("scrollLabel")}`}>
        <table className="w-full min-w-[44rem] border-collapse text-left">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className={headCell}>
                {keyColumn}
              </th>
              {columns.map((name) => (
                <th key={name} scope="col" className={`${headCell} text-right`}>
                  {t(`short.${name}` as "short.confirmed")}
                </th>
              ))}
              {extraColumns.map((name) => (
                <th key={name} scope="col" className={headCell}>
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" className={`${cell} font-normal`}>
                  {row.label}
                </th>
                {columns.map((name) => (
                  <td key={name} className={`${cell} text-right`}>
                    {number(shown(name, row.figures[name] ?? null))}
                  </td>
                ))}
                {(row.extra ?? []).map((content, index) => (
                  <td key={index} className={cell}>
                    {content}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {after}
    </section>
  );
}
