// Issue 30: every text fits in two SMS segments. A phone counts a message in GSM-7 (the SMS alphabet:
// 160 characters, 153 per part once split, two for the few characters of its extension table) unless a
// single character is outside that alphabet: then the whole message is UCS-2 (70, 67 per part). French
// keeps é, è, à, ù in GSM-7 but not ê, ç, â, î, ô or û, so the count is made on the real text.
// Client-safe: no server code.

const GSM7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM7_EXTENSION = "\f^{}\\[~]|€";
const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

export type SmsEncoding = "GSM7" | "UCS2";

/** At most this many segments per message (the rule). */
export const MAX_SEGMENTS = 2;
/**
 * For a text in a script outside the SMS alphabet (Arabic, Persian, Cyrillic: issue 34.1), always UCS-2 at
 * 67 characters a segment: two would leave "Théâtr..., 12 r..." of the address. Three, and no more
 * (docs/decisions/022-languages.md).
 */
export const MAX_SEGMENTS_OTHER_SCRIPTS = 3;

export interface SegmentCount {
  encoding: SmsEncoding;
  /** Septets in GSM-7, UTF-16 code units in UCS-2. */
  units: number;
  segments: number;
}

export function countSegments(text: string): SegmentCount {
  let septets = 0;
  for (const char of text) {
    if (BASIC.has(char)) septets += 1;
    else if (EXTENSION.has(char)) septets += 2;
    else {
      const units = text.length;
      return { encoding: "UCS2", units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
    }
  }
  return { encoding: "GSM7", units: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
}

/**
 * Typography that has a plain equivalent in the SMS alphabet, replaced so that one curly apostrophe in an
 * event's title does not halve what the message may hold. Letters keep their accents: "fête" stays "fête".
 */
export function plainTypography(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\u2026/g, "...")
    .replace(/[\u00a0\u202f\u2009]/g, " ")
    .replace(/œ/g, "oe")
    .replace(/Œ/g, "OE")
    .replace(/ +/g, " ");
}

export const fitsInSegments = (text: string, max = MAX_SEGMENTS) => countSegments(text).segments <= max;

/**
 * The text in the SMS alphabet: letters it lacks lose their accent ("Théâtre" reads "Théatre", "fête"
 * "fete"), the ones it has keep it (é, è, à, ù). Used only when the exact text would not fit two segments
 * in UCS-2 (134 characters): a readable word beats a cut sentence.
 */
export function toGsm7(text: string): string {
  let result = "";
  for (const char of text) {
    if (BASIC.has(char) || EXTENSION.has(char)) result += char;
    else {
      const base = char.normalize("NFD").replace(/\p{Diacritic}/gu, "");
      result += [...base].every((part) => BASIC.has(part)) ? base : "?";
    }
  }
  return result;
}
