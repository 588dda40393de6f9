// The one sentence a social worker reads about a drawn session (issue 17), on the booking and in the
// mail: when the draw runs and that arriving early changes nothing; then the rank, what was won, or the
// place on the waitlist and what happens next. Client-safe: it takes the translator it is given.
export interface DrawFacts {
  /** The draw's date in words ("samedi 8 mars 2031 à 18 h"). */
  date: string;
  rank: number;
  count: number;
  places: number;
  minPlaces: number;
  placesWon: number;
  /** Rank on the waitlist now, when waiting. */
  position: number | null;
}

type Words = (key: string, values?: Record<string, string | number>) => string;

export function drawSentence(t: Words, facts: DrawFacts): string {
  if (facts.placesWon > 0) {
    const won = t(facts.rank === 1 ? "wonFirst" : "won", { date: facts.date, rank: facts.rank, count: facts.count, placesWon: facts.placesWon });
    return facts.placesWon < facts.places ? `${won} ${t("fewer", { places: facts.places, minPlaces: facts.minPlaces })}` : won;
  }
  return t("waiting", { date: facts.date, rank: facts.rank, count: facts.count, position: facts.position ?? 1 });
}

export function pendingSentence(t: Words, closes: string): string {
  return t("pending", { closes });
}
