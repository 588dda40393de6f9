// The catalog of each language (issue 34.1): French is whole; another language holds the person's pages'
// parts only (PERSON_NAMESPACES in ./languages.ts, messages/<code>/person.json), laid over French, so
// that a staff's word a visitor may still meet (a shared button, a rare error) reads in French rather
// than as a key. tests/unit/catalog-languages.test.ts keeps each language whole on the person's parts.
import fr from "@/messages/fr";
import ar from "@/messages/ar/person.json";
import en from "@/messages/en/person.json";
import faAF from "@/messages/fa-AF/person.json";
import ru from "@/messages/ru/person.json";
import uk from "@/messages/uk/person.json";
import type { Language } from "./languages";

type Tree = Record<string, unknown>;

const catalogs: Record<Exclude<Language, "fr">, Tree> = { en, ar, "fa-AF": faAF, uk, ru };

/** A language's own catalog, without the French beneath it. */
export function catalogOf(code: Language): Tree {
  return code === "fr" ? (fr as unknown as Tree) : catalogs[code];
}

function over(base: Tree, top: Tree): Tree {
  const merged: Tree = { ...base };
  for (const [key, value] of Object.entries(top)) {
    const under = merged[key];
    merged[key] =
      value && typeof value === "object" && !Array.isArray(value) && under && typeof under === "object" && !Array.isArray(under)
        ? over(under as Tree, value as Tree)
        : value;
  }
  return merged;
}

const merged = new Map<Language, Tree>();

/** What a page in `code` reads: that language's words over the French catalog (built once per language). */
export function messagesFor(code: Language): typeof fr {
  if (code === "fr") return fr;
  let messages = merged.get(code);
  if (!messages) merged.set(code, (messages = over(fr as unknown as Tree, catalogs[code])));
  return messages as typeof fr;
}
