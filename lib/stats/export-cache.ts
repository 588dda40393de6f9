// A season's statistics exports, kept by each server process until the season's figures are computed
// again (the job stats-refresh, every quarter of an hour): the same file is not rebuilt for each
// download. At national scale the venues' table is 1,500 rows (78 kB): built each time, it took 31 ms
// at one client and 508 ms p95 at sixteen (npm run bench:pages, issue 14). The key holds the figures'
// computation time, so a new computation is a new key; the oldest entries go past MAX_ENTRIES. Access is
// checked before the cache is read (seasonComputedAt, for the association only).
const MAX_ENTRIES = 64;
const kept = new Map<string, string>();

export async function keptExport(key: string, build: () => Promise<string>): Promise<string> {
  const found = kept.get(key);
  if (found !== undefined) return found;
  const built = await build();
  if (kept.size >= MAX_ENTRIES) kept.delete(kept.keys().next().value!);
  kept.set(key, built);
  return built;
}
