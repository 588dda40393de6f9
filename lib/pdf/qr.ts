// A QR code as vector rectangles, one per run of dark modules on a row: sharp at any print size, a few
// kilobytes in the PDF (an embedded PNG would weigh more and blur). The invitation draws the rectangles
// straight into the page (lib/pdf/invitation.tsx); the bench's pdfkit page draws the same ones as a path.
import QRCode from "qrcode";

/** A run of dark modules on one row: its left column, its row and its length, in modules. */
export type QrRun = readonly [x: number, y: number, width: number];

export interface QrModules {
  /** Modules per side, quiet zone included: the runs lie in a square of that side. */
  size: number;
  runs: QrRun[];
}

export interface QrPath {
  /** Modules per side, quiet zone included: the path's viewBox is 0 0 size size. */
  size: number;
  /** SVG path data, one unit-high rectangle per run. */
  d: string;
}

/** The quiet zone the QR standard asks around the symbol, in modules. */
const QUIET_ZONE = 4;

export function qrModules(text: string): QrModules {
  // Level M survives a fold or a smudge and keeps the symbol small (33×33 for our codes).
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const runs: QrRun[] = [];
  for (let row = 0; row < modules.size; row++) {
    // Runs of dark modules on a row become one rectangle: fewer to draw.
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      runs.push([start + QUIET_ZONE, row + QUIET_ZONE, col - start]);
    }
  }
  return { size: modules.size + 2 * QUIET_ZONE, runs };
}

export function qrPath(text: string): QrPath {
  const { size, runs } = qrModules(text);
  return { size, d: runs.map(([x, y, width]) => `M${x} ${y}h${width}v1h${-width}z`).join("") };
}
