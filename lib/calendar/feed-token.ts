// The token of a referent's calendar feed (issue 30.2): 256 random bits in the address
// /agenda/<token>.ics, which a calendar app fetches without signing in. Only the token's SHA-256 finds the
// feed, as for the single-use links (lib/auth/tokens.ts); the token itself is kept sealed with a key that
// is not in the database (lib/mail/seal.ts), so that /mon-compte can show the address again while a copy
// of the database opens no feed. One active feed per user (a partial unique index); "Renouveler le lien"
// revokes the old one in the same transaction, and a revoked token finds nothing.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { ensure } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { appUrl } from "@/lib/http/app-url";
import { seal, unseal } from "@/lib/mail/seal";

const digest = (token: string) => createHash("sha256").update(token).digest("hex");

/** What the form of /mon-compte sends: a first link, or a new one in place of the old. */
export const feedRenewalSchema = z.object({ intent: z.enum(["create", "renew"], "validation.invalid") });

/** The feed is the structure's calendar: only a referent of a structure has one. */
function referent(actor: Actor): actor is Extract<Actor, { role: "PARTNER" }> {
  return actor.kind === "user" && actor.role === "PARTNER";
}

export interface FeedAddress {
  /** For calendar apps that subscribe (Apple Calendar, Outlook): webcal://…/agenda/<token>.ics */
  webcal: string;
  /** The same over HTTPS, to paste into Google Calendar ("À partir de l'URL"). */
  https: string;
}

function addressOf(token: string): FeedAddress {
  const https = appUrl(`/agenda/${token}.ics`);
  return { https, webcal: https.replace(/^https?:/, "webcal:") };
}

/** The actor's active feed address, or null when there is none yet (or its seal no longer opens). */
export async function currentFeed(actor: Actor): Promise<FeedAddress | null> {
  ensure(referent(actor), "Seuls les référents des structures ont un agenda à suivre.");
  const feed = await getPrisma().calendarFeed.findFirst({ where: { userId: actor.userId, revokedAt: null }, select: { sealedToken: true } });
  const token = feed ? unseal(feed.sealedToken)?.token : undefined;
  return token ? addressOf(token) : null;
}

/** Creates the actor's feed, or renews it: the old token stops working at once. */
export async function renewFeed(actor: Actor, { now = new Date() } = {}): Promise<FeedAddress> {
  ensure(referent(actor), "Seuls les référents des structures ont un agenda à suivre.");
  const token = randomBytes(32).toString("base64url");
  await getPrisma().$transaction(async (tx) => {
    // Two renewals at once (two tabs) take turns on the user's row: each revokes what the other made.
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${actor.userId}::uuid FOR UPDATE`;
    const revoked = await tx.calendarFeed.updateMany({ where: { userId: actor.userId, revokedAt: null }, data: { revokedAt: now } });
    const feed = await tx.calendarFeed.create({
      data: { userId: actor.userId, tokenHash: digest(token), sealedToken: seal({ token }), createdAt: now },
      select: { id: true },
    });
    await audit(
      tx,
      actor,
      { action: revoked.count ? "calendar-feed.renewed" : "calendar-feed.created", entityType: "User", entityId: actor.userId, after: { feedId: feed.id } },
      now,
    );
  });
  return addressOf(token);
}

/** Who a token's feed belongs to: an active referent with their structure, or null (unknown, revoked, account ended). */
export async function feedOwner(token: string): Promise<{ userId: string; partnerId: string } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const feed = await getPrisma().calendarFeed.findUnique({
    where: { tokenHash: digest(token) },
    select: { revokedAt: true, user: { select: { id: true, active: true, role: true, partnerId: true } } },
  });
  const user = feed?.user;
  if (!feed || feed.revokedAt || !user?.active || user.role !== "PARTNER" || !user.partnerId) return null;
  return { userId: user.id, partnerId: user.partnerId };
}
