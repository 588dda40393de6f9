// The fonts of our PDFs ship in the repository (assets/fonts, DejaVu Sans and Noto Sans Arabic: free
// licences next to the files): nothing is downloaded at run time, every French accent has its glyph, and
// the invitation's words in Ukrainian, Russian (DejaVu) and in Arabic and Dari (Noto) too. Paths are resolved
// from the project root (process.cwd()), which is where `next start`, Jest, tsx and the scripts run;
// __dirname would point into .next/ once the server code is bundled.
import path from "node:path";

export const PDF_FONT_FAMILY = "DejaVu Sans";

const fontsDir = () => path.join(process.cwd(), "assets", "fonts");

export const pdfFontFiles = {
  regular: () => path.join(fontsDir(), "DejaVuSans.ttf"),
  bold: () => path.join(fontsDir(), "DejaVuSans-Bold.ttf"),
};

/**
 * Arabic and Persian letters, with the Latin letters, digits and punctuation of the same family (so that a
 * right-to-left line is one run of one font). Registered twice, once per language, from the same files:
 * see lib/pdf/arabic-fonts.ts.
 */
export const PDF_ARABIC_FONT_FAMILIES = { ar: "Noto Sans Arabic", "fa-AF": "Noto Sans Arabic (Dari)" } as const;

export const pdfArabicFontFiles = {
  regular: () => path.join(fontsDir(), "NotoSansArabic-Regular.ttf"),
  bold: () => path.join(fontsDir(), "NotoSansArabic-Bold.ttf"),
};
