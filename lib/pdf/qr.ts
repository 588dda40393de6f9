// A QR code as one vector path of its dark modules: sharp at any print size, a few kilobytes in the
// PDF (an embedded PNG would weigh more and blur), and drawn the same way by react-pdf and by pdfkit.
import QRCode from "qrcode";

export interface QrPath {
  /** Modules per side, quiet zone included: the path's viewBox is 0 0 size size. */
  size: number;
  /** SVG path data, one unit square per dark module. */
  d: string;
}

/** The quiet zone the QR standard asks around the symbol, in modules. */
const QUIET_ZONE = 4;

export function qrPath(text: string): QrPath {
  // Level M survives a fold or a smudge and keeps the symbol small (33×33 for our codes).
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    // Runs of dark modules on a row become one rectangle: a shorter path, drawn faster.
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h${start - col}z`);
    }
  }
  return { size: modules.size + 2 * QUIET_ZONE, d: parts.join("") };
}
