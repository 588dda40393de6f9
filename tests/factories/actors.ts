// Actors backed by real user rows (bookings and the audit log point to their user).
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/client";

// The whole UUID: eight hex characters collided once in a few thousand accounts of the authorization matrix.
const email = (prefix: string) => `${prefix}-${randomUUID()}@exemple.test`;

export async function adminActor(): Promise<Actor> {
  const user = await getPrisma().user.create({ data: { email: email("admin"), name: "Admin", role: "ADMIN" } });
  return { kind: "user", userId: user.id, role: "ADMIN" };
}

export async function partnerActor(partnerId: string): Promise<Actor> {
  const user = await getPrisma().user.create({ data: { email: email("partenaire"), name: "Référente", role: "PARTNER", partnerId } });
  return { kind: "user", userId: user.id, role: "PARTNER", partnerId };
}

export async function venueActor(...venueIds: string[]): Promise<Actor> {
  const user = await getPrisma().user.create({
    data: { email: email("lieu"), name: "Billetterie", role: "VENUE", managedVenues: { create: venueIds.map((venueId) => ({ venueId })) } },
  });
  return { kind: "user", userId: user.id, role: "VENUE", venueIds };
}
