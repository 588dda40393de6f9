// Every change of a booking, a session's places or a quota is written to the audit log, in the same
// transaction as the change: who, when, what, before and after. Guests' names stay out of it.
import { actorKind, actorUserId, type Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "./transaction";

export interface AuditEntry {
  action: string;
  entityType: "Booking" | "Session" | "QuotaRule" | "QuotaException";
  entityId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

export async function audit(tx: Tx, actor: Actor, entries: AuditEntry | AuditEntry[]) {
  const list = Array.isArray(entries) ? entries : [entries];
  if (!list.length) return;
  await tx.auditLog.createMany({
    data: list.map((entry) => ({ ...entry, actorUserId: actorUserId(actor), actorKind: actorKind(actor) })),
  });
}
