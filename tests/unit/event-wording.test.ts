// Issue 13, item 13: "spectacle" only where it is one. Events have a category (a concert, an exhibition,
// a workshop…): the interface says "événement" in general and, where it knows the category and the
// sentence needs a noun, the category's own noun (labels.categoryNoun, with labels.categoryGender for
// "ce/cet/cette" in an ICU select). This reads every message of the French catalog and names each one
// that says "spectacle" outside the short list below.
import { createTranslator } from "next-intl";
import messages from "@/messages/fr";
import { EventCategory } from "@/lib/generated/prisma/enums";

/** Where "spectacle" is right, and why. */
const ALLOWED: Record<string, string> = {
  // The nouns of the categories that are shows: a play, a dance piece, a circus act is "un spectacle".
  "labels.categoryNoun.THEATRE": "the noun of the theatre category",
  "labels.categoryNoun.DANCE": "a dance piece is a show",
  "labels.categoryNoun.CIRCUS": "a circus act is a show",
  // The association's own prose about going out in general ("aller au spectacle, au musée, au concert ou
  // au cinéma"), which names no event.
  "partnershipRequest.lead": "the association's prose: the outings it offers, in general",
};

function strings(value: unknown, path: string[] = []): [string, string][] {
  if (typeof value === "string") return [[path.join("."), value]];
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, inner]) => strings(inner, [...path, key]));
  return [];
}

const SPECTACLE = /spectacle/i;

it("says 'spectacle' only in the nouns of show categories and the association's general prose", () => {
  const found = strings(messages)
    .filter(([, text]) => SPECTACLE.test(text))
    .map(([key]) => key);
  expect(found.filter((key) => !(key in ALLOWED))).toEqual([]);
  // The allow-list is no wider than it needs to be: each entry still says it.
  expect(Object.keys(ALLOWED).filter((key) => !found.includes(key))).toEqual([]);
});

it("has a noun and a grammatical form for every category, which the sentences' selects know", () => {
  const categories = Object.values(EventCategory).sort();
  expect(Object.keys(messages.labels.categoryNoun).sort()).toEqual(categories);
  expect(Object.keys(messages.labels.categoryGender).sort()).toEqual(categories);
  const forms = new Set(Object.values(messages.labels.categoryGender));
  expect([...forms].filter((form) => !["masculine", "masculineVowel", "feminine"].includes(form))).toEqual([]);
});

it("names a specific event by its category where the page knows it, with the right 'ce', 'cet' or 'cette'", () => {
  const labels = createTranslator({ locale: "fr", messages, namespace: "labels" });
  const event = createTranslator({ locale: "fr", messages, namespace: "event" });
  const venue = createTranslator({ locale: "fr", messages, namespace: "venue.event" });
  const words = (category: EventCategory) => ({ noun: labels(`categoryNoun.${category}`), gender: labels(`categoryGender.${category}`) });
  expect(event("noSessions", words("THEATRE"))).toBe("Aucune séance à venir pour ce spectacle.");
  expect(event("noSessions", words("MUSIC"))).toBe("Aucune séance à venir pour ce concert.");
  expect(event("noSessions", words("EXHIBITION"))).toBe("Aucune séance à venir pour cette exposition.");
  expect(event("noSessions", words("WORKSHOP"))).toBe("Aucune séance à venir pour cet atelier.");
  expect(event("noSessions", words("OTHER"))).toBe("Aucune séance à venir pour cet événement.");
  expect(venue("draftNote", words("CIRCUS"))).toBe("Ce spectacle de cirque est un brouillon : les structures ne le voient pas encore.");
  expect(venue("draftNote", words("TALK"))).toBe("Cette rencontre est un brouillon : les structures ne la voient pas encore.");
  expect(venue("draftNote", words("OPERA"))).toBe("Cet opéra est un brouillon : les structures ne le voient pas encore.");
});
