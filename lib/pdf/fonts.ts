// The fonts of our PDFs ship in the repository (assets/fonts, DejaVu Sans: free licence next to the
// files): nothing is downloaded at run time, and every French accent has its glyph. Paths are resolved
// from the project root (process.cwd()), which is where `next start`, Jest, tsx and the scripts run;
// __dirname would point into .next/ once the server code is bundled.
import path from "node:path";

export const PDF_FONT_FAMILY = "DejaVu Sans";

const fontsDir = () => path.join(process.cwd(), "assets", "fonts");

export const pdfFontFiles = {
  regular: () => path.join(fontsDir(), "DejaVuSans.ttf"),
  bold: () => path.join(fontsDir(), "DejaVuSans-Bold.ttf"),
};
