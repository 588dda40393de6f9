// A structure's choices for the alert of late places (issue 33.2, /mon-compte): which categories, which
// areas (none ticked: all), and the hours of the day, in Paris, when someone can still take a place for a
// person. Asking for nothing is the default: no choice recorded, no alert (lib/mail/late-places.ts).
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { actsForPartner, ensure } from "@/lib/auth/permissions";
import { parse } from "@/lib/validation";
import { getPrisma } from "@/lib/db/client";
import { EventCategory } from "@/lib/generated/prisma/enums";

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item).max(50));

export const lateAlertSchema = z
  .object({
    partnerId: z.uuid(),
    wanted: z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean()),
    categories: list(z.enum(EventCategory)),
    areas: list(z.string().trim().min(1).max(80)),
    fromHour: z.coerce.number().int().min(0).max(23).default(9),
    untilHour: z.coerce.number().int().min(1).max(24).default(19),
  })
  .refine((choice) => choice.fromHour < choice.untilHour, { path: ["untilHour"], message: "L'heure de fin vient après l'heure de début." });

export interface LateAlertChoice {
  wanted: boolean;
  categories: EventCategory[];
  areas: string[];
  fromHour: number;
  untilHour: number;
}

export async function getLateAlertChoice(actor: Actor, input: string): Promise<LateAlertChoice> {
  const { partnerId } = parse(z.object({ partnerId: z.uuid() }), { partnerId: input });
  ensure(actsForPartner(actor, partnerId), "Seule la structure choisit ses alertes.");
  const row = await getPrisma().lateAlertChoice.findUnique({ where: { partnerId } });
  return row
    ? { wanted: true, categories: row.categories, areas: row.areas, fromHour: row.fromHour, untilHour: row.untilHour }
    : { wanted: false, categories: [], areas: [], fromHour: 9, untilHour: 19 };
}

export async function setLateAlertChoice(actor: Actor, input: unknown): Promise<LateAlertChoice> {
  const { partnerId, ...choice } = parse(lateAlertSchema, input);
  ensure(actsForPartner(actor, partnerId), "Seule la structure choisit ses alertes.");
  if (!choice.wanted) {
    await getPrisma().lateAlertChoice.deleteMany({ where: { partnerId } });
    return { ...choice, categories: [], areas: [] };
  }
  const data = { categories: choice.categories, areas: [...new Set(choice.areas)], fromHour: choice.fromHour, untilHour: choice.untilHour };
  await getPrisma().lateAlertChoice.upsert({ where: { partnerId }, create: { partnerId, ...data }, update: data });
  return { wanted: true, ...data };
}

/** The areas a structure can choose from: those of the venues. */
export async function lateAlertAreas(): Promise<string[]> {
  const venues = await getPrisma().venue.findMany({ where: { area: { not: null } }, distinct: ["area"], orderBy: { area: "asc" }, select: { area: true } });
  return venues.flatMap((venue) => (venue.area ? [venue.area] : []));
}
