// The audit log, for the association: who did what and when, filtered by actor, structure, venue, kind
// of thing, action and dates. It holds ids and states, never the names of the people supported.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { ensure, isAdmin } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { parisTime } from "@/lib/time";
import { pageOffset, urlDay, urlFilter, urlPage, urlText } from "@/lib/validation";


export const ENTITY_TYPES = ["Booking", "Session", "Event", "Venue", "QuotaRule", "QuotaException", "Partner", "User", "Person", "Mail", "Activity"] as const;

export const journalFiltersSchema = z.object({
  qui: urlFilter(z.uuid()),
  structure: urlFilter(z.uuid()),
  lieu: urlFilter(z.uuid()),
  type: urlFilter(z.enum(ENTITY_TYPES)),
  objet: urlText(100),
  action: urlFilter(z.string().regex(/^[a-z_]+(\.[a-z_]+)?$/)),
  du: urlDay(),
  au: urlDay(),
  page: urlPage(),
});
export type JournalFilters = z.output<typeof journalFiltersSchema>;

export interface JournalEntry {
  id: string;
  at: Date;
  actorKind: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export async function listJournal(actor: Actor, filters: JournalFilters, { pageSize = 50 } = {}) {
  ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");
  const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filters.qui) where.push(Prisma.sql`a."actorUserId" = ${filters.qui}::uuid`);
  if (filters.type) where.push(Prisma.sql`a."entityType" = ${filters.type}`);
  if (filters.objet) where.push(Prisma.sql`a."entityId" = ${filters.objet}`);
  if (filters.action) where.push(Prisma.sql`(a."action" = ${filters.action} OR a."action" LIKE ${`${filters.action}.%`})`);
  if (filters.du) where.push(Prisma.sql`a."at" >= ${parisTime(filters.du)}`);
  if (filters.au) where.push(Prisma.sql`a."at" < ${new Date(parisTime(filters.au).getTime() + 86_400_000)}`);
  // A structure's entries: about itself, its people, its users, its bookings, its quota exceptions.
  if (filters.structure) {
    where.push(Prisma.sql`(
      (a."entityType" = 'Partner' AND a."entityId" = ${filters.structure})
      OR (a."entityType" = 'Booking' AND EXISTS (SELECT 1 FROM "Booking" b WHERE b."id"::text = a."entityId" AND b."partnerId" = ${filters.structure}::uuid))
      OR (a."entityType" = 'User' AND EXISTS (SELECT 1 FROM "User" u WHERE u."id"::text = a."entityId" AND u."partnerId" = ${filters.structure}::uuid))
      OR (a."entityType" = 'Person' AND EXISTS (SELECT 1 FROM "Person" pe WHERE pe."id"::text = a."entityId" AND pe."partnerId" = ${filters.structure}::uuid))
      OR (a."entityType" = 'QuotaException' AND coalesce(a."after"->>'partnerId', a."before"->>'partnerId') = ${filters.structure}))`);
  }
  // A venue's: about itself, its quota rule and exceptions, its events and sessions, the bookings on them.
  if (filters.lieu) {
    where.push(Prisma.sql`(
      (a."entityType" IN ('Venue', 'QuotaRule') AND a."entityId" = ${filters.lieu})
      OR (a."entityType" = 'Event' AND EXISTS (SELECT 1 FROM "Event" e WHERE e."id"::text = a."entityId" AND e."venueId" = ${filters.lieu}::uuid))
      OR (a."entityType" = 'Session' AND EXISTS (SELECT 1 FROM "Session" s JOIN "Event" e ON e."id" = s."eventId" WHERE s."id"::text = a."entityId" AND e."venueId" = ${filters.lieu}::uuid))
      OR (a."entityType" = 'Booking' AND EXISTS (SELECT 1 FROM "Booking" b JOIN "Session" s ON s."id" = b."sessionId" JOIN "Event" e ON e."id" = s."eventId" WHERE b."id"::text = a."entityId" AND e."venueId" = ${filters.lieu}::uuid))
      OR (a."entityType" = 'QuotaException' AND coalesce(a."after"->>'venueId', a."before"->>'venueId') = ${filters.lieu}))`);
  }
  const condition = Prisma.join(where, " AND ");
  const prisma = getPrisma();
  const [totals, entries] = await Promise.all([
    prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "AuditLog" a WHERE ${condition}`,
    prisma.$queryRaw<JournalEntry[]>`
      SELECT a."id"::text AS "id", a."at", a."actorKind", u."name" AS "actorName", a."action", a."entityType", a."entityId", a."before", a."after"
      FROM "AuditLog" a LEFT JOIN "User" u ON u."id" = a."actorUserId"
      WHERE ${condition} ORDER BY a."id" DESC LIMIT ${pageSize} OFFSET ${pageOffset(filters.page, pageSize)}`,
  ]);
  const total = totals[0]?.total ?? 0;
  return { entries, total, page: filters.page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

