// Issue 31.2: the ZIP of every table (lib/export/tables.ts), one CSV each as French spreadsheets read them
// (lib/csv), and a README of their columns. Read in one REPEATABLE READ transaction, so that the files
// agree with each other (a booking's guests are in invites.csv when the booking is in reservations.csv).
import "server-only";
import yazl from "yazl";
import { toCsv } from "@/lib/csv";
import { getPrisma } from "@/lib/db/client";
import { EXPORT_TABLES, type ExportTable } from "./tables";

function cell(value: unknown): string | number {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.join(",");
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (typeof value === "object") return JSON.stringify(value);
  return value as string | number;
}

const selectOf = (table: ExportTable) =>
  `SELECT ${table.columns.map((column, index) => `${column.sql} AS "c${index}"`).join(", ")} FROM ${table.from} ORDER BY ${table.orderBy}`;

export function readme(at: Date): string {
  const lines = [
    `Export de toutes les données — ${at.toISOString()}`,
    "",
    "Un fichier CSV par table (séparateur « ; », UTF-8). Les dates sont en UTC (ISO 8601).",
    "Les mots de passe, jetons, codes d'accès et clés n'y sont jamais.",
    "",
  ];
  for (const table of EXPORT_TABLES) {
    lines.push(`## ${table.file}`, table.description, ...table.columns.map((column) => `- ${column.name} : ${column.description}`), "");
  }
  return lines.join("\n");
}

/** The export as a ZIP in memory, and how many rows each file holds. */
export async function buildExport(at = new Date()): Promise<{ zip: Buffer; rows: Record<string, number> }> {
  const files = await getPrisma().$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const out: { file: string; csv: string; rows: number }[] = [];
      for (const table of EXPORT_TABLES) {
        const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(selectOf(table));
        const cells = rows.map((row) => table.columns.map((_, index) => cell(row[`c${index}`])));
        out.push({
          file: table.file,
          csv: toCsv(
            table.columns.map((column) => column.name),
            cells,
          ),
          rows: rows.length,
        });
      }
      return out;
    },
    { timeout: 300_000 },
  );
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(readme(at), "utf8"), "LISEZMOI.txt", { mtime: at });
  for (const file of files) zip.addBuffer(Buffer.from(file.csv, "utf8"), file.file, { mtime: at });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return { zip: Buffer.concat(chunks), rows: Object.fromEntries(files.map((file) => [file.file, file.rows])) };
}
