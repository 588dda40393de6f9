// The venue's profile: what partners read on each event page, and the ticket-office contact printed on
// every invitation (to warn of an absence).
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/client";
import { Accessibility, VenueKind } from "@/lib/generated/prisma/enums";
import { ensure, isAdmin } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit";
import { NotFoundError } from "@/lib/errors";
import { httpUrl, line, optionalLine, optionalText, parse } from "@/lib/validation";
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

/** The venue's profile; with `kind`, its kind too, which only the association changes (its statistics
 * count by kind). The venue's own form has no kind: left out, it stays as it is. */
export const venueKindSchema = z.enum(Object.values(VenueKind) as [VenueKind, ...VenueKind[]], "validation.required");
export const venueUpdateSchema = venueProfileSchema.extend({ kind: venueKindSchema.optional() });

export async function updateVenueProfile(actor: Actor, input: unknown): Promise<void> {
  const { venueId, kind, ...data } = parse(venueUpdateSchema, input);
  ensureManages(actor, venueId);
  await getPrisma().$transaction(async (tx) => {
    const before = kind ? await tx.venue.findUniqueOrThrow({ where: { id: venueId }, select: { kind: true } }) : null;
    const kindChanged = before !== null && before.kind !== kind;
    ensure(!kindChanged || isAdmin(actor), "Seule l'association change le type d'un lieu.");
    await tx.venue.update({ where: { id: venueId }, data: kindChanged ? { ...data, kind } : data });
    await audit(tx, actor, {
      action: "venue.updated",
      entityType: "Venue",
      entityId: venueId,
      ...(kindChanged ? { before: { venueKind: before.kind }, after: { venueKind: kind } } : {}),
    });
  });
  offerChanged(); // its town or area may have changed
}
