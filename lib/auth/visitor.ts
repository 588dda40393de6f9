// Visitor access: a partner structure's code opens a read-only session on the offer for the people it
// supports. Renewing the code invalidates the old one and every visitor session opened with it (the
// session carries the code's renewal time, compared on every request).
import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { audit } from "@/lib/audit";
import { newVisitorCode } from "@/lib/codes";
import { getPrisma } from "@/lib/db/client";
import { AccessDeniedError } from "@/lib/errors";
import { requireId, parse } from "@/lib/validation";
import { conventionValidAt } from "@/lib/conventions";
import { prismaSql } from "@/lib/db/sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "./actor";
import { actsForPartner, ensure } from "./permissions";
import { forgiveAttempt, takeAttempt } from "./throttle";

/** Visitors' sessions end after a few hours, whatever the cookie says. */
export const VISITOR_SESSION_MS = 4 * 3600_000;

/** `session`: the visitor session's own name, random, kept in its cookie (lib/auth/options.ts). */
export type VisitorAccess = { ok: true; partnerId: string; codeVersion: number; session: string } | { ok: false; reason: "INVALID" | "THROTTLED" };

const normalize = (code: string) => code.toUpperCase().replace(/[\s-]/g, "");
const version = (renewedAt: Date | null) => renewedAt?.getTime() ?? 0;

export async function openVisitorAccess(code: unknown, ip: string, now = new Date()): Promise<VisitorAccess> {
  // Per client, and for everyone at once: guessing from many addresses stays as slow as from one.
  const attempt = await takeAttempt(
    [
      ["visitor-ip", ip],
      ["visitor-all", "*"],
    ],
    now,
  );
  if (!attempt) return { ok: false, reason: "THROTTLED" };
  const text = typeof code === "string" ? normalize(code) : "";
  const partner = /^[A-Z0-9]{4,16}$/.test(text)
    ? await getPrisma().partner.findUnique({ where: { visitorCode: text }, select: { id: true, visitorCodeRenewedAt: true } })
    : null;
  // A structure in partnership now: a convention valid today.
  if (!partner || !(await conventionValidAt(prismaSql(getPrisma()), partner.id, [now]))[0]) return { ok: false, reason: "INVALID" };
  await forgiveAttempt(attempt);
  return { ok: true, partnerId: partner.id, codeVersion: version(partner.visitorCodeRenewedAt), session: randomUUID() };
}

/**
 * What a visitor's per-session limits count against: the session, or the structure itself for an actor
 * without one (issue 27.7; one key per structure is the strictest reading, never a way round a limit).
 */
export function visitorSessionKey(actor: { partnerId: string; session?: string }): string {
  return actor.session ? `${actor.partnerId}:${actor.session}` : actor.partnerId;
}

/** The visitor actor of a session, if its code is still the structure's current one and it is not too old. */
export async function visitorActor(partnerId: string, codeVersion: number, openedAt: number, now = Date.now(), session?: string): Promise<Actor | null> {
  if (now - openedAt > VISITOR_SESSION_MS) return null;
  const partner = await getPrisma().partner.findUnique({ where: { id: partnerId }, select: { visitorCode: true, visitorCodeRenewedAt: true } });
  if (!partner?.visitorCode || version(partner.visitorCodeRenewedAt) !== codeVersion) return null;
  return session ? { kind: "visitor", partnerId, session } : { kind: "visitor", partnerId };
}

export async function getVisitorCode(actor: Actor, partnerId: string): Promise<{ code: string | null; renewedAt: Date | null }> {
  ensure(actsForPartner(actor, partnerId), "Seule la structure voit son code d'accès.");
  requireId(partnerId, "structure");
  const partner = await getPrisma().partner.findUnique({ where: { id: partnerId }, select: { visitorCode: true, visitorCodeRenewedAt: true } });
  if (!partner) throw new AccessDeniedError();
  return { code: partner.visitorCode, renewedAt: partner.visitorCodeRenewedAt };
}

export async function renewVisitorCode(actor: Actor, input: unknown, now = new Date()): Promise<{ code: string }> {
  const { partnerId } = parse(z.object({ partnerId: z.uuid("validation.invalid") }), input);
  ensure(actsForPartner(actor, partnerId), "Seule la structure peut changer son code d'accès.");
  return getPrisma().$transaction(async (tx) => {
    const code = await assignVisitorCode(tx, partnerId, now);
    await audit(tx, actor, { action: "partner.visitor_code_renewed", entityType: "Partner", entityId: partnerId }, now);
    return { code };
  });
}

/**
 * Gives the structure a new visitor code, in the caller's transaction: when it renews its code, and when its
 * first account is created, so that no structure starts without one (issue 29.5). A code already taken is
 * drawn again (one chance in about 10⁹ with 4,000 structures); the unique index is the safety net.
 */
export async function assignVisitorCode(tx: Prisma.TransactionClient, partnerId: string, now: Date): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newVisitorCode();
    if (await tx.partner.findUnique({ where: { visitorCode: code }, select: { id: true } })) continue;
    await tx.partner.update({ where: { id: partnerId }, data: { visitorCode: code, visitorCodeRenewedAt: now } });
    return code;
  }
  throw new Error("Impossible de tirer un code libre.");
}

/** How a visitor (or a user of the structure) reaches the structure: its name, phone and email. */
export async function getReferentContact(actor: Actor): Promise<{ name: string; phone: string | null; email: string | null }> {
  const partnerId = actor.kind === "visitor" ? actor.partnerId : actor.kind === "user" && actor.role === "PARTNER" ? actor.partnerId : null;
  if (!partnerId) throw new AccessDeniedError();
  const partner = await getPrisma().partner.findUniqueOrThrow({ where: { id: partnerId }, select: { name: true, phone: true, email: true } });
  return partner;
}
