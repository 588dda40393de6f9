// The easy-to-read pages' words (messages/fr/easy.json) checked against the rules we follow
// (docs/decisions/012-easy-to-read.md, after Inclusion Europe's "Information for all"): one idea per
// line, short sentences, everyday words (none of the platform's jargon), "tu" throughout, no
// abbreviations, no brackets, semicolons, percentages or words in capitals. A new text that breaks a rule
// fails here, with the rule it breaks.
import messages from "@/messages/fr";
import { formatDateInWords } from "@/lib/format/dates";

const MAX_WORDS = 12;
/** Words of the platform that the people supported should not have to learn. */
const JARGON = [
  "séance",
  "quota",
  "liste d'attente",
  "en attente",
  "convention",
  "confirmée",
  "annulée",
  "falc",
  "pmr",
  "boucle magnétique",
  "audiodescription",
  "surtitrage",
  "relax",
  "référent·e",
  "bénéficiaire",
  "usager",
];
const ABBREVIATIONS = /\b(?:lun|mar|mer|jeu|ven|sam|dim|janv|févr|avr|juil|sept|oct|nov|déc|env|etc|ex|min|tél|cf|svp)\./i;

/** Every text of a message: the plural branches of an ICU message, each line of a list; placeholders as "X". */
function textsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (value && typeof value === "object") return Object.values(value).flatMap(textsOf);
  const text = String(value);
  const branches = [...text.matchAll(/(?:=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g)].map((match) => match[1]!);
  return (branches.length ? branches : [text]).map((branch) => branch.replace(/\{[^{}]*\}/g, "X").replace(/#/g, "2"));
}

const easy = (messages as unknown as { easy: Record<string, unknown> }).easy;
const texts = Object.entries(easy).flatMap(([key, value]) => textsOf(value).map((text) => ({ key, text })));
const sentences = (text: string) => text.split(/(?<=[.?!:])\s+/).filter(Boolean);
const words = (text: string) => text.split(/\s+/).filter((word) => /[\p{L}\dX]/u.test(word));

describe("the easy-to-read texts follow the rules of decision 012", () => {
  it("are there to check", () => {
    expect(texts.length).toBeGreaterThan(30);
  });

  it.each([
    ["one idea per line: one sentence per text", ({ text }: { text: string }) => sentences(text).length <= 1],
    [`short sentences: at most ${MAX_WORDS} words`, ({ text }: { text: string }) => words(text).length <= MAX_WORDS],
    ["everyday words: none of the platform's jargon", ({ text }: { text: string }) => !JARGON.some((word) => text.toLowerCase().includes(word))],
    ["no abbreviations", ({ text }: { text: string }) => !ABBREVIATIONS.test(text)],
    ["no brackets, semicolons or percentages", ({ text }: { text: string }) => !/[()[\];%]/.test(text)],
    ["no words in capitals", ({ text }: { text: string }) => !/\p{Lu}{2,}/u.test(text.replace(/\bX\b/g, ""))],
    ['the reader is "tu", never "vous"', ({ text }: { text: string }) => !/\b(vous|votre|vos)\b/i.test(text)],
  ])("%s", (_, rule) => {
    expect(texts.filter((entry) => !rule(entry)).map(({ key, text }) => `${key} : ${text}`)).toEqual([]);
  });

  it("write dates in words: every word in full, the part of the day, no year this year", () => {
    const now = new Date("2026-11-25T10:00:00Z");
    for (const instant of ["2026-12-12T19:30:00Z", "2026-12-01T08:00:00Z", "2027-01-09T13:00:00Z"]) {
      const text = formatDateInWords(new Date(instant), now);
      expect(text).not.toMatch(ABBREVIATIONS);
      expect(text).toMatch(/, (le matin|l'après-midi|le soir), à/);
      expect(words(text).length).toBeLessThanOrEqual(MAX_WORDS);
    }
  });
});
