// The plan PostgreSQL chooses for a statement, as on a real database rather than a test's few rows: the
// tables' statistics and visibility freshly read (VACUUM FREEZE ANALYZE: rows a test has just written count
// as seen by everyone, as a real table's settled rows do, so that an index may answer alone), and the scans
// that read a table itself (sequential, bitmap) made costly, so that the plan shows which index answers.
// For the statements every view of a heavy page sends (issue 35.2, decisions 028 and 032).
import { getPrisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

export async function planOf(statement: Prisma.Sql, tables: readonly string[]): Promise<string> {
  const prisma = getPrisma();
  for (const table of tables) await prisma.$executeRawUnsafe(`VACUUM (FREEZE, ANALYZE) "${table}"`);
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
