// A structure may book for a session only while one of its conventions is valid on the session's date in
// France (never on condition of membership). The rule is one SQL function, partner_convention_valid
// (migration 20261125113632), read by lib/booking's locked request and by the pages through here.
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
