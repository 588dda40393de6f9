// The accounts list (/comptes), as each may see it: every account for the association, their structure's
// for a referent, their venue's managers for a manager; filtered, sorted and paged from the URL
// (lib/lists.ts).
import "server-only";
import { cleanLine, urlFilter } from "@/lib/validation";
import { fromUrl, LIST_WORDS, pageOffset, urlPage, sortOf, urlDirection, urlSort, type Direction, type SearchParams } from "@/lib/lists";
import { Prisma } from "@/lib/generated/prisma/client";
import { z } from "zod";
import { preparedRows } from "@/lib/db/prepared";
import { AccessDeniedError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "./actor";

export interface AccountRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  pending: boolean;
  structure: string | null;
}

/**
 * The columns the accounts list sorts by (lib/lists.ts), each with its natural direction: by
 * role by default (the association's team, then the structures', then the venues'), then by name, as
 * before; the name and the address A→Z, the structure or venue A→Z (accounts of neither last either way),
 * the state active → invitation pending → deactivated.
 */
export const ACCOUNT_SORTS = { role: "asc", name: "asc", email: "asc", structure: "asc", state: "asc" } as const satisfies Record<string, Direction>;
export type AccountSort = keyof typeof ACCOUNT_SORTS;

/** The list's words in the URL (lib/lists.ts, issue 28.5): `?q=…&tri=nom&ordre=desc&page=2`. */
export const ACCOUNT_WORDS = {
  text: "q",
  sort: {
    word: LIST_WORDS.sort,
    values: { role: "role", name: "nom", email: "email", structure: "structure", state: "etat" } satisfies Record<AccountSort, string>,
  },
  direction: LIST_WORDS.direction,
  page: LIST_WORDS.page,
} as const;

/** The list's filters, English fields: anything unreadable is dropped, never an error. */
export const accountFiltersSchema = z.object({
  // A part of the name or the address; a longer text is cut rather than dropped, as before.
  text: urlFilter(
    z
      .string()
      .transform((value) => cleanLine(value).slice(0, 100))
      .pipe(z.string().min(1)),
  ),
  sort: urlSort(ACCOUNT_SORTS),
  direction: urlDirection(),
  page: urlPage(),
});
export type AccountFilters = z.output<typeof accountFiltersSchema>;

/** The filters of a URL of the list (its French words). */
export function readAccountFilters(params: SearchParams): AccountFilters {
  return accountFiltersSchema.parse(fromUrl(ACCOUNT_WORDS, params));
}

/**
 * The ORDER BY of the list, from the whitelist above (never a text of the URL): the column in the
 * direction asked, then the name, and the id last, so that no account shows on two pages or on none.
 */
function accountOrder(filters: AccountFilters): Prisma.Sql {
  const { column, direction } = sortOf(ACCOUNT_SORTS, "role", filters.sort, filters.direction);
  const dir = Prisma.raw(direction === "asc" ? "ASC" : "DESC");
  const first: Record<AccountSort, Prisma.Sql> = {
    role: Prisma.sql`u."role" ${dir}, u."name" ${dir}`,
    name: Prisma.sql`u."name" ${dir}`,
    email: Prisma.sql`u."email" ${dir}`,
    // As the list shows it: the structure of a referent, the first venue (A→Z) of a manager.
    structure: Prisma.sql`coalesce(p."name", (SELECT min(v."name") FROM "VenueManager" vm JOIN "Venue" v ON v."id" = vm."venueId" WHERE vm."userId" = u."id")) ${dir} NULLS LAST, u."name" ${dir}`,
    state: Prisma.sql`(CASE WHEN NOT u."active" THEN 2 WHEN u."passwordHash" IS NULL THEN 1 ELSE 0 END) ${dir}, u."name" ${dir}`,
  };
  return Prisma.sql`${first[column]}, u."id" ${dir}`;
}

/**
 * A page of the list, with each account's structure or venues, in one statement. The page's ids are chosen
 * first, on their own: read alone, the order walks an index and stops at the page (the default order, role
 * then name, walks User_role_name_idx: decision 032); with the names beside it PostgreSQL sorted all 7,000
 * accounts (25 ms). The role's index alone still read the 5,700 referents to sort them by name (2.5 ms).
 */
export function accountPageSql(condition: Prisma.Sql, filters: AccountFilters, pageSize: number): Prisma.Sql {
  return Prisma.sql`
      SELECT u."id"::text AS "id", u."name", u."email", u."role"::text AS "role", u."active", u."passwordHash" IS NULL AS "pending",
             p."name" AS "partner",
             ARRAY(SELECT v."name" FROM "VenueManager" vm JOIN "Venue" v ON v."id" = vm."venueId" WHERE vm."userId" = u."id" ORDER BY v."name") AS "venues"
      FROM "User" u LEFT JOIN "Partner" p ON p."id" = u."partnerId"
      WHERE u."id" IN (
        SELECT u."id" FROM "User" u LEFT JOIN "Partner" p ON p."id" = u."partnerId"
        WHERE ${condition} ORDER BY ${accountOrder(filters)} LIMIT ${pageSize} OFFSET ${pageOffset(filters.page, pageSize)}
      )
      ORDER BY ${accountOrder(filters)}`;
}

/**
 * The accounts the actor may see: all for admin, their structure's for a referent, their venue's for a
 * manager; searched by a part of the name or the address (`q`), sorted (`tri`, `ordre`), a page at a time.
 */
export async function listAccounts(
  actor: Actor,
  { pageSize = 50, ...query }: Partial<AccountFilters> & { pageSize?: number } = {},
): Promise<{ accounts: AccountRow[]; total: number; page: number; pageCount: number }> {
  if (actor.kind !== "user") throw new AccessDeniedError();
  const filters = accountFiltersSchema.parse(query);
  const where: Prisma.Sql[] = [
    actor.role === "ADMIN"
      ? Prisma.sql`TRUE`
      : actor.role === "PARTNER"
        ? Prisma.sql`u."partnerId" = ${actor.partnerId}::uuid`
        : Prisma.sql`EXISTS (SELECT 1 FROM "VenueManager" vm WHERE vm."userId" = u."id" AND vm."venueId" = ANY(${[...actor.venueIds]}::uuid[]))`,
  ];
  // A national network has thousands of accounts: found by a part of the name or the address.
  if (filters.text) {
    const pattern = `%${filters.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(Prisma.sql`(u."name" ILIKE ${pattern} OR u."email" ILIKE ${pattern})`);
  }
  const condition = Prisma.join(where, " AND ");
  // Two statements (issue 35.2): the count, and the page with each account's structure or venues. The page
  // once took six round trips (the ids, then the accounts, their structures, managers and venues apart).
  // Both prepared once per connection (lib/db/prepared.ts): each view planned them anew.
  const [[counted], found] = await Promise.all([
    preparedRows<{ total: number }>(Prisma.sql`SELECT count(*)::int AS "total" FROM "User" u WHERE ${condition}`),
    preparedRows<Omit<AccountRow, "pending" | "structure"> & { pending: boolean; partner: string | null; venues: string[] }>(
      accountPageSql(condition, filters, pageSize),
    ),
  ]);
  const total = counted?.total ?? 0;
  return {
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    accounts: found.map(({ partner, venues, ...account }) => ({ ...account, structure: partner ?? (venues.join(", ") || null) })),
  };
}
