// Which of the actor's venues a page is about: the one asked for in the URL if the actor manages it,
// else the first. (Admins reach a venue's pages with ?lieu=.)
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/client";
import { isUuid } from "@/lib/validation";
import { ensureVenueStaff } from "./access";

/** Null when there is none to show: a manager of no venue, or an admin who did not say which. */
export async function pickVenue(actor: Actor, wanted?: string): Promise<{ id: string; name: string; choices: { id: string; name: string }[] } | null> {
  ensureVenueStaff(actor);
  if (actor.kind !== "user") return null;
  const where = actor.role === "VENUE" ? { id: { in: [...actor.venueIds] } } : isUuid(wanted) ? { id: wanted } : { id: { in: [] as string[] } };
  const choices = await getPrisma().venue.findMany({ where, orderBy: { name: "asc" }, select: { id: true, name: true } });
  const chosen = choices.find((venue) => venue.id === wanted) ?? choices[0];
  return chosen ? { ...chosen, choices } : null;
}
