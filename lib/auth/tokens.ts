// Single-use links (account invitation, forgotten password): 256 random bits sent by email, of which
// only a SHA-256 hash is stored, so a copy of the database cannot be used to take over an account (the
// mail itself keeps the link sealed: lib/mail/seal.ts). A link works once, before it expires, and only
// while its account is active: deactivating an account revokes its links.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getPrisma } from "@/lib/db/client";
import type { Tx } from "@/lib/db/sql";
import type { AuthTokenKind } from "@/lib/generated/prisma/enums";

export const TOKEN_LIFETIME_MS: Record<AuthTokenKind, number> = {
  INVITATION: 7 * 24 * 3600_000,
  PASSWORD_RESET: 3600_000,
};

const digest = (token: string) => createHash("sha256").update(token).digest("hex");

export async function issueToken(userId: string, kind: AuthTokenKind, now = new Date(), tx: Tx = getPrisma()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.authToken.create({
    data: { userId, kind, tokenHash: digest(token), expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[kind]) },
  });
  return token;
}

/** Whether a token is still good, without using it (to show the form or a clear refusal). */
export async function peekToken(token: string, now = new Date()): Promise<{ kind: AuthTokenKind; email: string } | null> {
  const found = await getPrisma().authToken.findUnique({
    where: { tokenHash: digest(token) },
    select: { kind: true, usedAt: true, expiresAt: true, user: { select: { email: true, active: true } } },
  });
  if (!found || found.usedAt || found.expiresAt <= now || !found.user.active) return null;
  return { kind: found.kind, email: found.user.email };
}

/**
 * Uses a token: one conditional UPDATE, so two clicks on the same link (or two servers) cannot both
 * succeed, and a deactivated account's link does nothing. Returns the user it was for, or null.
 */
export async function consumeToken(tx: Tx, token: string, now = new Date()): Promise<{ userId: string; kind: AuthTokenKind } | null> {
  const [used] = await tx.$queryRaw<{ userId: string; kind: AuthTokenKind }[]>`
    UPDATE "AuthToken" t SET "usedAt" = ${now}
    FROM "User" u
    WHERE t."tokenHash" = ${digest(token)} AND t."usedAt" IS NULL AND t."expiresAt" > ${now} AND u."id" = t."userId" AND u."active"
    RETURNING t."userId"::text AS "userId", t."kind"::text AS "kind"`;
  return used ?? null;
}

/** Ends every link of the user not used yet (deactivation, a password just chosen). */
export async function revokeTokens(tx: Tx, userId: string, kind?: AuthTokenKind, now = new Date()): Promise<void> {
  await tx.authToken.updateMany({ where: { userId, usedAt: null, ...(kind ? { kind } : {}) }, data: { usedAt: now } });
}
