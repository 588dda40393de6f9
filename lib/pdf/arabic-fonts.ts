// The Arabic and Dari fonts of the invitation (issue 34.6, decision 023). A PDF maps each drawn glyph
// back to the letter it stands for with the code point fontkit attached to that glyph the first time it
// made it, once per process. Two traps follow. A glyph first made as a part of a composite letter (the
// base of ذ is د's glyph) has no code point, and every later document loses that letter; and Arabic ي and
// Dari ی share their glyphs, so whichever language printed first would name the other's letter. Hence one
// font instance per language, each given its code points first, in its own language's order.
import type { Font as FontStore } from "@react-pdf/renderer";
import { FIRST_PRESENTATION_FORM, formsOf } from "./arabic-forms";
import { PDF_ARABIC_FONT_FAMILIES, pdfArabicFontFiles } from "./fonts";
import { rememberShaping, type ShapingFont } from "./shaping-cache";

export type ArabicScriptLocale = keyof typeof PDF_ARABIC_FONT_FAMILIES;

/** Letters whose glyphs the other language shares, first in each language's order. */
const OWN_LETTERS: Record<ArabicScriptLocale, readonly number[]> = {
  ar: [0x064a, 0x0649, 0x0643],
  "fa-AF": [0x06cc, 0x06a9],
};

const WEIGHTS = [400, 700] as const;

type FontKitFont = ShapingFont & { characterSet: number[]; glyphForCodePoint(codePoint: number): unknown };

const primed = new WeakSet<object>();

export function registerArabicFonts(Font: typeof FontStore): void {
  for (const family of Object.values(PDF_ARABIC_FONT_FAMILIES)) {
    Font.register({
      family,
      fonts: [
        { src: pdfArabicFontFiles.regular(), fontWeight: "normal" },
        { src: pdfArabicFontFiles.bold(), fontWeight: "bold" },
      ],
    });
  }
}

/** Loads the language's font (once per process) and gives each of its glyphs its code point before any document does. */
export async function prepareArabicFont(Font: typeof FontStore, locale: ArabicScriptLocale): Promise<void> {
  const fontFamily = PDF_ARABIC_FONT_FAMILIES[locale];
  for (const fontWeight of WEIGHTS) {
    await Font.load({ fontFamily, fontWeight });
    const font = Font.getFont({ fontFamily, fontWeight })?.data as FontKitFont | null | undefined;
    if (!font || primed.has(font)) continue;
    const forms = font.characterSet.filter((codePoint) => codePoint >= FIRST_PRESENTATION_FORM);
    for (const codePoint of [...formsOf(OWN_LETTERS[locale]), ...forms, ...font.characterSet]) font.glyphForCodePoint(codePoint);
    primed.add(font);
    rememberShaping(font);
  }
}
