// Choosing one structure, venue or account in a form of the association (an invitation, a search of
// bookings, the journal's filters, a quota exception): a national network has thousands of them, so a
// form never lists them all — the person types a few letters and picks among the first matches
// (components/forms/choice-picker.tsx). Names only, with a detail to tell two of the same name apart (the
// town of a structure or venue, the address of an account); the association's team alone may look them up.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { ensure, isAdmin } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { cleanLine, isUuid } from "@/lib/validation";

export const CHOICE_KINDS = ["PARTNER", "VENUE", "ACCOUNT"] as const;
export type ChoiceKind = (typeof CHOICE_KINDS)[number];
export interface Choice {
  id: string;
  name: string;
  /** What tells two of the same name apart: a town, an e-mail address. */
  detail: string | null;
}

const ensureAdmin = (actor: Actor) => ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");
/** How many matches a search shows: enough to pick from, few enough to read. */
export const CHOICES_SHOWN = 8;

/** The first structures, venues or accounts whose name (or town, or address) holds what was typed, by name. */
export async function searchChoices(actor: Actor, kind: ChoiceKind, typed: unknown, { limit = CHOICES_SHOWN } = {}): Promise<Choice[]> {
  ensureAdmin(actor);
  const q = typeof typed === "string" ? cleanLine(typed).slice(0, 100) : "";
  if (q.length < 2) return [];
  const prisma = getPrisma();
  const contains = { contains: q, mode: "insensitive" as const };
  const orderBy = [{ name: "asc" as const }, { id: "asc" as const }];
  if (kind === "ACCOUNT") {
    const rows = await prisma.user.findMany({
      where: { OR: [{ name: contains }, { email: contains }] },
      select: { id: true, name: true, email: true },
      orderBy,
      take: limit,
    });
    return rows.map((row) => ({ id: row.id, name: row.name, detail: row.email }));
  }
  const where = { OR: [{ name: contains }, { city: contains }] };
  const select = { id: true, name: true, city: true };
  const rows =
    kind === "PARTNER"
      ? await prisma.partner.findMany({ where, select, orderBy, take: limit })
      : await prisma.venue.findMany({ where, select, orderBy, take: limit });
  return rows.map((row) => ({ id: row.id, name: row.name, detail: row.city ?? null }));
}

/** The one chosen (from a URL or a form sent back), to show its name; null when it is not one. */
export async function choiceById(actor: Actor, kind: ChoiceKind, id: unknown): Promise<Choice | null> {
  ensureAdmin(actor);
  if (!isUuid(id)) return null;
  const prisma = getPrisma();
  if (kind === "ACCOUNT") {
    const user = await prisma.user.findUnique({ where: { id }, select: { id: true, name: true, email: true } });
    return user ? { id: user.id, name: user.name, detail: user.email } : null;
  }
  const select = { id: true, name: true, city: true };
  const row = kind === "PARTNER" ? await prisma.partner.findUnique({ where: { id }, select }) : await prisma.venue.findUnique({ where: { id }, select });
  return row ? { id: row.id, name: row.name, detail: row.city ?? null } : null;
}
