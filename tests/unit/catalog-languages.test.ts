// Issue 34.1: the person's pages speak English, Arabic, Dari, Ukrainian and Russian. Every key of the French
// catalog under PERSON_NAMESPACES must exist in each language, say something, keep the same ICU arguments
// (a lost {count} would print nothing where a number belongs) and parse with that language's plural rules;
// a key the French catalog no longer has is a leftover. Any other key falls back to French on purpose
// (docs/translations.md).
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import fr from "@/messages/fr";
import { LANGUAGES, PERSON_NAMESPACES } from "@/lib/i18n/languages";
import { catalogOf, messagesFor } from "@/lib/i18n/catalogs";

type Tree = Record<string, unknown>;

function at(tree: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Tree)[key] : undefined), tree);
}

/** Every leaf under `node`, by its dotted path (a list of lines counts as one leaf per line). */
function leaves(node: unknown, prefix: string): [string, unknown][] {
  if (node && typeof node === "object" && !Array.isArray(node))
    return Object.entries(node as Tree).flatMap(([key, value]) => leaves(value, `${prefix}.${key}`));
  return [[prefix, node]];
}

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if ("value" in element && element.type !== TYPE.literal && typeof element.value === "string") into.add(element.value);
    if ("options" in element) for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    if ("children" in element) argumentsOf(element.children, into);
  }
  return into;
}

/** Arguments only French grammar needs: the gender of "ce/cet/cette spectacle". */
const FRENCH_ONLY_ARGUMENTS = new Set(["gender"]);

const others = LANGUAGES.filter((language) => language.code !== "fr");

describe.each(others.map((language) => [language.code, language] as const))("the %s catalog", (code) => {
  const catalog = catalogOf(code);

  it("has every French key of the person's pages, each saying something", () => {
    const missing: string[] = [];
    for (const namespace of PERSON_NAMESPACES) {
      for (const [key, french] of leaves(at(fr, namespace), namespace)) {
        const translated = at(catalog, key);
        if (typeof translated !== typeof french || (Array.isArray(french) && (!Array.isArray(translated) || translated.length === 0))) missing.push(key);
        else if (typeof translated === "string" && translated.trim() === "" && french !== "") missing.push(key);
      }
    }
    expect(missing).toEqual([]);
  });

  it("keeps each message's arguments, in messages that parse", () => {
    const differ: string[] = [];
    for (const namespace of PERSON_NAMESPACES) {
      for (const [key, french] of leaves(at(fr, namespace), namespace)) {
        const translated = at(catalog, key);
        if (typeof french !== "string" || typeof translated !== "string") continue;
        const wanted = [...argumentsOf(parse(french, { ignoreTag: false }))].filter((name) => !FRENCH_ONLY_ARGUMENTS.has(name)).sort();
        const got = [...argumentsOf(parse(translated, { ignoreTag: false }))].filter((name) => !FRENCH_ONLY_ARGUMENTS.has(name)).sort();
        if (got.join() !== wanted.join()) differ.push(`${key}: ${got.join()} ≠ ${wanted.join()}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it("holds nothing the French catalog does not", () => {
    const extra = leaves(catalog, "")
      .map(([key]) => key.slice(1))
      .filter((key) => at(fr, key) === undefined && !/\.\d+$/.test(key));
    expect(extra).toEqual([]);
  });

  it("falls back to French for the staff's words only", () => {
    const merged = messagesFor(code) as Tree;
    expect(at(merged, "nav.journal")).toBe(at(fr, "nav.journal"));
    expect(at(merged, "easy.title")).toBe(at(catalog, "easy.title"));
    expect(at(merged, "easy.title")).not.toBe(at(fr, "easy.title"));
  });
});
