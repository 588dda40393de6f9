// Arabic and Persian words of the invitation (issue 34.6, decision 023), written in their contextual
// presentation forms (U+FB50–FDFF, U+FE70–FEFF) before react-pdf sees them. react-pdf shapes and orders
// Arabic correctly on paper, but Noto Sans Arabic draws ج, ح and خ (and ب, ت, ث, ن, ي…) as one dotless
// glyph plus a separate dot: the PDF's map from glyphs back to letters then reads ج as ح and the dots as
// control characters, so a screen reader, a copy-paste or a search reads other words than the page shows.
// A presentation form is one code point per drawn shape: the font has a whole glyph for each, and every
// reader maps it back to its letter (Unicode's compatibility decomposition, NFKC).

/** Isolated, final, initial, medial; a letter that never joins the next has the first two only. */
type Forms = readonly [number, number, number?, number?];

const FORMS: Record<number, Forms> = {
  0x0621: [0xfe80, 0xfe80],
  0x0622: [0xfe81, 0xfe82],
  0x0623: [0xfe83, 0xfe84],
  0x0624: [0xfe85, 0xfe86],
  0x0625: [0xfe87, 0xfe88],
  0x0626: [0xfe89, 0xfe8a, 0xfe8b, 0xfe8c],
  0x0627: [0xfe8d, 0xfe8e],
  0x0628: [0xfe8f, 0xfe90, 0xfe91, 0xfe92],
  0x0629: [0xfe93, 0xfe94],
  0x062a: [0xfe95, 0xfe96, 0xfe97, 0xfe98],
  0x062b: [0xfe99, 0xfe9a, 0xfe9b, 0xfe9c],
  0x062c: [0xfe9d, 0xfe9e, 0xfe9f, 0xfea0],
  0x062d: [0xfea1, 0xfea2, 0xfea3, 0xfea4],
  0x062e: [0xfea5, 0xfea6, 0xfea7, 0xfea8],
  0x062f: [0xfea9, 0xfeaa],
  0x0630: [0xfeab, 0xfeac],
  0x0631: [0xfead, 0xfeae],
  0x0632: [0xfeaf, 0xfeb0],
  0x0633: [0xfeb1, 0xfeb2, 0xfeb3, 0xfeb4],
  0x0634: [0xfeb5, 0xfeb6, 0xfeb7, 0xfeb8],
  0x0635: [0xfeb9, 0xfeba, 0xfebb, 0xfebc],
  0x0636: [0xfebd, 0xfebe, 0xfebf, 0xfec0],
  0x0637: [0xfec1, 0xfec2, 0xfec3, 0xfec4],
  0x0638: [0xfec5, 0xfec6, 0xfec7, 0xfec8],
  0x0639: [0xfec9, 0xfeca, 0xfecb, 0xfecc],
  0x063a: [0xfecd, 0xfece, 0xfecf, 0xfed0],
  0x0641: [0xfed1, 0xfed2, 0xfed3, 0xfed4],
  0x0642: [0xfed5, 0xfed6, 0xfed7, 0xfed8],
  0x0643: [0xfed9, 0xfeda, 0xfedb, 0xfedc],
  0x0644: [0xfedd, 0xfede, 0xfedf, 0xfee0],
  0x0645: [0xfee1, 0xfee2, 0xfee3, 0xfee4],
  0x0646: [0xfee5, 0xfee6, 0xfee7, 0xfee8],
  0x0647: [0xfee9, 0xfeea, 0xfeeb, 0xfeec],
  0x0648: [0xfeed, 0xfeee],
  0x0649: [0xfeef, 0xfef0],
  0x064a: [0xfef1, 0xfef2, 0xfef3, 0xfef4],
  // Persian letters (Dari).
  0x067e: [0xfb56, 0xfb57, 0xfb58, 0xfb59],
  0x0686: [0xfb7a, 0xfb7b, 0xfb7c, 0xfb7d],
  0x0698: [0xfb8a, 0xfb8b],
  0x06a9: [0xfb8e, 0xfb8f, 0xfb90, 0xfb91],
  0x06af: [0xfb92, 0xfb93, 0xfb94, 0xfb95],
  0x06cc: [0xfbfc, 0xfbfd, 0xfbfe, 0xfbff],
};

/** Lam followed by one of these alefs is written as one obligatory ligature: [isolated, final]. */
const LAM = 0x0644;
const LAM_ALEF: Record<number, readonly [number, number]> = {
  0x0622: [0xfef5, 0xfef6],
  0x0623: [0xfef7, 0xfef8],
  0x0625: [0xfef9, 0xfefa],
  0x0627: [0xfefb, 0xfefc],
};

const TATWEEL = 0x0640;
const ZWJ = 0x200d;
/** Vowel marks and the like: they sit on a letter and do not break its joining. */
const isTransparent = (c: number) => (c >= 0x064b && c <= 0x065f) || c === 0x0670;

const joinsForward = (c: number | undefined) => c === TATWEEL || c === ZWJ || (c !== undefined && FORMS[c]?.[2] !== undefined);
const HAMZA = 0x0621; // joins neither side
const joinsBackward = (c: number | undefined) => c === TATWEEL || c === ZWJ || (c !== undefined && c !== HAMZA && FORMS[c] !== undefined);

/**
 * The same words in presentation forms, still in reading order (react-pdf's bidi puts them right to left).
 * The joining controls stay (ZWNJ in Dari's نمی‌توانید): they draw nothing and keep the word as written.
 */
export function toPresentationForms(text: string): string {
  const chars = Array.from(text.normalize("NFC"), (c) => c.codePointAt(0)!);
  const neighbour = (from: number, step: 1 | -1) => {
    for (let i = from + step; i >= 0 && i < chars.length; i += step) if (!isTransparent(chars[i]!)) return chars[i];
    return undefined;
  };
  const out: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const forms = FORMS[c];
    if (!forms) {
      out.push(c);
      continue;
    }
    const prev = neighbour(i, -1);
    const joinedBefore = joinsForward(prev);
    const next = neighbour(i, 1);
    if (c === LAM && next !== undefined && LAM_ALEF[next] && chars[i + 1] === next) {
      out.push(LAM_ALEF[next][joinedBefore ? 1 : 0]);
      i++;
      continue;
    }
    const joinedAfter = forms[2] !== undefined && joinsBackward(next);
    const form = joinedBefore ? (joinedAfter ? forms[3] : forms[1]) : joinedAfter ? forms[2] : forms[0];
    out.push(form!);
  }
  return String.fromCodePoint(...out);
}

/** Every presentation form of these letters. */
export const formsOf = (letters: readonly number[]): number[] =>
  letters.flatMap((letter) => {
    const forms: readonly (number | undefined)[] = FORMS[letter] ?? [];
    return forms.filter((c): c is number => c !== undefined);
  });

/** Where the presentation forms start: a glyph is first named by its form, not by a letter it also draws (ە for ه). */
export const FIRST_PRESENTATION_FORM = 0xfb50;
