// The association hears before a structure's convention ends, so that it can sign the next one in time
// (a structure without a valid convention can no longer book: lib/conventions.ts holds that rule).
import "server-only";
import type { Sql } from "@/lib/db/sql";
import { queueMail } from "@/lib/mail";
import { parisDate } from "@/lib/time";

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
      admins.map((admin) => ({
        kind: "CONVENTION_ENDING" as const,
        userId: admin.id,
        props: { partnerId },
        sourceKey: `convention-ending:${conventionId}:${admin.id}`,
      })),
    ),
  );
  return due.length;
}
