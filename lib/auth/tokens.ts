// Single-use links (account invitation, forgotten password): 256 random bits sent by email, of which
// only a SHA-256 hash is stored, so a copy of the database cannot be used to take over an account.
import { createHash, randomBytes } from "node:crypto";
import { getPrisma } from "@/lib/db/client";
import type { AuthTokenKind } from "@/lib/generated/prisma/enums";

export const TOKEN_LIFETIME_MS: Record<AuthTokenKind, number> = {
  INVITATION: 7 * 24 * 3600_000,
  PASSWORD_RESET: 3600_000,
};

const digest = (token: string) => createHash("sha256").update(token).digest("hex");

export async function issueToken(userId: string, kind: AuthTokenKind, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await getPrisma().authToken.create({
    data: { userId, kind, tokenHash: digest(token), expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[kind]) },
  });
  return token;
}

/** Whether a token is still good, without using it (to show the form or a clear refusal). */
export async function peekToken(token: string, now = new Date()): Promise<{ kind: AuthTokenKind; email: string } | null> {
  const found = await getPrisma().authToken.findUnique({ where: { tokenHash: digest(token) }, select: { kind: true, usedAt: true, expiresAt: true, user: { select: { email: true, active: true } } } });
  if (!found || found.usedAt || found.expiresAt <= now || !found.user.active) return null;
  return { kind: found.kind, email: found.user.email };
}

/**
 * Uses a token: one conditional UPDATE, so two clicks on the same link (or two servers) cannot both
 * succeed. Returns the user it was for, or null if unknown, used or expired.
 */
export async function consumeToken(token: string, now = new Date()): Promise<{ userId: string; kind: AuthTokenKind } | null> {
  const { count } = await getPrisma().authToken.updateMany({
    where: { tokenHash: digest(token), usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count !== 1) return null;
  const used = await getPrisma().authToken.findUniqueOrThrow({ where: { tokenHash: digest(token) }, select: { userId: true, kind: true } });
  return used;
}
