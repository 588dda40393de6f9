"use client";

// A search run as people type: from two characters, 200 ms after the last key, the latest answer kept.
// Shared by the booking form's people and the association's structure and venue pickers.
import { useEffect, useState, useTransition } from "react";

/** The matches of what is typed, or null while fewer than two characters are typed. */
export function useSearchAsYouType<T>(typed: string, search: (q: string) => Promise<T[]>): T[] | null {
  const [found, setFound] = useState<{ q: string; matches: T[] } | null>(null);
  const [, startSearch] = useTransition();
  const q = typed.trim();
  useEffect(() => {
    if (q.length < 2) return;
    const timer = setTimeout(() => startSearch(async () => setFound({ q, matches: await search(q) })), 200);
    return () => clearTimeout(timer);
  }, [q, search]);
  // What was found for an earlier word is still shown while the new one is searched, never below two characters.
  return q.length < 2 || !found ? null : found.matches;
}
