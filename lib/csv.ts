// CSV for spreadsheets, as French Excel and LibreOffice read it: semicolons and a byte-order mark. A
// cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return:
// a guest named "=HYPERLINK(…)") is written with a leading apostrophe, as OWASP recommends
// (csv-stringify's escape_formulas).
import { stringify } from "csv-stringify/sync";

export function toCsv(header: string[], rows: (string | number)[][]): string {
  return `\uFEFF${stringify([header, ...rows], { delimiter: ";", escape_formulas: true })}`;
}
