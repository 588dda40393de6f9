// The towns and areas of the catalog's filter are the same for everyone and change only when the offer
// does: they are kept in memory, dropped by every change of the offer made through this server (an event
// published or cancelled, sessions added or cancelled, a venue's town changed), and at the latest after
// PLACES_TTL_MS, for the changes made through another app server (issue 14).
import "server-only";

export const PLACES_TTL_MS = 60_000;

export interface Place {
  city: string;
  areas: string[];
}

let kept: { until: number; places: Promise<Place[]> } | null = null;
/** What else forgets when the offer changes (the catalog's recent pages, lib/catalog/search.ts). */
const forgetters = new Set<() => void>();

/** The offer changed: the next catalog reads its towns (and its pages) again. */
export function offerChanged(): void {
  kept = null;
  for (const forget of forgetters) forget();
}

/** Registers what to forget when the offer changes. */
export function onOfferChange(forget: () => void): void {
  forgetters.add(forget);
}

/** The towns, from memory while they are fresh, else from `load` (a failed load is not kept). */
export function keptPlaces(load: () => Promise<Place[]>, now = Date.now()): Promise<Place[]> {
  if (kept && kept.until > now) return kept.places;
  const places = load();
  const entry = { until: now + PLACES_TTL_MS, places };
  kept = entry;
  places.catch(() => {
    if (kept === entry) kept = null;
  });
  return places;
}
