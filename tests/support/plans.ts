// The plan PostgreSQL chooses for a statement, as on a real database rather than a test's few rows: the
// tables' statistics and visibility freshly read (VACUUM FREEZE ANALYZE: rows a test has just written count
// as seen by everyone, as a real table's settled rows do, so that an index may answer alone), and the scans
// that read a table itself (sequential, bitmap) made costly, so that the plan shows which index answers.
// For the statements every view of a heavy page sends (issue 35.2, decisions 028 and 032).
import { getPrisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

export async function planOf(statement: Prisma.Sql, tables: readonly string[]): Promise<string> {
  const prisma = getPrisma();
  for (const table of tables) await settle(table);
  const rolledBack = new Error("rolled back");
  let plan = "";
  await prisma
    .$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      await tx.$executeRaw`SET LOCAL enable_bitmapscan = off`;
      const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${statement}`);
      plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
      throw rolledBack;
    })
    .catch((error: unknown) => {
      if (error !== rolledBack) throw error;
    });
  return plan;
}

/**
 * VACUUM marks a page all-visible only once no transaction that might still not see its rows is running
 * (the horizon): in the whole suite, another file's transaction can hold it back for a while, and the
 * planner then prices an index-only scan as a visit of the table. Vacuumed again until every page is
 * all-visible, for 30 s at most (then the plan is taken as it is, and the test shows it).
 */
async function settle(table: string): Promise<void> {
  const prisma = getPrisma();
  const deadline = Date.now() + 30_000;
  for (;;) {
    await prisma.$executeRawUnsafe(`VACUUM (FREEZE, ANALYZE) "${table}"`);
    const [row] = await prisma.$queryRaw<{ settled: boolean }[]>`
      SELECT c."relallvisible" >= c."relpages" AS settled FROM pg_class c WHERE c."oid" = ${`"${table}"`}::regclass`;
    if (row?.settled || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
