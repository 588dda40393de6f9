// Issue 30, "what is sent": each text in easy-to-read French (one idea per line, the date in words, the
// venue's address, no abbreviation), signed with the structure's name, and never more than two SMS
// segments. What varies (an event's title, a venue's address) is shortened until the text fits, rather
// than letting an operator split it into three paid parts or cut it where it likes.
import "server-only";
import { createTranslator } from "use-intl/core";
import { formatDateInWords } from "@/lib/format/dates";
import messages from "@/messages/fr";
import { countSegments, fitsInSegments, plainTypography, toGsm7, type SegmentCount } from "./segments";

const t = createTranslator({ locale: "fr", messages, namespace: "sms.texts" });

export const TEXT_KINDS = ["CONFIRMATION", "MOVED_UP", "REMINDER", "CANCELLATION", "FREED", "NOTED"] as const;
export type TextKind = (typeof TEXT_KINDS)[number];

export interface OutingFacts {
  firstName: string;
  structure: string;
  title: string;
  startsAt: Date;
  venue: string;
  address: string;
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
  const hello = t("hello", { firstName: facts.firstName });
  const where = t("where", { venue: facts.venue, address: facts.address });
  const when = formatDateInWords(facts.startsAt, now);
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

/** The text of `kind` about an outing, signed, in two segments at most. */
export function composeText(kind: TextKind, facts: OutingFacts, now = new Date()): ComposedText {
  const exact = (f: OutingFacts) => plainTypography([...lines(kind, f, now), f.structure].join("\n"));
  let current = { ...facts, firstName: shorten(facts.firstName, 30), structure: shorten(facts.structure, 40) };
  let text = exact(current);
  if (fitsInSegments(text)) return { text, ...countSegments(text) };
  // Too long in UCS-2: the SMS alphabet holds more than twice as much.
  const build = (f: OutingFacts) => toGsm7(exact(f));
  text = build(current);
  // The title first, then the address, then the venue's name: what the person needs least to find it.
  for (const field of ["title", "address", "venue", "structure"] as const) {
    while (!fitsInSegments(text) && current[field].length > 12) {
      current = { ...current, [field]: shorten(current[field], current[field].length - 8) };
      text = build(current);
    }
  }
  return { text, ...countSegments(text) };
}
