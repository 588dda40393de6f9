// A structure may book for a session only while one of its conventions is valid on the session's date in
// France (never on condition of membership). The rule is written once in SQL: partners_under_convention
// (the set, for pages that ask it of every structure) and partner_convention_valid (one structure, asking
// that set: migrations 20261125113632 and 20261204190000), read by lib/booking's locked request and by the
// pages through here. A ground module (issue 28.1): the catalog, the visitor's sign-in and the back office
// all ask it, so it belongs to none of them.
import "server-only";
import type { Sql } from "@/lib/db/sql";

/** For each moment, whether the structure has a valid convention then. */
export async function conventionValidAt(sql: Sql, partnerId: string, moments: Date[]): Promise<boolean[]> {
  if (!moments.length) return [];
  const rows = await sql.query<{ valid: boolean }>(
    `SELECT partner_convention_valid($1::uuid, m.at) AS "valid" FROM unnest($2::timestamptz[]) WITH ORDINALITY AS m(at, n) ORDER BY m.n`,
    [partnerId, moments],
  );
  return rows.map((row) => row.valid);
}
