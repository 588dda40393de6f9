// Reads a PDF from stdin and prints, as JSON, its page count, the text of each page and the content of
// the QR code drawn on each page (from a rendering of the page, as a scanner at the door would read it).
// Run by tests/support/read-pdf.ts in a child process: pdf-parse's pdf.js loads its worker with
// import(), which Jest's CommonJS runtime cannot do.
import jsQR from "jsqr";
import { PDFParse } from "pdf-parse";
import sharp from "sharp";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
try {
  const { total, pages } = await parser.getText();
  const shots = await parser.getScreenshot({ scale: 1.5 });
  const qr = [];
  for (const shot of shots.pages) {
    const { data, info } = await sharp(Buffer.from(shot.data)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    qr.push(jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height)?.data ?? null);
  }
  process.stdout.write(JSON.stringify({ total, pages: pages.map((page) => page.text), qr }));
} finally {
  await parser.destroy();
}
