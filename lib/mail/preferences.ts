// Each user chooses, per kind of mail that can wait, to receive it at once (the default), in a daily
// digest, or not at all. Cancellations and account mails always go at once (kinds.ts, OPTIONAL_KINDS).
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { AccessDeniedError } from "@/lib/errors";
import { parse } from "@/lib/validation";
import { getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { OPTIONAL_KINDS, type OptionalKind } from "./kinds";

export const DELIVERIES = ["IMMEDIATE", "DIGEST", "NONE"] as const;
export type DeliveryChoice = (typeof DELIVERIES)[number];
export type MailPreferences = Record<OptionalKind, DeliveryChoice>;

export function preferenceFor(stored: Prisma.JsonValue, kind: OptionalKind): DeliveryChoice {
  const value = stored && typeof stored === "object" && !Array.isArray(stored) ? (stored as Record<string, unknown>)[kind] : undefined;
  return (DELIVERIES as readonly unknown[]).includes(value) ? (value as DeliveryChoice) : "IMMEDIATE";
}

export const mailPreferencesSchema = z.object(
  Object.fromEntries(OPTIONAL_KINDS.map((kind) => [kind, z.enum(DELIVERIES).default("IMMEDIATE")])) as Record<
    OptionalKind,
    z.ZodDefault<z.ZodEnum<{ [K in DeliveryChoice]: K }>>
  >,
);

function ownUserId(actor: Actor): string {
  if (actor.kind !== "user") throw new AccessDeniedError("Connectez-vous pour choisir vos courriels.");
  return actor.userId;
}

/** The signed-in user's own choices. */
export async function getMailPreferences(actor: Actor): Promise<MailPreferences> {
  const user = await getPrisma().user.findUniqueOrThrow({ where: { id: ownUserId(actor) }, select: { mailPreferences: true } });
  return Object.fromEntries(OPTIONAL_KINDS.map((kind) => [kind, preferenceFor(user.mailPreferences, kind)])) as MailPreferences;
}

export async function setMailPreferences(actor: Actor, input: unknown): Promise<MailPreferences> {
  const userId = ownUserId(actor);
  const preferences = parse(mailPreferencesSchema, input) as MailPreferences;
  await getPrisma().user.update({ where: { id: userId }, data: { mailPreferences: preferences } });
  return preferences;
}
