import { execFile } from "node:child_process";
import path from "node:path";

export interface ReadPdf {
  total: number;
  /** Text of each page. */
  pages: string[];
  /** Content of the QR code found on each page (null: none read). */
  qr: (string | null)[];
}

/** What a reader (and a scanner) finds in a PDF: see read-pdf-child.mjs. */
export function readPdf(pdf: Buffer): Promise<ReadPdf> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [path.join(__dirname, "read-pdf-child.mjs")], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`read-pdf: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout) as ReadPdf);
    });
    child.stdin!.end(pdf);
  });
}
