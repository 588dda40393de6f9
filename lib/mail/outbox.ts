// The outbox, for admins only: every mail the platform wrote, sent or kept. Single-use links are shown
// only in the demo (no mail server: this page is how its mails are read), and only while unsent.
import "server-only";
import { pageOffset } from "@/lib/validation";
import type { Actor } from "@/lib/auth/actor";
import { ensure, isAdmin } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { reveal, unseal } from "./seal";

export async function listOutbox(actor: Actor, { page = 1, pageSize = 20, hidden = "[lien à usage unique]" } = {}) {
  ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");
  const prisma = getPrisma();
  const [total, rows] = await Promise.all([
    prisma.outboxMail.count(),
    prisma.outboxMail.findMany({ orderBy: { createdAt: "desc" }, skip: pageOffset(page, pageSize), take: pageSize }),
  ]);
  const demo = !process.env.SMTP_URL;
  const mails = rows.map(({ sealedSecrets, ...mail }) => ({ ...mail, text: reveal(mail.text, demo && sealedSecrets ? unseal(sealedSecrets) : null, hidden) }));
  return { mails, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
