import { getPrisma } from "@/lib/db/client";

/** A digest of every row of every table (but `except`): equal before and after means nothing changed. */
export async function fingerprint(except: string[] = []): Promise<string> {
  const prisma = getPrisma();
  const tables = (
    await prisma.$queryRaw<{ name: string }[]>`
      SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`
  ).filter((table) => !except.includes(table.name));
  const digests = await prisma.$queryRawUnsafe<{ name: string; digest: string }[]>(
    tables
      .map((t) => `SELECT '${t.name}' AS name, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS digest FROM "${t.name}" x`)
      .join(" UNION ALL "),
  );
  // UNION ALL may come back in any order when PostgreSQL runs it in parallel: sort by table.
  return digests
    .map((d) => `${d.name}:${d.digest}`)
    .sort()
    .join(",");
}
