// The association's side of the texts (/admin/courriels): the SMS outbox, read like the mails' (the demo
// keeps texts here, KEPT), "Envoyer à nouveau" for a text that failed, the reminder's hour and the
// month's budget. Numbers are masked here: the association reads what was sent, not whom to call.
// The structure's side: the answers of its people, on its home.
import "server-only";
import { requireId } from "@/lib/validation";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { actsForPartner, ensure, isAdmin } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit";
import { parse } from "@/lib/validation";
import { getPrisma } from "@/lib/db/client";
import { prismaSql } from "@/lib/db/sql";
import { NotFoundError, RuleViolation } from "@/lib/errors";
import { enqueue } from "@/lib/db/queue";
import { pageOffset } from "@/lib/lists";
import { releaseWaitingTexts } from "./deliver";
import { TEXT_ATTEMPTS } from "./events";
import { maskNumber } from "./numbers";

const ensureAdmin = (actor: Actor) => ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");

export async function listTexts(actor: Actor, { page = 1, pageSize = 20 }: { page?: number; pageSize?: number } = {}) {
  ensureAdmin(actor);
  const prisma = getPrisma();
  const [total, rows, failed, waiting, settings] = await Promise.all([
    prisma.outboxSms.count(),
    prisma.outboxSms.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: pageOffset(page, pageSize), take: pageSize }),
    prisma.outboxSms.count({ where: { status: "FAILED" } }),
    prisma.outboxSms.count({ where: { status: "OVER_BUDGET" } }),
    smsSettings(),
  ]);
  const texts = rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    to: row.to ? maskNumber(row.to) : "",
    text: row.text,
    encoding: row.encoding,
    segments: row.segments,
    status: row.status,
    attempts: row.attempts,
    error: row.error,
    createdAt: row.createdAt,
  }));
  return { texts, total, failed, waiting, settings, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** A failed text goes back to its job, with all its attempts again. */
export async function resendText(actor: Actor, input: unknown): Promise<void> {
  ensureAdmin(actor);
  const { smsId } = parse(z.object({ smsId: z.uuid("validation.invalid") }), input);
  await getPrisma().$transaction(async (tx) => {
    const sms = await tx.outboxSms.findUnique({ where: { id: smsId }, select: { status: true } });
    if (!sms) throw new NotFoundError("SMS");
    if (sms.status !== "FAILED") throw new RuleViolation("SMS_NOT_FAILED", "Ce SMS n'a pas échoué : il n'y a rien à renvoyer.");
    await tx.outboxSms.update({ where: { id: smsId }, data: { status: "PENDING", attempts: 0, error: null } });
    await enqueue(prismaSql(tx), { task: "send-sms", payload: { smsId }, key: `sms:${smsId}`, maxAttempts: TEXT_ATTEMPTS });
    await audit(tx, actor, { action: "sms.resent", entityType: "Sms", entityId: smsId });
  });
}

export async function smsSettings(): Promise<{ reminderHour: number; monthlyBudget: number | null }> {
  const row = await getPrisma().smsSettings.findUnique({ where: { id: 1 } });
  return { reminderHour: row?.reminderHour ?? 18, monthlyBudget: row?.monthlyBudget ?? null };
}

export const smsSettingsSchema = z.object({
  reminderHour: z.coerce.number("validation.invalid").int("validation.integer").min(7, "validation.invalid").max(21, "validation.invalid"),
  monthlyBudget: z.preprocess(
    (value) => (value === "" || value === null || value === undefined ? null : value),
    z.coerce.number("validation.invalid").int("validation.integer").min(0, "validation.notNegative").max(1_000_000, "validation.tooLarge").nullable(),
  ),
});

/** The reminder's hour and the month's budget; a larger budget lets waiting texts go at once. */
export async function setSmsSettings(actor: Actor, input: unknown): Promise<void> {
  ensureAdmin(actor);
  const settings = parse(smsSettingsSchema, input);
  await getPrisma().$transaction(async (tx) => {
    await tx.smsSettings.upsert({ where: { id: 1 }, create: { id: 1, ...settings }, update: settings });
    await audit(tx, actor, { action: "sms.settings", entityType: "Sms", entityId: "settings", after: settings });
  });
  await releaseWaitingTexts();
}

/** The answers of the structure's people not yet read, latest first, with the guest's first name. */
export async function listSmsAnswers(actor: Actor, partnerId: string) {
  ensure(actsForPartner(actor, partnerId), "Vous ne voyez que les réponses de votre structure.");
  requireId(partnerId, "structure");
  const answers = await getPrisma().smsAnswer.findMany({ where: { partnerId, readAt: null }, orderBy: { receivedAt: "desc" }, take: 20 });
  const guests = await getPrisma().bookingGuest.findMany({
    where: { OR: answers.filter((a) => a.bookingId && a.guestPosition !== null).map((a) => ({ bookingId: a.bookingId!, position: a.guestPosition! })) },
    select: { bookingId: true, position: true, firstName: true, lastName: true },
  });
  const name = (bookingId: string | null, position: number | null) => {
    const guest = guests.find((g) => g.bookingId === bookingId && g.position === position);
    return guest ? `${guest.firstName} ${guest.lastName}` : "";
  };
  return answers.map((answer) => ({
    id: answer.id,
    outcome: answer.outcome,
    text: answer.text,
    receivedAt: answer.receivedAt,
    bookingId: answer.bookingId,
    name: name(answer.bookingId, answer.guestPosition),
  }));
}

export async function markSmsAnswerRead(actor: Actor, input: unknown): Promise<void> {
  const { answerId } = parse(z.object({ answerId: z.uuid("validation.invalid") }), input);
  const answer = await getPrisma().smsAnswer.findUnique({ where: { id: answerId }, select: { partnerId: true } });
  if (!answer || !actsForPartner(actor, answer.partnerId)) throw new NotFoundError("réponse");
  await getPrisma().smsAnswer.update({ where: { id: answerId }, data: { readAt: new Date() } });
}
