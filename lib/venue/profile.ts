// The venue's profile: what partners read on each event page, and the ticket-office contact printed on
// every invitation (to warn of an absence).
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { parse } from "@/lib/booking/schemas";
import { getPrisma } from "@/lib/db/client";
import { Accessibility } from "@/lib/generated/prisma/enums";
import { audit } from "@/lib/audit";
import { NotFoundError } from "@/lib/errors";
import { httpUrl, line, optionalLine, optionalText } from "@/lib/validation";
import { ensureManages } from "./access";
import { offerChanged } from "@/lib/catalog/places-cache";

const text = line;
const optional = (max: number) => optionalLine(max).transform((value) => value ?? null);
const optionalLong = (max: number) => optionalText(max).transform((value) => value ?? null);

export const venueProfileSchema = z.object({
  venueId: z.uuid("validation.invalid"),
  name: text(160),
  addressLine: text(200),
  postalCode: text(10),
  city: text(80),
  area: optional(80),
  accessInfo: optionalLong(1000),
  phone: optional(30),
  email: z.preprocess((v) => (v === "" || v == null ? null : v), z.email("validation.email").nullable()),
  website: z.preprocess((v) => (v === "" || v == null ? null : v), httpUrl(300).nullable()),
  ticketOfficeName: optional(160),
  ticketOfficePhone: text(30),
  ticketOfficeEmail: z.preprocess((v) => (v === "" || v == null ? null : v), z.email("validation.email").nullable()),
  accessibility: z.array(z.enum(Object.values(Accessibility) as [Accessibility, ...Accessibility[]])).default([]),
  accessibilityNotes: optionalLong(1000),
});

export async function getVenueProfile(actor: Actor, venueId: string) {
  ensureManages(actor, venueId);
  const venue = await getPrisma().venue.findUnique({ where: { id: venueId }, include: { quotaRule: true } });
  if (!venue) throw new NotFoundError("lieu");
  return venue;
}

export async function updateVenueProfile(actor: Actor, input: unknown): Promise<void> {
  const { venueId, ...data } = parse(venueProfileSchema, input);
  ensureManages(actor, venueId);
  await getPrisma().$transaction(async (tx) => {
    await tx.venue.update({ where: { id: venueId }, data });
    await audit(tx, actor, { action: "venue.updated", entityType: "Venue", entityId: venueId });
  });
  offerChanged(); // its town or area may have changed
}
