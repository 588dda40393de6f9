// A structure may book for a session only while one of its conventions is valid on the session's date in
// France (never on condition of membership). The rule is written once in SQL: partners_under_convention
// (the set, for pages that ask it of every structure) and partner_convention_valid (one structure, asking
// that set: migrations 20261125113632 and 20261204190000), read by lib/booking's locked request and by the
// pages through here.
import "server-only";
import type { Sql } from "@/lib/db/sql";
import { queueMail } from "@/lib/mail";
import { parisDate } from "@/lib/time";

/** For each moment, whether the structure has a valid convention then. */
export async function conventionValidAt(sql: Sql, partnerId: string, moments: Date[]): Promise<boolean[]> {
  if (!moments.length) return [];
  const rows = await sql.query<{ valid: boolean }>(
    `SELECT partner_convention_valid($1::uuid, m.at) AS "valid" FROM unnest($2::timestamptz[]) WITH ORDINALITY AS m(at, n) ORDER BY m.n`,
    [partnerId, moments],
  );
  return rows.map((row) => row.valid);
}

/** The association is warned this many days before a structure's last convention ends. */
export const CONVENTION_WARNING_DAYS = 60;

/**
 * The daily job's work: for each structure whose latest convention ends within 60 days, a mail to every
 * active account of the association, once per convention (its sourceKey), so running it again, or every
 * day of the 60, warns once. A structure that signed a later convention is not warned.
 */
export async function warnEndingConventions(sql: Sql, { now = new Date() } = {}): Promise<number> {
  const today = parisDate(now);
  const due = await sql.query<{ conventionId: string; partnerId: string }>(
    `SELECT c."conventionId", c."partnerId" FROM (
       SELECT DISTINCT ON ("partnerId") "id"::text AS "conventionId", "partnerId"::text AS "partnerId", "validUntil"
       FROM "Convention" ORDER BY "partnerId", "validUntil" DESC
     ) c WHERE c."validUntil" BETWEEN $1::date AND $1::date + $2::int`,
    [today, CONVENTION_WARNING_DAYS],
  );
  if (!due.length) return 0;
  const admins = await sql.query<{ id: string }>(`SELECT "id"::text AS "id" FROM "User" WHERE "role" = 'ADMIN' AND "active"`);
  await queueMail(
    sql,
    due.flatMap(({ conventionId, partnerId }) =>
      admins.map((admin) => ({ kind: "CONVENTION_ENDING" as const, userId: admin.id, props: { partnerId }, sourceKey: `convention-ending:${conventionId}:${admin.id}` })),
    ),
  );
  return due.length;
}
