// The towns and areas of the catalog's filter are the same for everyone and change only when the offer
// does: they are kept in memory, dropped by every change of the offer (an event published or cancelled,
// sessions added or cancelled, a venue's town changed), and at the latest after PLACES_TTL_MS. A change
// made through another process (another worker of this server, another app server) arrives by
// PostgreSQL's NOTIFY (lib/catalog/offer-changes.ts, started by instrumentation.ts); the TTL covers the
// moments that channel is down (issue 14).
import "server-only";

export const PLACES_TTL_MS = 60_000;

export interface Place {
  city: string;
  areas: string[];
}

interface OfferCache {
  kept: { until: number; places: Promise<Place[]> } | null;
  /** What else forgets when the offer changes (the catalog's recent pages, lib/catalog/search.ts). */
  forgetters: Set<() => void>;
  /** Tells the other processes, when they listen (offer-changes.ts). */
  broadcast: (() => void) | null;
}

// One per process, not per module instance: Next may load this module in more than one bundle (the
// instrumentation hook's and the routes'), and they must forget together.
const cache: OfferCache = ((globalThis as { billetterieOfferCache?: OfferCache }).billetterieOfferCache ??= {
  kept: null,
  forgetters: new Set(),
  broadcast: null,
});

/** The offer changed here: this process forgets, and tells the others. */
export function offerChanged(): void {
  forgetOffer();
  cache.broadcast?.();
}

/** Forgets the towns and the recent pages of this process only (another process changed the offer). */
export function forgetOffer(): void {
  cache.kept = null;
  for (const forget of cache.forgetters) forget();
}

/** Registers what to forget when the offer changes. */
export function onOfferChange(forget: () => void): void {
  cache.forgetters.add(forget);
}

/** How offerChanged tells the other processes (null: it does not). */
export function setOfferBroadcast(broadcast: (() => void) | null): void {
  cache.broadcast = broadcast;
}

/** The towns, from memory while they are fresh, else from `load` (a failed load is not kept). */
export function keptPlaces(load: () => Promise<Place[]>, now = Date.now()): Promise<Place[]> {
  if (cache.kept && cache.kept.until > now) return cache.kept.places;
  const places = load();
  const entry = { until: now + PLACES_TTL_MS, places };
  cache.kept = entry;
  places.catch(() => {
    if (cache.kept === entry) cache.kept = null;
  });
  return places;
}
