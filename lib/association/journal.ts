// The audit log, for the association: who did what and when, filtered by actor, structure, venue, kind
// of thing, action and dates, sorted by a column, and as CSV. It holds ids and states, never the names
// of the people supported.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { ensure, isAdmin } from "@/lib/auth/permissions";
import { toCsv } from "@/lib/csv";
import { getPrisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { endOfParisDay, parisTime } from "@/lib/time";
import { urlDay, urlFilter, urlText, parse } from "@/lib/validation";
import { auditFields, clipped } from "./audit-fields";
import { formatCsvMoment } from "@/lib/format/dates";
import { CSV_MAX_ROWS } from "./export";
import { fromUrl, LIST_WORDS, sortOf, urlDirection, urlSort, type Direction, pageOffset, urlPage, type SearchParams } from "@/lib/lists";

/**
 * The columns the journal sorts by, each with its natural direction. Without a sort the journal keeps
 * its order of recording, the latest entry first (its id); `date` is the instant recorded.
 */
export const JOURNAL_SORTS = { date: "desc", actor: "asc", action: "asc", object: "asc" } as const satisfies Record<string, Direction>;
export type JournalSort = keyof typeof JOURNAL_SORTS;

export const ENTITY_TYPES = [
  "Booking",
  "Session",
  "Event",
  "Venue",
  "QuotaRule",
  "QuotaException",
  "Partner",
  "User",
  "Person",
  "Mail",
  "Job",
  "Activity",
] as const;

/** The journal's words in the URL (lib/lists.ts, issue 28.5): `?qui=…&lieu=…&objet=…&du=…&tri=acteur&page=2`. */
export const JOURNAL_WORDS = {
  who: "qui",
  partner: "structure",
  venue: "lieu",
  type: "type",
  object: "objet",
  action: "action",
  from: "du",
  to: "au",
  sort: { word: LIST_WORDS.sort, values: { date: "date", actor: "acteur", action: "action", object: "objet" } satisfies Record<JournalSort, string> },
  direction: LIST_WORDS.direction,
  page: LIST_WORDS.page,
} as const;

/** The journal's filters, English fields: anything unreadable is dropped, never an error. */
export const journalFiltersSchema = z.object({
  who: urlFilter(z.uuid()),
  partner: urlFilter(z.uuid()),
  venue: urlFilter(z.uuid()),
  type: urlFilter(z.enum(ENTITY_TYPES)),
  object: urlText(100),
  action: urlFilter(z.string().regex(/^[a-z_]+(\.[a-z_]+)?$/)),
  from: urlDay(),
  to: urlDay(),
  sort: urlSort(JOURNAL_SORTS),
  direction: urlDirection(),
  page: urlPage(),
});
export type JournalFilters = z.output<typeof journalFiltersSchema>;

/** The filters of a URL of the journal (its French words), for the page and its export. */
export function readJournalFilters(params: SearchParams): JournalFilters {
  return journalFiltersSchema.parse(fromUrl(JOURNAL_WORDS, params));
}

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

function journalWhere(filters: JournalFilters): Prisma.Sql {
  const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filters.who) where.push(Prisma.sql`a."actorUserId" = ${filters.who}::uuid`);
  if (filters.type) where.push(Prisma.sql`a."entityType" = ${filters.type}`);
  if (filters.object) where.push(Prisma.sql`a."entityId" = ${filters.object}`);
  if (filters.action) where.push(Prisma.sql`(a."action" = ${filters.action} OR a."action" LIKE ${`${filters.action}.%`})`);
  if (filters.from) where.push(Prisma.sql`a."at" >= ${parisTime(filters.from)}`);
  if (filters.to) where.push(Prisma.sql`a."at" < ${endOfParisDay(filters.to)}`);
  // A structure's entries: about itself, its people, its users, its bookings, its quota exceptions.
  if (filters.partner) {
    where.push(Prisma.sql`(
      (a."entityType" = 'Partner' AND a."entityId" = ${filters.partner})
      OR (a."entityType" = 'Booking' AND EXISTS (SELECT 1 FROM "Booking" b WHERE b."id"::text = a."entityId" AND b."partnerId" = ${filters.partner}::uuid))
      OR (a."entityType" = 'User' AND EXISTS (SELECT 1 FROM "User" u WHERE u."id"::text = a."entityId" AND u."partnerId" = ${filters.partner}::uuid))
      OR (a."entityType" = 'Person' AND EXISTS (SELECT 1 FROM "Person" pe WHERE pe."id"::text = a."entityId" AND pe."partnerId" = ${filters.partner}::uuid))
      OR (a."entityType" = 'QuotaException' AND coalesce(a."after"->>'partnerId', a."before"->>'partnerId') = ${filters.partner}))`);
  }
  // A venue's: about itself, its quota rule and exceptions, its events and sessions, the bookings on them.
  if (filters.venue) {
    where.push(Prisma.sql`(
      (a."entityType" IN ('Venue', 'QuotaRule') AND a."entityId" = ${filters.venue})
      OR (a."entityType" = 'Event' AND EXISTS (SELECT 1 FROM "Event" e WHERE e."id"::text = a."entityId" AND e."venueId" = ${filters.venue}::uuid))
      OR (a."entityType" = 'Session' AND EXISTS (SELECT 1 FROM "Session" s JOIN "Event" e ON e."id" = s."eventId" WHERE s."id"::text = a."entityId" AND e."venueId" = ${filters.venue}::uuid))
      OR (a."entityType" = 'Booking' AND EXISTS (SELECT 1 FROM "Booking" b JOIN "Session" s ON s."id" = b."sessionId" JOIN "Event" e ON e."id" = s."eventId" WHERE b."id"::text = a."entityId" AND e."venueId" = ${filters.venue}::uuid))
      OR (a."entityType" = 'QuotaException' AND coalesce(a."after"->>'venueId', a."before"->>'venueId') = ${filters.venue}))`);
  }
  return Prisma.join(where, " AND ");
}

/** The ORDER BY of the journal; the id breaks ties, in the same direction (no entry on two pages or none). */
function journalOrder(filters: JournalFilters): Prisma.Sql {
  if (!filters.sort) return Prisma.sql`a."id" DESC`;
  const { column, direction } = sortOf(JOURNAL_SORTS, "date", filters.sort, filters.direction);
  const dir = Prisma.raw(direction === "asc" ? "ASC" : "DESC");
  const first: Record<JournalSort, Prisma.Sql> = {
    date: Prisma.sql`a."at" ${dir}`,
    // An entry without an account (the platform, a visitor) after the named ones, whichever the direction.
    actor: Prisma.sql`lower(u."name") ${dir} NULLS LAST, a."actorKind" ${dir}`,
    action: Prisma.sql`a."action" ${dir}`,
    object: Prisma.sql`a."entityType" ${dir}, a."entityId" ${dir}`,
  };
  return Prisma.sql`${first[column]}, a."id" ${dir}`;
}

const JOURNAL_COLUMNS = Prisma.sql`a."id"::text AS "id", a."at", a."actorKind", u."name" AS "actorName", a."action", a."entityType", a."entityId", a."before", a."after"`;

export async function listJournal(actor: Actor, filters: JournalFilters, { pageSize = 50 } = {}) {
  ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");
  const condition = journalWhere(filters);
  const prisma = getPrisma();
  const [totals, entries] = await Promise.all([
    prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "AuditLog" a WHERE ${condition}`,
    prisma.$queryRaw<JournalEntry[]>`
      SELECT ${JOURNAL_COLUMNS}
      FROM "AuditLog" a LEFT JOIN "User" u ON u."id" = a."actorUserId"
      WHERE ${condition} ORDER BY ${journalOrder(filters)} LIMIT ${pageSize} OFFSET ${pageOffset(filters.page, pageSize)}`,
  ]);
  const total = totals[0]?.total ?? 0;
  return { entries, total, page: filters.page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** A value of an entry's details as the journal's page writes it, raw: long text cut. */
function detailValue(raw: unknown): string {
  if (raw === null || raw === undefined || raw === "") return "—";
  return clipped(typeof raw === "string" ? raw : Array.isArray(raw) && raw.every((item) => typeof item !== "object") ? raw.join(", ") : JSON.stringify(raw));
}

/** An entry's before and after as "key : value" parts ("old → new" when it changed), in the page's order, on one line. */
function details(before: unknown, after: unknown): string {
  const fields = auditFields(before, after);
  if (!fields) {
    return [
      before === null || before === undefined ? null : `avant : ${detailValue(before)}`,
      after === null || after === undefined ? null : detailValue(after),
    ]
      .filter(Boolean)
      .join(" · ");
  }
  return fields
    .map(({ key, old, now, inNow, changed }) =>
      changed ? `${key} : ${detailValue(old)} → ${detailValue(now)}` : inNow ? `${key} : ${detailValue(now)}` : `${key} : ${detailValue(old)} (avant)`,
    )
    .join(" · ");
}

/**
 * The journal as filtered and sorted, as CSV: every matching entry, not only the page, up to CSV_MAX_ROWS
 * (50,000: lib/association/export.ts). `query` is the journal's filters (readJournalFilters); `labels` words a kind of actor, an
 * action or a kind of thing (the raw code when it has none). It holds what the page shows and no
 * more: who acted (an account's name, never its address), the action, the kind and id of the thing, its
 * details (states and ids; the journal never records the names of the people supported).
 */
export async function journalCsv(
  actor: Actor,
  query: unknown,
  { labels = () => undefined, maxRows = CSV_MAX_ROWS }: { labels?: (key: string) => string | undefined; maxRows?: number } = {},
): Promise<string> {
  ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");
  const filters = parse(journalFiltersSchema, query);
  const entries = await getPrisma().$queryRaw<JournalEntry[]>`
    SELECT ${JOURNAL_COLUMNS}
    FROM "AuditLog" a LEFT JOIN "User" u ON u."id" = a."actorUserId"
    WHERE ${journalWhere(filters)} ORDER BY ${journalOrder(filters)} LIMIT ${maxRows}`;
  const say = (key: string, fallback: string) => labels(key) ?? fallback;
  return toCsv(
    ["Date", "Qui", "Type de compte", "Action", "Code de l'action", "Objet", "Identifiant de l'objet", "Détails"],
    entries.map((entry) => [
      formatCsvMoment(new Date(entry.at)),
      entry.actorName ?? "",
      say(`actorKind.${entry.actorKind}`, entry.actorKind),
      /^[a-z_]+\.[a-z_]+$/.test(entry.action) ? say(`action.${entry.action}`, entry.action) : entry.action,
      entry.action,
      say(`entityType.${entry.entityType}`, entry.entityType),
      entry.entityId,
      details(entry.before, entry.after),
    ]),
  );
}
