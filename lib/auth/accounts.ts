// An account's state: who may act on it (the same accounts as the list shows) and its deactivation. A
// deactivated account cannot sign in, and bumping its sessionVersion ends the sessions already open
// (lib/auth/current.ts compares it on every request). Signing in: sign-in.ts; passwords: passwords.ts;
// invitations: invitations.ts; the list: account-list.ts.
import "server-only";
import { parse } from "@/lib/validation";
import { z } from "zod";
import { audit } from "@/lib/audit";
import { getPrisma } from "@/lib/db/client";
import { AccessDeniedError, NotFoundError, RuleViolation } from "@/lib/errors";
import type { Tx } from "@/lib/db/sql";
import type { Actor } from "./actor";
import { revokeTokens } from "./tokens";

/**
 * An account the actor may act on, as the list shows them (all for the association, their structure's
 * for a referent, their venue's managers for a manager); any other is "not found", never "refused", so
 * that an id names nobody.
 */
export async function visibleAccount(tx: Tx, actor: Actor, userId: string) {
  if (actor.kind !== "user") throw new AccessDeniedError();
  const target = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true, partnerId: true, managedVenues: { select: { venueId: true } } },
  });
  const visible =
    target &&
    (actor.role === "ADMIN" ||
      (actor.role === "PARTNER" && target.partnerId === actor.partnerId) ||
      (actor.role === "VENUE" && target.role === "VENUE" && target.managedVenues.some((m) => actor.venueIds.includes(m.venueId))));
  if (!visible) throw new NotFoundError("compte");
  return target;
}

export async function setAccountActive(actor: Actor, input: unknown): Promise<void> {
  const { userId, active } = parse(z.object({ userId: z.uuid("validation.invalid"), active: z.coerce.boolean() }), input);
  await getPrisma().$transaction(async (tx) => {
    const target = await visibleAccount(tx, actor, userId);
    if (actor.kind === "user" && target.id === actor.userId)
      throw new RuleViolation("CANNOT_DEACTIVATE_SELF", "Vous ne pouvez pas désactiver votre propre compte.");
    await tx.user.update({ where: { id: userId }, data: { active, sessionVersion: { increment: 1 } } });
    // A link sent before (an invitation, a forgotten password) must not reopen the account.
    if (!active) await revokeTokens(tx, userId);
    await audit(tx, actor, { action: active ? "user.reactivated" : "user.deactivated", entityType: "User", entityId: userId });
  });
}
