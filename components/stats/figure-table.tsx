// A statistics table: a row heading, then figures (right-aligned, in French number format) or words.
// Every table of the statistics pages is one, so that they read alike on screen, on paper and to a screen
// reader (a caption, column and row headers).
import { getFormatter } from "@/lib/i18n/server";

export interface FigureTableColumn {
  label: string;
  /** Words rather than a figure: left-aligned, written as given. */
  text?: boolean;
}

export interface FigureTableRow {
  key: string;
  label: string;
  cells: (string | number)[];
}

export async function FigureTable({
  caption,
  captionVisible = false,
  head,
  columns,
  rows,
  compact = false,
  strongFirst = false,
  minWidth,
}: {
  caption: string;
  captionVisible?: boolean;
  /** The row headers' column. */
  head: string;
  columns: FigureTableColumn[];
  rows: FigureTableRow[];
  /** Smaller cells, for the one-page report. */
  compact?: boolean;
  /** The first figure in bold (this period, beside the one before). */
  strongFirst?: boolean;
  minWidth?: string;
}) {
  const format = await getFormatter();
  const cell = compact ? "border-b border-gray-200 px-2 py-1 print:px-1 print:py-0" : "border-b border-gray-200 px-3 py-2";
  const headCell = compact ? cell : "border-b-2 border-brand-700 px-3 py-2";
  return (
    <table className={`w-full border-collapse text-left ${minWidth ?? ""}`}>
      <caption className={captionVisible ? "text-left font-semibold" : "sr-only"}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className={headCell}>
            {head}
          </th>
          {columns.map((column) => (
            <th key={column.label} scope="col" className={`${headCell} ${column.text ? "" : "text-right"}`}>
              {column.label}
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
            {row.cells.map((value, index) => (
              <td key={index} className={`${cell} ${columns[index]?.text ? "" : "text-right"} ${strongFirst && index === 0 ? "font-semibold" : ""}`}>
                {typeof value === "number" ? format.number(value) : value}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
