// The audit log: who, when, what, before and after, for every change of a booking and every other
// sensitive change. An entry is written by the transaction that makes the change (pass its Sql), so
// there is never a change without its entry nor an entry without its change. Guests' names stay out.
import "server-only";
import { actorKind, actorUserId, type Actor } from "@/lib/auth/actor";
import { prismaSql, type Sql, type Tx } from "@/lib/db/sql";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

export interface AuditEntry {
  action: string;
  entityType:
    | "Booking"
    | "Session"
    | "QuotaRule"
    | "QuotaException"
    | "Event"
    | "Venue"
    | "User"
    | "Partner"
    | "Person"
    | "Mail"
    | "Sms"
    | "Activity"
    | "Job"
    | "Import"
    | "Export";
  entityId: string;
  before?: Json;
  after?: Json;
}

const json = (value: Json | undefined) => (value === undefined ? null : JSON.stringify(value));

/** Writes the entries with `transaction`: a Prisma interactive transaction, or the Sql of one. */
export async function audit(transaction: Sql | Tx, actor: Actor, entries: AuditEntry | AuditEntry[], at = new Date()): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (!list.length) return;
  const sql = "query" in transaction ? transaction : prismaSql(transaction);
  await sql.query(
    `INSERT INTO "AuditLog" ("at", "actorUserId", "actorKind", "action", "entityType", "entityId", "before", "after")
     SELECT $1::timestamptz, $2::uuid, $3, e.action, e.entity_type, e.entity_id, e.before::jsonb, e.after::jsonb
     FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS e(action, entity_type, entity_id, before, after)`,
    [
      at,
      actorUserId(actor),
      actorKind(actor),
      list.map((entry) => entry.action),
      list.map((entry) => entry.entityType),
      list.map((entry) => entry.entityId),
      list.map((entry) => json(entry.before)),
      list.map((entry) => json(entry.after)),
    ],
  );
}
