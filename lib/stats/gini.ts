// The Gini coefficient of a distribution (0: everyone the same; toward 1: one has everything): how
// evenly scarce places went to structures (issue 17). Shared by the association's statistics and
// scripts/bench/fairness.ts.
export function gini(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const total = sorted.reduce((sum, v) => sum + v, 0);
  if (!n || !total) return 0;
  const weighted = sorted.reduce((sum, v, i) => sum + (2 * (i + 1) - n - 1) * v, 0);
  return weighted / (n * total);
}
