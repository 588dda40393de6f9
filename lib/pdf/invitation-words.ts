// The invitation's fixed words in the person's language (issue 34.6), printed beside the French ones:
// the person reads theirs, the ticket office reads French. Catalogs in messages/<code>/invitation.json, one for
// each language of the platform's list (lib/i18n/languages.ts): a language added there needs its words here.
import type { Styles } from "@react-pdf/renderer";
import { isLanguage, type Language } from "@/lib/i18n/languages";
import ar from "@/messages/ar/invitation.json";
import en from "@/messages/en/invitation.json";
import fa from "@/messages/fa-AF/invitation.json";
import fr from "@/messages/fr/invitation.json";
import ru from "@/messages/ru/invitation.json";
import uk from "@/messages/uk/invitation.json";
import { toPresentationForms } from "./arabic-forms";
import type { ArabicScriptLocale } from "./arabic-fonts";
import { PDF_ARABIC_FONT_FAMILIES } from "./fonts";

type Style = Styles[string];

export type InvitationWords = typeof fr.invitation.pdf;

const catalogs: Record<Language, { invitation: { pdf: InvitationWords } }> = { fr, en, ar, "fa-AF": fa, uk, ru };

export type InvitationLocale = Language;

export const isInvitationLocale = isLanguage;

/** The words printed beside the French, or none for a French invitation. */
export function translatedWords(locale: InvitationLocale): InvitationWords | null {
  return locale === "fr" ? null : catalogs[locale].invitation.pdf;
}

/** Every substitution fontkit applies to Arabic script (its Arabic shaper's list). */
const SUBSTITUTIONS = ["ccmp", "locl", "isol", "fina", "fin2", "fin3", "medi", "med2", "init", "rlig", "calt", "liga", "clig", "mset", "rclt"];
const substitutionsOff = () => Object.fromEntries(SUBSTITUTIONS.map((tag) => [tag, false]));

/** react-pdf sets the baseline one ascent down the line, and Noto Sans Arabic's ascent (1.374 em) leaves room for
 * vowel marks that these words do not carry: their letters reach 1.05 em up and 0.62 em down. 1.8 keeps
 * one line's letters off the next one's. */
const ARABIC_LINE_HEIGHT = 1.8;

export const isRightToLeft = (locale: InvitationLocale): locale is ArabicScriptLocale => locale in PDF_ARABIC_FONT_FAMILIES;

/**
 * How a line in that language is drawn, and its text as react-pdf must receive it. Arabic and Dari:
 * Noto Sans Arabic (the language's own instance: lib/pdf/arabic-fonts.ts), right to left, in presentation forms with the font's own substitutions off: the
 * forms are already chosen, and a substitution would split a letter into a dotless glyph and its dots
 * again (decision 023). A new style object each time: fontkit writes into the features it is given.
 */
export function lineIn(locale: InvitationLocale, text: string): { text: string; style: Style } {
  if (!isRightToLeft(locale)) return { text, style: {} };
  return {
    text: toPresentationForms(text),
    style: { fontFamily: PDF_ARABIC_FONT_FAMILIES[locale], direction: "rtl", lineHeight: ARABIC_LINE_HEIGHT, fontFeatureSettings: substitutionsOff() },
  };
}
