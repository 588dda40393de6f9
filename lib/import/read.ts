// Issue 31.1: a file as the association has it, read into a table of text cells: CSV with ";" or ","
// (the separator is the one the header line uses most), in UTF-8 or Windows-1252 (what Excel for Windows
// writes: a file that is not valid UTF-8 is taken as Windows-1252), with or without a byte-order mark; or
// an XLSX workbook (its first sheet). A file too large or unreadable is refused in French, whole.
import ExcelJS from "exceljs";
import { parse as parseCsv } from "csv-parse/sync";
import { RuleViolation } from "@/lib/errors";

/** Larger files are cut by the association into several (the form's upload limit is 6 MB). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 10_000;

export interface Table {
  headers: string[];
  /** The data rows; rows[i] is line i + 2 of the file (the headers are line 1). */
  rows: string[][];
}

// The sentence says what is wrong with this file (size, format, quoting…): the catalog repeats it as it is.
const refuse = (message: string) => new RuleViolation("IMPORT_FILE", message, { reason: message });

export async function readTable(bytes: Uint8Array): Promise<Table> {
  if (bytes.byteLength === 0) throw refuse("Le fichier est vide.");
  if (bytes.byteLength > MAX_FILE_BYTES) throw refuse("Le fichier dépasse 5 Mo : coupez-le en plusieurs fichiers.");
  const cells = isZip(bytes) ? await readXlsx(bytes) : readCsv(decode(bytes));
  const [headers, ...rows] = cells.filter((row) => row.some((cell) => cell !== ""));
  if (!headers) throw refuse("Le fichier est vide.");
  if (rows.length === 0) throw refuse("Le fichier n'a que sa ligne d'en-têtes : aucune ligne à importer.");
  if (rows.length > MAX_ROWS) throw refuse(`Le fichier a ${rows.length} lignes, plus que les ${MAX_ROWS} permises : coupez-le en plusieurs fichiers.`);
  return { headers, rows };
}

// XLSX files are ZIP archives: they start with "PK\x03\x04".
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

function readCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  try {
    const rows = parseCsv(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, to: MAX_ROWS + 2 }) as string[][];
    return rows;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw refuse(`Le fichier CSV est mal formé${line ? ` vers la ligne ${line}` : ""} (un guillemet non refermé ?) : rien n'a été importé.`);
  }
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw refuse("Ce fichier ne se lit pas comme un classeur XLSX : enregistrez-le en .xlsx ou en CSV.");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw refuse("Le classeur n'a aucune feuille.");
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as unknown[];
    rows.push(values.slice(1).map(cellText));
  });
  return rows;
}

/** A cell as text: dates as days (exceljs gives them at midnight UTC), links and formulas by what they show. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const cell = value as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (cell.richText)
      return cell.richText
        .map((part) => part.text)
        .join("")
        .trim();
    if (cell.text !== undefined) return cellText(cell.text);
    if (cell.result !== undefined) return cellText(cell.result);
    return "";
  }
  return String(value).trim();
}
