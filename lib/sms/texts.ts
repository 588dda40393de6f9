// Issue 30, "what is sent": each text in easy-to-read French (one idea per line, the date in words, the
// venue's address, no abbreviation), signed with the structure's name, and never more than two SMS
// segments. What varies (an event's title, a venue's address) is shortened until the text fits, rather
// than letting an operator split it into three paid parts or cut it where it likes.
import "server-only";
//
// In the person's language when their referent recorded one (issue 34.1): that language's words and date;
// "NON" stays the word to answer. A script outside the SMS alphabet (Arabic, Persian, Cyrillic) is sent in
// UCS-2 as it is: turning it into the alphabet would leave question marks, so only shortening makes it fit.
import { createTranslator } from "use-intl/core";
import { sharedCaches } from "@/lib/i18n/shared-caches";
import { formatDateInWords } from "@/lib/format/dates";
import { messagesFor } from "@/lib/i18n/catalogs";
import { DEFAULT_LANGUAGE, isLanguage, languageOf, type Language } from "@/lib/i18n/languages";
import { countSegments, fitsInSegments, MAX_SEGMENTS, MAX_SEGMENTS_OTHER_SCRIPTS, plainTypography, toGsm7, type SegmentCount } from "./segments";

const translators = new Map<Language, ReturnType<typeof translatorOf>>();
const translatorOf = (language: Language) =>
  createTranslator({ locale: languageOf(language).intl, messages: messagesFor(language), namespace: "sms.texts", ...sharedCaches(languageOf(language).intl) });
function textsIn(language: Language) {
  let t = translators.get(language);
  if (!t) translators.set(language, (t = translatorOf(language)));
  return t;
}

/** Languages written in the SMS alphabet (GSM-7 once accents are dropped); the others go in UCS-2. */
const LATIN = new Set<Language>(["fr", "en"]);

export const TEXT_KINDS = ["CONFIRMATION", "MOVED_UP", "REMINDER", "CANCELLATION", "FREED", "NOTED"] as const;
export type TextKind = (typeof TEXT_KINDS)[number];

export interface OutingFacts {
  firstName: string;
  structure: string;
  title: string;
  startsAt: Date;
  venue: string;
  address: string;
  /** The person's language (lib/i18n/languages.ts); none: French. */
  language?: string | null;
}

export interface ComposedText extends SegmentCount {
  text: string;
}

/** Shortened to `length` characters at most, at a word if one is near, with "..." to show it. */
function shorten(value: string, length: number): string {
  if (value.length <= length) return value;
  const cut = value.slice(0, Math.max(1, length - 3));
  const atWord = cut.replace(/\s+\S*$/, "");
  return `${atWord.length > length / 2 ? atWord : cut}...`;
}

function lines(kind: TextKind, facts: OutingFacts, now: Date): string[] {
  const language = isLanguage(facts.language) ? facts.language : DEFAULT_LANGUAGE;
  const t = textsIn(language);
  const hello = t("hello", { firstName: facts.firstName });
  const where = t("where", { venue: facts.venue, address: facts.address });
  const when = formatDateInWords(facts.startsAt, now, language);
  switch (kind) {
    case "CONFIRMATION":
    case "MOVED_UP":
      return [hello, t(kind), facts.title, when, where];
    case "REMINDER":
      return [hello, t("REMINDER"), facts.title, when, where, t("REMINDER_ANSWER")];
    case "CANCELLATION":
      return [hello, t("CANCELLATION"), facts.title, when, t("CANCELLATION_NEXT")];
    case "FREED":
    case "NOTED":
      return [t(kind), facts.title, when];
  }
}

/** The text of `kind` about an outing, signed, in two segments at most (three for a script outside the SMS alphabet). */
export function composeText(kind: TextKind, facts: OutingFacts, now = new Date()): ComposedText {
  const latin = LATIN.has(isLanguage(facts.language) ? facts.language : DEFAULT_LANGUAGE);
  const max = latin ? MAX_SEGMENTS : MAX_SEGMENTS_OTHER_SCRIPTS;
  const exact = (f: OutingFacts) => plainTypography([...lines(kind, f, now), f.structure].join("\n"));
  let current = { ...facts, firstName: shorten(facts.firstName, 30), structure: shorten(facts.structure, 40) };
  let text = exact(current);
  if (fitsInSegments(text, max)) return { text, ...countSegments(text) };
  // Too long in UCS-2: the SMS alphabet holds more than twice as much, for the languages written in it.
  const build = (f: OutingFacts) => (latin ? toGsm7(exact(f)) : exact(f));
  text = build(current);
  // The title first, then the address, then the venue's name: what the person needs least to find it.
  for (const field of ["title", "address", "venue", "structure"] as const) {
    while (!fitsInSegments(text, max) && current[field].length > 12) {
      current = { ...current, [field]: shorten(current[field], current[field].length - 8) };
      text = build(current);
    }
  }
  return { text, ...countSegments(text) };
}
