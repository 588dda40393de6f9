// CSV for spreadsheets, as French Excel and LibreOffice read it: semicolons and a byte-order mark. A
// cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return:
// a guest named "=HYPERLINK(…)") is written with a leading apostrophe, as OWASP recommends
// (csv-stringify's escape_formulas).
// Issue 27.10: the file may be opened by a reader that splits on commas, not semicolons: there
// "Dupont,=HYPERLINK(…)" would become a cell starting a formula. So a cell is quoted whenever it holds
// either separator, a quote or a line break, or starts like a formula, whatever separator is used.
import { stringify } from "csv-stringify/sync";

const NEEDS_QUOTES = /[;,"\r\n]|^'?[=+\-@\t\r]/;

export function toCsv(header: string[], rows: (string | number)[][]): string {
  return `\uFEFF${stringify([header, ...rows], { delimiter: ";", escape_formulas: true, quoted_match: NEEDS_QUOTES })}`;
}
