// How a visitor (a person supported, through the structure's code) reads the offer: the easy-to-read
// pages by default (issue 16, decision 012), or the classic catalogue if they prefer it. The choice is
// kept in a cookie of the browser, so that every page of the offer and every filter follows it without a
// parameter in each link. Partners and venues always get the classic pages.
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";

export const READING_MODE_COOKIE = "offre-version";
export const READING_MODES = ["facile", "classique"] as const;
export type ReadingMode = (typeof READING_MODES)[number];
export const readingModeSchema = z.object({ mode: z.enum(READING_MODES) });

/** Whether this actor reads the easy-to-read pages, given the cookie's value (absent: the easy ones). */
export function readsEasy(actor: Actor, cookie: string | undefined): boolean {
  return actor.kind === "visitor" && cookie !== "classique";
}
