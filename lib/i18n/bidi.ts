// Bidirectional isolation (issue 34.2): inside an Arabic or Dari sentence, a date, a booking number, a
// phone number or a venue's French words are isolated runs, so that the Unicode bidi algorithm neither
// reorders them with the words around them nor moves their punctuation ("+33 6…", "K7QM-3RTX", "20:30",
// "Le Cid, 2e partie") to the wrong side. In markup, <Isolated> (components/i18n/isolated.tsx) writes
// <bdi>; in text (a message's values, an option, an attribute, what "Écouter" reads) FSI…PDI do the same.
// Left-to-right pages are left untouched: nothing there to reorder, and their texts stay as tests read them.
import { directionOf } from "./languages";

const FSI = "\u2068";
const PDI = "\u2069";

/** `text` as an isolated run when `language` is written right to left. */
export function isolate(text: string, language: string): string {
  return directionOf(language) === "rtl" ? `${FSI}${text}${PDI}` : text;
}

/** A message's values, each text isolated (numbers stay numbers, for plurals). */
export function isolateAll<V extends Record<string, string | number>>(values: V, language: string): V {
  if (directionOf(language) !== "rtl") return values;
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, typeof value === "string" ? isolate(value, language) : value])) as V;
}
