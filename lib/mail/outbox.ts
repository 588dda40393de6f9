// The outbox, for admins only: every mail the platform wrote, sent or kept.
import type { Actor } from "@/lib/auth/actor";
import { ensure, isAdmin } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";

export async function listOutbox(actor: Actor, { page = 1, pageSize = 20 } = {}) {
  ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");
  const prisma = getPrisma();
  const [total, mails] = await Promise.all([
    prisma.outboxMail.count(),
    prisma.outboxMail.findMany({ orderBy: { createdAt: "desc" }, skip: (Math.max(1, page) - 1) * pageSize, take: pageSize }),
  ]);
  return { mails, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
