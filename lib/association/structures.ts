// The association's view of the partner structures: their onboarding (list and board by stage, filters in the
// URL, CSV), and one structure's file: identity, referents, visitor code, conventions, memberships, how
// many people it supports (never who), its bookings, quota exceptions, the association's notes, its steps.
import "server-only";
import { z } from "zod";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { ensure, isAdmin } from "@/lib/auth/permissions";
import { toCsv } from "@/lib/csv";
import { getPrisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Sector } from "@/lib/generated/prisma/enums";
import { parisDate, seasonOf } from "@/lib/time";
import { line, optionalLine, optionalText, parse, requireId, urlFilter, urlText } from "@/lib/validation";
import { fromUrl, LIST_WORDS, pageOffset, sortOf, urlDirection, urlPage, urlSort, type Direction, type SearchParams } from "@/lib/lists";
import { STAGES, STAGE_SQL, type Stage } from "./onboarding";
import { SECTORS } from "./partnership";

const ensureAdmin = (actor: Actor) => ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");

/** The columns the list sorts by (lib/lists.ts), each with its natural direction; the latest step first by default. */
export const STRUCTURE_SORTS = { recent: "desc", name: "asc", stage: "asc", convention: "asc" } as const satisfies Record<string, Direction>;
export type StructureSort = keyof typeof STRUCTURE_SORTS;

/** The list's words in the URL (lib/lists.ts, issue 28.5): `?etape=…&secteur=…&q=…&tri=nom&ordre=desc&page=2`. */
export const STRUCTURE_WORDS = {
  stage: "etape",
  sector: "secteur",
  text: "q",
  sort: { word: LIST_WORDS.sort, values: { recent: "recent", name: "nom", stage: "etape", convention: "convention" } satisfies Record<StructureSort, string> },
  direction: LIST_WORDS.direction,
  page: LIST_WORDS.page,
} as const;

/** The list's filters, English fields: anything unreadable is dropped, never an error. */
export const structureFiltersSchema = z.object({
  stage: urlFilter(z.enum(STAGES)),
  sector: urlFilter(z.enum(SECTORS)),
  text: urlText(100),
  sort: urlSort(STRUCTURE_SORTS),
  direction: urlDirection(),
  page: urlPage(),
});
export type StructureFilters = z.output<typeof structureFiltersSchema>;

/** The filters of a URL of the list (its French words), for the page and its export. */
export function readStructureFilters(params: SearchParams): StructureFilters {
  return structureFiltersSchema.parse(fromUrl(STRUCTURE_WORDS, params));
}

export interface StructureRow {
  id: string;
  name: string;
  sector: Sector;
  city: string | null;
  /** Null for a structure without any step (one created outside the request form). */
  stage: Stage | null;
  stageAt: Date | null;
  conventionUntil: Date | null;
  conventionValid: boolean;
  membership: string | null;
  referents: number;
}

const PAGE_SIZE = 25;

function whereOf(filters: StructureFilters) {
  const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filters.stage) where.push(Prisma.sql`${Prisma.raw(STAGE_SQL)} = ${filters.stage}`);
  if (filters.sector) where.push(Prisma.sql`p."sector" = ${filters.sector}::"Sector"`);
  if (filters.text) {
    const pattern = `%${filters.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(Prisma.sql`(p."name" ILIKE ${pattern} OR p."city" ILIKE ${pattern} OR p."email" ILIKE ${pattern})`);
  }
  return Prisma.join(where, " AND ");
}

/**
 * The ORDER BY of the list: the column in the direction asked, what is not known yet (no step, no
 * convention) last either way; then the name (A→Z, as before) and the id, so that no structure shows on
 * two pages or on none.
 */
function structureOrder(filters: StructureFilters): Prisma.Sql {
  const { column, direction } = sortOf(STRUCTURE_SORTS, "recent", filters.sort, filters.direction);
  const dir = Prisma.raw(direction === "asc" ? "ASC" : "DESC");
  const first: Record<StructureSort, Prisma.Sql> = {
    // Case apart from the database's collation: "Centre" before "CHRS", as people expect.
    name: Prisma.sql`lower(p."name") ${dir}, p."name" ${dir}, p."id" ${dir}`,
    stage: Prisma.sql`array_position(ARRAY['REQUEST_RECEIVED','MEETING_PLANNED','MEETING_HELD','CONVENTION_SIGNED','ACCOUNT_CREATED','TRAINED','DECLINED'], stage) ${dir} NULLS LAST, p."name", p."id"`,
    recent: Prisma.sql`"stageAt" ${dir} NULLS LAST, p."name", p."id"`,
    convention: Prisma.sql`"conventionUntil" ${dir} NULLS LAST, p."name", p."id"`,
  };
  return first[column];
}

function rowsQuery(filters: StructureFilters, now: Date, limit: Prisma.Sql) {
  const season = seasonOf(now);
  return Prisma.sql`
    SELECT * FROM (
      SELECT p."id"::text AS "id", p."name", p."sector"::text AS "sector", p."city",
             ${Prisma.raw(STAGE_SQL)} AS stage,
             coalesce(p."stageAt", p."createdAt") AS "stageAt",
             (SELECT max(c."validUntil") FROM "Convention" c WHERE c."partnerId" = p."id") AS "conventionUntil",
             p."id" IN (SELECT partner_id FROM partners_under_convention(${now})) AS "conventionValid",
             (SELECT m."status"::text FROM "Membership" m WHERE m."partnerId" = p."id" AND m."season" = ${season}) AS "membership",
             (SELECT count(*)::int FROM "User" u WHERE u."partnerId" = p."id" AND u."active") AS "referents"
      FROM "Partner" p WHERE ${whereOf(filters)}
    ) p
    ORDER BY ${structureOrder(filters)}
    ${limit}`;
}

/** The structures as a list, a page at a time, with the count of each stage (for the board's columns). */
export async function listStructures(actor: Actor, filters: StructureFilters, { now = new Date() } = {}) {
  ensureAdmin(actor);
  const prisma = getPrisma();
  const [rows, stages] = await Promise.all([
    prisma.$queryRaw<StructureRow[]>(rowsQuery(filters, now, Prisma.sql`LIMIT ${PAGE_SIZE} OFFSET ${pageOffset(filters.page, PAGE_SIZE)}`)),
    prisma.$queryRaw<{ stage: Stage | null; count: number }[]>`
      SELECT ${Prisma.raw(STAGE_SQL)} AS stage, count(*)::int AS count FROM "Partner" p
      WHERE ${whereOf({ ...filters, stage: undefined })} GROUP BY 1`,
  ]);
  const counts = Object.fromEntries(STAGES.map((stage) => [stage, stages.find((row) => row.stage === stage)?.count ?? 0])) as Record<Stage, number>;
  // Without a stage filter, structures without any step are listed too: count them.
  const total = filters.stage ? counts[filters.stage] : stages.reduce((sum, row) => sum + row.count, 0);
  return { rows, counts, total, page: filters.page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** The board: every structure matching the filters, by stage (a few hundred at most). */
export async function structureBoard(actor: Actor, filters: StructureFilters, { now = new Date() } = {}) {
  ensureAdmin(actor);
  const rows = await getPrisma().$queryRaw<StructureRow[]>(rowsQuery({ ...filters, sort: "recent", direction: undefined }, now, Prisma.sql`LIMIT 2000`));
  // A structure without any step waits where every request starts.
  return Object.fromEntries(STAGES.map((stage) => [stage, rows.filter((row) => (row.stage ?? "REQUEST_RECEIVED") === stage)])) as Record<Stage, StructureRow[]>;
}

/** The same list, whole, as CSV for a spreadsheet. */
export async function structuresCsv(actor: Actor, filters: StructureFilters, { now = new Date(), labels }: { now?: Date; labels: (key: string) => string }) {
  ensureAdmin(actor);
  const rows = await getPrisma().$queryRaw<StructureRow[]>(rowsQuery(filters, now, Prisma.sql``));
  return toCsv(
    ["Structure", "Secteur", "Ville", "Étape", "Depuis", "Convention jusqu'au", "Convention valable", "Adhésion (saison)", "Référents actifs"],
    rows.map((row) => [
      row.name,
      labels(`sector.${row.sector}`),
      row.city ?? "",
      row.stage ? labels(`stage.${row.stage}`) : "",
      row.stageAt ? parisDate(row.stageAt) : "",
      row.conventionUntil ? row.conventionUntil.toISOString().slice(0, 10) : "",
      row.conventionValid ? "oui" : "non",
      row.membership ? labels(`membership.${row.membership}`) : "",
      row.referents,
    ]),
  );
}

/** One structure's file. The people it supports are counted, never named. */
export async function getStructure(actor: Actor, partnerId: string, { now = new Date() } = {}) {
  ensureAdmin(actor);
  requireId(partnerId, "structure");
  const prisma = getPrisma();
  const partner = await prisma.partner.findUnique({
    where: { id: partnerId },
    include: {
      users: { orderBy: { name: "asc" }, select: { id: true, name: true, email: true, active: true, passwordHash: true, lastSignInAt: true } },
      conventions: { orderBy: { validFrom: "desc" } },
      memberships: { orderBy: { season: "desc" } },
      requests: { orderBy: { createdAt: "desc" } },
      quotaExceptions: { orderBy: { createdAt: "desc" }, include: { venue: { select: { id: true, name: true } } } },
      steps: { orderBy: [{ at: "desc" }, { id: "desc" }], include: { byUser: { select: { name: true } } } },
    },
  });
  if (!partner) throw new NotFoundError("structure");
  const [people, bookings, [stage]] = await Promise.all([
    prisma.person.count({ where: { partnerId, archivedAt: null } }),
    prisma.booking.groupBy({ by: ["status"], where: { partnerId }, _count: true }),
    prisma.$queryRaw<
      { stage: Stage | null; valid: boolean }[]
    >`SELECT ${Prisma.raw(STAGE_SQL)} AS stage, partner_convention_valid(p."id", ${now}) AS valid FROM "Partner" p WHERE p."id" = ${partnerId}::uuid`,
  ]);
  const { users, visitorCode, ...rest } = partner;
  return {
    ...rest,
    stage: stage!.stage,
    conventionValid: stage!.valid,
    visitorCodeActive: Boolean(visitorCode),
    referents: users.map(({ passwordHash, ...user }) => ({ ...user, pending: !passwordHash })),
    people,
    bookings: Object.fromEntries(bookings.map((row) => [row.status, row._count])) as Partial<Record<"CONFIRMED" | "WAITLISTED" | "CANCELLED", number>>,
  };
}

export const structureUpdateSchema = z.object({
  partnerId: z.uuid(),
  name: line(160),
  sector: z.enum(SECTORS, "validation.required"),
  addressLine: optionalLine(200),
  postalCode: optionalLine(10),
  city: optionalLine(80),
  area: optionalLine(80),
  phone: optionalLine(30),
  // Trimmed and lower-cased like every other address of the platform; empty clears it.
  email: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() || undefined : (v ?? undefined)),
    z.email("validation.email").max(200, "validation.tooLong").optional(),
  ),
  notes: optionalText(5000),
});

export async function updateStructure(actor: Actor, input: unknown): Promise<void> {
  ensureAdmin(actor);
  const { partnerId, ...fields } = parse(structureUpdateSchema, input);
  await getPrisma().$transaction(async (tx) => {
    if (!(await tx.partner.findUnique({ where: { id: partnerId }, select: { id: true } }))) throw new NotFoundError("structure");
    const data = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value ?? null])) as Prisma.PartnerUpdateInput;
    await tx.partner.update({ where: { id: partnerId }, data: { ...data, name: fields.name, sector: fields.sector } });
    await audit(tx, actor, { action: "partner.updated", entityType: "Partner", entityId: partnerId });
  });
}
