// The outbox, for admins only: every mail the platform wrote, with its state (waiting, sent, kept in the
// demo, in a digest, not sent, failed). Single-use links are shown only in the demo (no mail server: this
// page is how its mails are read), and only while unsent. A failed mail can be sent again.
// Issue 27.13: "no SMTP_URL" is not the demo: `npm start` without a mail server showed every link, so an
// admin could take another admin's reset link and their account. Links now need the demo itself
// (BILLETTERIE_DEMO=1, set only by `npm run demo`, scripts/app.ts), and never show another admin's.
import "server-only";
import { z } from "zod";
import { actorUserId, type Actor } from "@/lib/auth/actor";
import { ensure, isAdmin } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit";
import { getPrisma } from "@/lib/db/client";
import { prismaSql } from "@/lib/db/sql";
import { NotFoundError, RuleViolation } from "@/lib/errors";
import type { MailStatus } from "@/lib/generated/prisma/enums";
import { enqueue } from "@/lib/db/queue";
import { parse } from "@/lib/validation";
import { pageOffset } from "@/lib/lists";
import { MAIL_ATTEMPTS } from "./index";
import { reveal, unseal } from "./seal";

export async function listOutbox(
  actor: Actor,
  {
    page = 1,
    pageSize = 20,
    hidden = "[lien à usage unique]",
    status,
    to,
  }: { page?: number; pageSize?: number; hidden?: string; status?: MailStatus; to?: string } = {},
) {
  ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");
  const prisma = getPrisma();
  // Searched by recipient (issue 29.10): "did the structure get its confirmation?" is asked with an address.
  const recipient = to?.trim().slice(0, 200);
  const where = { ...(status ? { status } : {}), ...(recipient ? { to: { contains: recipient, mode: "insensitive" as const } } : {}) };
  const [total, rows, failed] = await Promise.all([
    prisma.outboxMail.count({ where }),
    prisma.outboxMail.findMany({ where, orderBy: { createdAt: "desc" }, skip: pageOffset(page, pageSize), take: pageSize }),
    prisma.outboxMail.count({ where: { status: "FAILED" } }),
  ]);
  const demo = process.env.BILLETTERIE_DEMO === "1" && !process.env.SMTP_URL;
  // The other admins among the recipients: their links would open their accounts to the reader.
  const otherAdmins = demo
    ? new Set(
        (
          await prisma.user.findMany({
            where: {
              role: "ADMIN",
              email: { in: rows.flatMap((mail) => (mail.to ? [mail.to.toLowerCase()] : [])) },
              NOT: { id: actorUserId(actor) ?? undefined },
            },
            select: { email: true },
          })
        ).map((user) => user.email),
      )
    : new Set<string>();
  const revealed = (mail: (typeof rows)[number]) =>
    demo && mail.sealedSecrets && mail.status !== "SENT" && !(mail.to && otherAdmins.has(mail.to.toLowerCase()));
  const mails = rows.map((mail) => ({
    id: mail.id,
    kind: mail.kind,
    to: mail.to,
    subject: mail.subject,
    status: mail.status,
    attempts: mail.attempts,
    error: mail.error,
    sentAt: mail.sentAt,
    createdAt: mail.createdAt,
    text: reveal(mail.text, revealed(mail) ? unseal(mail.sealedSecrets!) : null, hidden),
  }));
  return { mails, total, failed, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** A failed mail goes back to its job, with all its attempts again. */
export async function resendMail(actor: Actor, input: unknown): Promise<void> {
  ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");
  const { mailId } = parse(z.object({ mailId: z.uuid("validation.invalid") }), input);
  await getPrisma().$transaction(async (tx) => {
    const mail = await tx.outboxMail.findUnique({ where: { id: mailId }, select: { status: true } });
    if (!mail) throw new NotFoundError("courriel");
    if (mail.status !== "FAILED") throw new RuleViolation("MAIL_NOT_FAILED", "Ce courriel n'a pas échoué : il n'y a rien à renvoyer.");
    await tx.outboxMail.update({ where: { id: mailId }, data: { status: "PENDING", attempts: 0, error: null } });
    await enqueue(prismaSql(tx), { task: "send-mail", payload: { mailId }, key: `mail:${mailId}`, maxAttempts: MAIL_ATTEMPTS });
    await audit(tx, actor, { action: "mail.resent", entityType: "Mail", entityId: mailId });
  });
}
