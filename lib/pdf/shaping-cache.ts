// A ten-guest invitation prints the same words on ten pages: the fixed words, the event, the venue, the
// structure (issue 35.2, decision 027). react-pdf's text engine asks fontkit to shape each of them again on
// every page, and shaping (choosing and placing glyphs) was the dearest part of its layout. Our fonts
// remember what they shaped while a document is being drawn, so each string is shaped once per document.
// The glyph runs are shared, never written: the text engine copies their positions before adjusting them
// (@react-pdf/textkit's layoutRun), and the glyphs are fontkit's own, the same for every run of a font.
// Nothing is kept once no document is being drawn: guests' names do not stay in the server's memory.

/** The part of a fontkit font that react-pdf's text engine calls (fontkit's TTFFont). */
export interface ShapingFont {
  layout(text: string, features?: unknown, script?: string, language?: string, direction?: string): unknown;
  hasGlyphForCodePoint(codePoint: number): boolean;
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly lineGap: number;
}

/** Read for every character and every run; fontkit reads them from the font's tables each time. They never change. */
const METRICS = ["unitsPerEm", "ascent", "descent", "lineGap"] as const;

/** A bound on what one font remembers while documents are drawn without pause (a busy server). */
const MAX_RUNS = 5_000;

const remembered = new WeakSet<object>();
const runsOfEachFont: Map<string, unknown>[] = [];
let drawing = 0;

/** Makes the font remember its glyph runs while a document is drawn (see drawWithShapingCache), which characters it has and its metrics. */
export function rememberShaping(font: ShapingFont): void {
  if (remembered.has(font)) return;
  remembered.add(font);
  const shape = font.layout.bind(font);
  const runs = new Map<string, unknown>();
  runsOfEachFont.push(runs);
  font.layout = (text, features, script, language, direction) => {
    if (drawing === 0) return shape(text, features, script, language, direction);
    // fontkit writes into the features it is given: the key is taken before.
    const key = `${text}\u0000${features === undefined ? "" : JSON.stringify(features)}\u0000${script ?? ""}\u0000${language ?? ""}\u0000${direction ?? ""}`;
    let run = runs.get(key);
    if (run === undefined) {
      if (runs.size >= MAX_RUNS) runs.clear();
      run = shape(text, features, script, language, direction);
      runs.set(key, run);
    }
    return run;
  };
  // Asked for every character of every text (which font of the family has it): the answer never changes.
  const has = font.hasGlyphForCodePoint.bind(font);
  const characters = new Map<number, boolean>();
  font.hasGlyphForCodePoint = (codePoint) => {
    let answer = characters.get(codePoint);
    if (answer === undefined) characters.set(codePoint, (answer = has(codePoint)));
    return answer;
  };
  for (const metric of METRICS) Object.defineProperty(font, metric, { value: font[metric] });
}

/** Draws a document with the fonts remembering their glyph runs; forgets them when no document is being drawn. */
export async function drawWithShapingCache<T>(draw: () => Promise<T>): Promise<T> {
  drawing++;
  try {
    return await draw();
  } finally {
    if (--drawing === 0) for (const runs of runsOfEachFont) runs.clear();
  }
}
