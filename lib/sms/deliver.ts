// The send-sms job: one row of the SMS outbox handed to the operator (transport.ts). A failure is recorded
// on the row and thrown, so that the queue tries again with a growing delay; after the last attempt the
// row is FAILED and the association sees it on /admin/courriels ("Envoyer à nouveau"). Without SMS_URL
// (the demo) texts stay KEPT in the outbox, readable there. Past the month's budget set by the
// association, texts wait (OVER_BUDGET) and the association is told, once that month.
import "server-only";
import { getPrisma } from "@/lib/db/client";
import { addJobsSql, jobSpecSql } from "@/lib/db/queue";
import { prismaSql } from "@/lib/db/sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import { queueMail } from "@/lib/mail";
import { monthRange, parisDate } from "@/lib/time";
import { isStopped, TEXT_ATTEMPTS } from "./events";
import type { SmsEncoding } from "./segments";
import { smsConfigured, submitText } from "./transport";
import { log, withoutContacts } from "@/lib/observability/log";
import { metrics } from "@/lib/observability/metrics";

export type TextDelivery = "SENT" | "KEPT" | "SKIPPED" | "OVER_BUDGET" | "ALREADY_DONE";

/** The send-sms task. `attempt` counts from 1; at `maxAttempts` a failure leaves the text FAILED. */
export async function deliverText(smsId: string, { attempt = 1, maxAttempts = TEXT_ATTEMPTS, now = new Date() } = {}): Promise<TextDelivery> {
  try {
    return await deliver(smsId, attempt, now);
  } catch (error) {
    const message = String((error as Error)?.message ?? error).slice(0, 500);
    // The month's place it held is given back: it counts again only once sent.
    await getPrisma().outboxSms.update({
      where: { id: smsId },
      data: { attempts: attempt, error: message, sentAt: null, status: attempt >= maxAttempts ? "FAILED" : "PENDING" },
    });
    // The operator's log and /api/metrics: the text's id and the operator's answer, never the number.
    metrics().texts.inc({ result: "failed" });
    log().warn({ area: "sms", smsId, attempt, final: attempt >= maxAttempts, answer: withoutContacts(message) }, "SMS non remis");
    throw error;
  }
}

async function deliver(smsId: string, attempt: number, now: Date): Promise<TextDelivery> {
  const prisma = getPrisma();
  const sms = await prisma.outboxSms.findUnique({ where: { id: smsId } });
  if (!sms || sms.status !== "PENDING") return "ALREADY_DONE";
  if (await isStopped(sms.to)) return finish(smsId, "SKIPPED", { error: "Ce numéro a répondu STOP : rien n'a été envoyé." });
  if (!smsConfigured()) return finish(smsId, "KEPT", {});
  if (!(await takeFromBudget(smsId, now))) return "OVER_BUDGET";
  const messageId = await submitText({ to: sms.to, text: sms.text, encoding: sms.encoding as SmsEncoding });
  metrics().texts.inc({ result: "sent" });
  log().info({ area: "sms", smsId, attempt, operatorId: withoutContacts(messageId) }, "SMS remis");
  return finish(smsId, "SENT", { messageId, attempts: attempt, sentAt: now, error: null });
}

async function finish(smsId: string, status: Exclude<TextDelivery, "ALREADY_DONE" | "OVER_BUDGET">, data: Prisma.OutboxSmsUpdateInput): Promise<TextDelivery> {
  await getPrisma().outboxSms.update({ where: { id: smsId }, data: { ...data, status } });
  return status;
}

/**
 * Counts the text in this Paris month's budget, or sets it OVER_BUDGET (and tells the association, once a
 * month). Under one advisory lock, so that two servers sending at once never both take the last place:
 * a text holds its place from here (sentAt), and gives it back if sending fails.
 */
async function takeFromBudget(smsId: string, now: Date): Promise<boolean> {
  return getPrisma().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended('sms-budget', 0))`;
    const settings = await tx.smsSettings.findUnique({ where: { id: 1 } });
    const budget = settings?.monthlyBudget ?? null;
    const { from, to } = monthRange(now);
    if (budget !== null) {
      const used = await tx.outboxSms.count({ where: { sentAt: { gte: from, lt: to }, status: { in: ["PENDING", "SENT", "DELIVERED", "UNDELIVERED"] } } });
      if (used >= budget) {
        await tx.outboxSms.update({ where: { id: smsId }, data: { status: "OVER_BUDGET" } });
        const month = parisDate(now).slice(0, 7);
        if (settings?.budgetToldFor !== month) {
          await tx.smsSettings.update({ where: { id: 1 }, data: { budgetToldFor: month } });
          const admins = await tx.user.findMany({ where: { role: "ADMIN", active: true }, select: { id: true } });
          await queueMail(
            prismaSql(tx),
            admins.map((admin) => ({ kind: "SMS_BUDGET_SPENT" as const, userId: admin.id, props: { budget }, sourceKey: `sms-budget:${month}:${admin.id}` })),
          );
        }
        return false;
      }
    }
    await tx.outboxSms.update({ where: { id: smsId }, data: { sentAt: now } });
    return true;
  });
}

/**
 * Texts waiting for the budget go back to their job when the budget allows again (a new month, a larger
 * budget): run every hour and when the association changes the budget.
 */
export async function releaseWaitingTexts(now = new Date()): Promise<number> {
  const prisma = getPrisma();
  const waiting = await prisma.outboxSms.findMany({ where: { status: "OVER_BUDGET" }, orderBy: { createdAt: "asc" }, select: { id: true }, take: 1000 });
  if (!waiting.length) return 0;
  const settings = await prisma.smsSettings.findUnique({ where: { id: 1 } });
  const { from, to } = monthRange(now);
  const used = await prisma.outboxSms.count({ where: { sentAt: { gte: from, lt: to }, status: { in: ["PENDING", "SENT", "DELIVERED", "UNDELIVERED"] } } });
  const room = settings?.monthlyBudget == null ? waiting.length : Math.max(0, settings.monthlyBudget - used);
  const ids = waiting.slice(0, room).map((row) => row.id);
  if (!ids.length) return 0;
  await prisma.$transaction(async (tx) => {
    await tx.outboxSms.updateMany({ where: { id: { in: ids }, status: "OVER_BUDGET" }, data: { status: "PENDING" } });
    await prismaSql(tx).query(
      `SELECT 1 AS added FROM ${addJobsSql(
        `SELECT ${jobSpecSql("send-sms", "json_build_object('smsId', t.id)", { key: "'sms:' || t.id", maxAttempts: "$2::int" })} FROM unnest($1::uuid[]) AS t(id)`,
      )}`,
      [ids, TEXT_ATTEMPTS],
    );
  });
  return ids.length;
}
