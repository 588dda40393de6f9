// Accounts are created by invitation only: an admin for anyone, a partner's referent for their structure,
// a venue's manager for their venue. The invitation is a single-use link by mail to choose a password; it
// can be sent again while the account has none.
import "server-only";
import { parse } from "@/lib/validation";
import { z } from "zod";
import { audit } from "@/lib/audit";
import { getPrisma } from "@/lib/db/client";
import { RuleViolation } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { prismaSql, type Tx } from "@/lib/db/sql";
import { queueMail } from "@/lib/mail";
import { appUrl } from "@/lib/http/app-url";
import type { Actor } from "./actor";
import { ensure, isAdmin } from "./permissions";
import { issueToken, revokeTokens } from "./tokens";
import { inviteSchema } from "./schemas";
import { visibleAccount } from "./accounts";

/** Who may invite whom: admin anyone; a referent into their structure; a manager onto their venue. */
function mayInvite(actor: Actor, role: Role, partnerId?: string, venueId?: string): boolean {
  if (isAdmin(actor)) return true;
  if (actor.kind !== "user") return false;
  if (actor.role === "PARTNER") return role === "PARTNER" && partnerId === actor.partnerId;
  if (actor.role === "VENUE") return role === "VENUE" && venueId !== undefined && actor.venueIds.includes(venueId);
  return false;
}

export async function inviteUser(actor: Actor, input: unknown, now = new Date()): Promise<{ userId: string }> {
  return getPrisma().$transaction((tx) => inviteInTransaction(tx, actor, input, now));
}

/** The invitation, within a transaction of the caller (the association creating a structure's account). */
export async function inviteInTransaction(tx: Tx, actor: Actor, input: unknown, now = new Date()): Promise<{ userId: string }> {
  const data = parse(inviteSchema, input);
  // A referent or manager invites into their own structure when none is given.
  const partnerId = data.role === "PARTNER" ? (data.partnerId ?? (actor.kind === "user" && actor.role === "PARTNER" ? actor.partnerId : undefined)) : undefined;
  const venueId = data.role === "VENUE" ? (data.venueId ?? (actor.kind === "user" && actor.role === "VENUE" ? actor.venueIds[0] : undefined)) : undefined;
  ensure(mayInvite(actor, data.role, partnerId, venueId), "Vous ne pouvez inviter que dans votre structure.");
  if (data.role === "PARTNER" && !partnerId) throw new RuleViolation("STRUCTURE_REQUIRED", "Choisissez la structure.");
  if (data.role === "VENUE" && !venueId) throw new RuleViolation("STRUCTURE_REQUIRED", "Choisissez le lieu.");
  if (await tx.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
    throw new RuleViolation("ACCOUNT_EXISTS", "Un compte existe déjà pour cette adresse.");
  }
  const inviter = await inviterName(tx, actor);
  const created = await tx.user.create({
    data: {
      email: data.email,
      name: data.name,
      role: data.role,
      partnerId: partnerId ?? null,
      ...(venueId ? { managedVenues: { create: { venueId } } } : {}),
    },
  });
  await audit(
    tx,
    actor,
    { action: "user.invited", entityType: "User", entityId: created.id, after: { role: data.role, partnerId: partnerId ?? null, venueId: venueId ?? null } },
    now,
  );
  const token = await issueToken(created.id, "INVITATION", now, tx);
  await queueMail(prismaSql(tx), {
    kind: "ACCOUNT_INVITATION",
    userId: created.id,
    props: { name: data.name, inviter },
    secrets: { link: appUrl(`/mot-de-passe/${token}`) },
  });
  return { userId: created.id };
}

/** Who the invitation mail says invites: the person who asked, or the association for scheduled work. */
async function inviterName(tx: Tx, actor: Actor): Promise<string> {
  return actor.kind === "user"
    ? ((await tx.user.findUnique({ where: { id: actor.userId }, select: { name: true } }))?.name ?? "Culture pour tous")
    : "Culture pour tous";
}

/**
 * The invitation again, for an account that has not chosen its password yet (a mail lost, a link
 * expired): a new link, the earlier ones no longer valid, and a new mail, in one transaction with its
 * audit entry. Whoever may see the account may resend it.
 */
export async function resendInvitation(actor: Actor, input: unknown, now = new Date()): Promise<{ email: string }> {
  const { userId } = parse(z.object({ userId: z.uuid("validation.invalid") }), input);
  return getPrisma().$transaction(async (tx) => {
    const target = await visibleAccount(tx, actor, userId);
    if (!target.active) throw new RuleViolation("ACCOUNT_INACTIVE", "Ce compte est désactivé : réactivez-le d'abord.");
    if (target.passwordHash)
      throw new RuleViolation("ACCOUNT_NOT_PENDING", "Ce compte a déjà son mot de passe : la personne peut utiliser « Mot de passe oublié ».");
    await revokeTokens(tx, userId, "INVITATION", now);
    const token = await issueToken(userId, "INVITATION", now, tx);
    await queueMail(prismaSql(tx), {
      kind: "ACCOUNT_INVITATION",
      userId,
      props: { name: target.name, inviter: await inviterName(tx, actor) },
      secrets: { link: appUrl(`/mot-de-passe/${token}`) },
    });
    await audit(tx, actor, { action: "user.invitation_resent", entityType: "User", entityId: userId }, now);
    return { email: target.email };
  });
}
