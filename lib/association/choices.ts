// Choosing one structure or one venue in a form of the association (an invitation, a search of bookings,
// the journal's filters, a quota exception): a national network has thousands of them, so a form never
// lists them all — the person types a few letters and picks among the first matches (components/forms/
// choice-picker.tsx). Names only, with the town to tell two of the same name apart; the association's
// team alone may look them up.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { ensure, isAdmin } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { cleanLine, isUuid } from "@/lib/validation";

export type ChoiceKind = "PARTNER" | "VENUE";
export interface Choice {
  id: string;
  name: string;
  city: string | null;
}

const ensureAdmin = (actor: Actor) => ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");
/** How many matches a search shows: enough to pick from, few enough to read. */
export const CHOICES_SHOWN = 8;

/** The first structures or venues whose name (or town) holds what was typed, by name. */
export async function searchChoices(actor: Actor, kind: ChoiceKind, typed: unknown, { limit = CHOICES_SHOWN } = {}): Promise<Choice[]> {
  ensureAdmin(actor);
  const q = typeof typed === "string" ? cleanLine(typed).slice(0, 100) : "";
  if (q.length < 2) return [];
  const where = { OR: [{ name: { contains: q, mode: "insensitive" as const } }, { city: { contains: q, mode: "insensitive" as const } }] };
  const select = { id: true, name: true, city: true };
  const prisma = getPrisma();
  const rows = kind === "PARTNER" ? await prisma.partner.findMany({ where, select, orderBy: [{ name: "asc" }, { id: "asc" }], take: limit }) : await prisma.venue.findMany({ where, select, orderBy: [{ name: "asc" }, { id: "asc" }], take: limit });
  return rows.map((row) => ({ id: row.id, name: row.name, city: row.city ?? null }));
}

/** The one chosen (from a URL or a form sent back), to show its name; null when it is not one. */
export async function choiceById(actor: Actor, kind: ChoiceKind, id: unknown): Promise<Choice | null> {
  ensureAdmin(actor);
  if (!isUuid(id)) return null;
  const select = { id: true, name: true, city: true };
  const prisma = getPrisma();
  const row = kind === "PARTNER" ? await prisma.partner.findUnique({ where: { id }, select }) : await prisma.venue.findUnique({ where: { id }, select });
  return row ? { id: row.id, name: row.name, city: row.city ?? null } : null;
}
