// Setting a venue's quota rule, granting a partner an exception, revoking it or reaching its end date:
// each may loosen a partner's quota (an exception can be tighter than the rule), so each moves the
// venue's waitlists up in the same transaction, at the moment it happens (rule 3). An exception's end
// date is a durable job enqueued by the transaction that grants it (docs/decisions/002, 2026-12-06).
import "server-only";
import { audit } from "@/lib/audit";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { canGrantQuotaException, canSetQuotaRule, ensure } from "@/lib/auth/permissions";
import { prismaSql, type Sql } from "@/lib/db/sql";
import { enqueue, unqueue } from "@/lib/db/queue";
import { promoteAcrossVenue, type Promotion } from "./promotion";
import { NotFoundError } from "@/lib/errors";
import { parisDate } from "@/lib/time";
import type { z } from "zod";
import { quotaExceptionFormSchema, quotaExceptionRevocationSchema, quotaExceptionSchema, quotaRuleSchema } from "./schemas";
import { InvalidInput, parse } from "@/lib/validation";
import { scheduleQuotaLifts } from "./timed";
import { withVenueLock } from "./transaction";

export async function setQuotaRule(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<{ promoted: Promotion[] }> {
  const { venueId, rule } = parse(quotaRuleSchema, input);
  ensure(canSetQuotaRule(actor, venueId), "Seuls le lieu et l'association fixent le quota de ce lieu.");
  return withVenueLock(venueId, async (tx) => {
    const before = await tx.quotaRule.findUnique({ where: { venueId }, select: { period: true, maxPlaces: true, liftDaysBefore: true } });
    if (rule) await tx.quotaRule.upsert({ where: { venueId }, create: { venueId, ...rule }, update: rule });
    else if (before) await tx.quotaRule.delete({ where: { venueId } });
    await audit(
      prismaSql(tx),
      actor,
      { action: "quota.rule_set", entityType: "QuotaRule", entityId: venueId, before: before ?? undefined, after: rule ?? undefined },
      now,
    );
    // The moments the rule lifts itself, one job per session to come (or none any more).
    await scheduleQuotaLifts(prismaSql(tx), venueId, rule, now);
    return { promoted: await promoteAcrossVenue(prismaSql(tx), venueId, actor, now) };
  });
}

export async function grantQuotaException(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<{ promoted: Promotion[] }> {
  const { venueId, partnerId, maxPlaces, reason, expiresAt } = parse(quotaExceptionSchema, input);
  ensure(canGrantQuotaException(actor), "Seule l'association accorde des exceptions au quota.");
  return withVenueLock(venueId, async (tx) => {
    const data = { maxPlaces, reason: reason || null, expiresAt: expiresAt ?? null, grantedById: actor.kind === "user" ? actor.userId : null };
    const exception = await tx.quotaException.upsert({
      where: { venueId_partnerId: { venueId, partnerId } },
      create: { venueId, partnerId, ...data },
      update: data,
    });
    await audit(
      prismaSql(tx),
      actor,
      { action: "quota.exception_granted", entityType: "QuotaException", entityId: exception.id, after: { venueId, partnerId, maxPlaces } },
      now,
    );
    await scheduleExceptionEnd(prismaSql(tx), venueId, partnerId, data.expiresAt, now);
    return { promoted: await promoteAcrossVenue(prismaSql(tx), venueId, actor, now, { partnerIds: [partnerId] }) };
  });
}

/**
 * The association's form of an exception (quotaExceptionFormSchema): an end and a reason, the end being
 * the last day it holds, today or to come. Both refusals are said together, field by field.
 */
export async function grantQuotaExceptionUntil(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<{ promoted: Promotion[] }> {
  const past = (day: unknown) => typeof day === "string" && /^\d{4}-\d{2}-\d{2}$/.test(day) && day < parisDate(now);
  const day = (input as { expiresAt?: unknown } | null)?.expiresAt;
  let form: z.output<typeof quotaExceptionFormSchema>;
  try {
    form = parse(quotaExceptionFormSchema, input);
  } catch (error) {
    if (error instanceof InvalidInput && past(day)) error.fieldErrors.expiresAt = ["structuresAdmin.errors.endInPast"];
    throw error;
  }
  if (past(form.lastDay)) throw new InvalidInput({ expiresAt: ["structuresAdmin.errors.endInPast"] });
  return grantQuotaException(actor, form, { now });
}

/**
 * Ends a partner's exception: the venue's rule applies again from now on. Bookings already held stay (a
 * quota counts requests, it never takes a place back); an exception tighter than the rule leaves a
 * looser quota, so the partner's waiting bookings move up now.
 */
export async function revokeQuotaException(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<{ promoted: Promotion[] }> {
  const { venueId, partnerId, reason } = parse(quotaExceptionRevocationSchema, input);
  ensure(canGrantQuotaException(actor), "Seule l'association accorde des exceptions au quota.");
  return withVenueLock(venueId, async (tx) => {
    const exception = await tx.quotaException.findUnique({
      where: { venueId_partnerId: { venueId, partnerId } },
      select: { id: true, maxPlaces: true, reason: true, expiresAt: true },
    });
    if (!exception) throw new NotFoundError("Cette exception au quota n'existe plus.");
    await tx.quotaException.delete({ where: { id: exception.id } });
    await audit(
      prismaSql(tx),
      actor,
      {
        action: "quota.exception_revoked",
        entityType: "QuotaException",
        entityId: exception.id,
        before: { venueId, partnerId, maxPlaces: exception.maxPlaces, reason: exception.reason },
        after: { reason },
      },
      now,
    );
    await scheduleExceptionEnd(prismaSql(tx), venueId, partnerId, null, now);
    return { promoted: await promoteAcrossVenue(prismaSql(tx), venueId, actor, now, { partnerIds: [partnerId] }) };
  });
}

/** One job per exception with an end date to come; none for an exception without one, or revoked. */
const exceptionEndKey = (venueId: string, partnerId: string) => `quota-exception-end:${venueId}:${partnerId}`;

async function scheduleExceptionEnd(sql: Sql, venueId: string, partnerId: string, expiresAt: Date | null, now: Date): Promise<void> {
  const key = exceptionEndKey(venueId, partnerId);
  if (expiresAt && expiresAt > now) await enqueue(sql, { task: "end-quota-exception", payload: { venueId, partnerId }, runAt: expiresAt, key });
  else await unqueue(sql, [key]);
}

/**
 * The exception's end date has come (the job of scheduleExceptionEnd): the rule applies again to the
 * partner, and what it now allows moves up at once. Safe to run again, and does nothing when the
 * exception was revoked, or granted again with a later end, since.
 */
export async function endQuotaExceptionOnTime(venueId: string, partnerId: string, now = new Date()): Promise<{ promoted: Promotion[] }> {
  return withVenueLock(venueId, async (tx) => {
    const exception = await tx.quotaException.findUnique({ where: { venueId_partnerId: { venueId, partnerId } }, select: { expiresAt: true } });
    if (!exception?.expiresAt || now < exception.expiresAt) return { promoted: [] };
    return { promoted: await promoteAcrossVenue(prismaSql(tx), venueId, systemActor, now, { partnerIds: [partnerId] }) };
  });
}
