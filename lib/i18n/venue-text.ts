// What a venue typed (an event's description, how to get there) stays in French on every page (issue
// 34.3): no translation service is reachable from the platform's machines, and a machine's guess at a
// venue's words is not ours to publish unchecked. This is the one place where one could be plugged in
// later (docs/translations.md): it would return the text in `language` with translated: true, and the
// pages would drop their "Texte du lieu, en français" line and its lang="fr" by themselves.

export interface VenueText {
  text: string;
  /** The language the text is in, for its `lang` attribute. */
  lang: string;
  /** Whether the text was translated into the page's language. */
  translated: boolean;
}

export function venueText(text: string, language: string): VenueText {
  void language;
  return { text, lang: "fr", translated: false };
}
