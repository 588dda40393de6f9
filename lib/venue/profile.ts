// The venue's profile: what partners read on each event page, and the ticket-office contact printed on
// every invitation (to warn of an absence).
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { parse } from "@/lib/booking/schemas";
import { getPrisma } from "@/lib/db/client";
import { Accessibility } from "@/lib/generated/prisma/enums";
import { auditActor, ensureManages } from "./access";

const text = (max: number) => z.string().trim().min(1, "validation.required").max(max, "validation.tooLong");
const optional = (max: number) => z.preprocess((v) => (v === "" || v == null ? null : v), z.string().trim().max(max, "validation.tooLong").nullable());

export const venueProfileSchema = z.object({
  venueId: z.uuid("validation.invalid"),
  name: text(160),
  addressLine: text(200),
  postalCode: text(10),
  city: text(80),
  area: optional(80),
  accessInfo: optional(1000),
  phone: optional(30),
  email: z.preprocess((v) => (v === "" || v == null ? null : v), z.email("validation.email").nullable()),
  website: z.preprocess((v) => (v === "" || v == null ? null : v), z.url("validation.invalid").nullable()),
  ticketOfficeName: optional(160),
  ticketOfficePhone: text(30),
  ticketOfficeEmail: z.preprocess((v) => (v === "" || v == null ? null : v), z.email("validation.email").nullable()),
  accessibility: z.array(z.enum(Object.values(Accessibility) as [Accessibility, ...Accessibility[]])).default([]),
  accessibilityNotes: optional(1000),
});

export async function getVenueProfile(actor: Actor, venueId: string) {
  ensureManages(actor, venueId);
  return getPrisma().venue.findUniqueOrThrow({ where: { id: venueId }, include: { quotaRule: true } });
}

export async function updateVenueProfile(actor: Actor, input: unknown): Promise<void> {
  const { venueId, ...data } = parse(venueProfileSchema, input);
  ensureManages(actor, venueId);
  const prisma = getPrisma();
  await prisma.$transaction([
    prisma.venue.update({ where: { id: venueId }, data }),
    prisma.auditLog.create({ data: { ...auditActor(actor), action: "venue.updated", entityType: "Venue", entityId: venueId } }),
  ]);
}

/** The venues the actor manages (a manager may have several), for the venue's pages. */
export async function managedVenues(actor: Actor): Promise<{ id: string; name: string }[]> {
  if (actor.kind !== "user" || actor.role !== "VENUE") return [];
  return getPrisma().venue.findMany({ where: { id: { in: [...actor.venueIds] } }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
