// Which of the actor's venues a page is about: the one asked for in the URL if the actor manages it,
// else the first. (Admins reach a venue's pages with ?lieu=.)
import type { Actor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/client";

export async function pickVenue(actor: Actor, wanted?: string): Promise<{ id: string; name: string; choices: { id: string; name: string }[] } | null> {
  if (actor.kind !== "user" || (actor.role !== "VENUE" && actor.role !== "ADMIN")) return null;
  const where = actor.role === "VENUE" ? { id: { in: [...actor.venueIds] } } : wanted && /^[0-9a-f-]{36}$/i.test(wanted) ? { id: wanted } : { id: { in: [] as string[] } };
  const choices = await getPrisma().venue.findMany({ where, orderBy: { name: "asc" }, select: { id: true, name: true } });
  const chosen = choices.find((venue) => venue.id === wanted) ?? choices[0];
  return chosen ? { ...chosen, choices } : null;
}
