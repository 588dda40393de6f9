// Latencies kept as a histogram of fixed size (buckets 2 % wide from 0.01 ms to about 10 minutes): a
// season's hundreds of thousands of answers give their percentiles without a list of them in memory.
const RATIO = 1.02;
const SMALLEST = 0.01;
const BUCKETS = Math.ceil(Math.log(600_000 / SMALLEST) / Math.log(RATIO));

export class Histogram {
  private readonly counts = new Uint32Array(BUCKETS + 1);
  total = 0;

  add(ms: number): void {
    const index = ms <= SMALLEST ? 0 : Math.min(BUCKETS, Math.ceil(Math.log(ms / SMALLEST) / Math.log(RATIO)));
    this.counts[index]!++;
    this.total++;
  }

  /** The latency below which a share `q` of the answers came (the bucket's upper bound), in ms. */
  quantile(q: number): number {
    if (!this.total) return 0;
    const wanted = Math.ceil(q * this.total);
    let seen = 0;
    for (let index = 0; index <= BUCKETS; index++) {
      seen += this.counts[index]!;
      if (seen >= wanted) return SMALLEST * RATIO ** index;
    }
    return SMALLEST * RATIO ** BUCKETS;
  }
}
