/** One bar of a histogram. */
export interface HistogramBucket {
  label: string;
  count: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Bucket edges for session ages and remaining lifetimes: they span the default 14-day idle and 30-day cap. */
export const SESSION_DURATION_EDGES_MS: readonly { label: string; upToMs: number }[] = [
  { label: '< 1h', upToMs: HOUR_MS },
  { label: '1h–6h', upToMs: 6 * HOUR_MS },
  { label: '6h–1d', upToMs: DAY_MS },
  { label: '1d–7d', upToMs: 7 * DAY_MS },
  { label: '7d–14d', upToMs: 14 * DAY_MS },
  { label: '14d–30d', upToMs: 30 * DAY_MS },
  { label: '≥ 30d', upToMs: Number.POSITIVE_INFINITY },
];

/** Counts durations into fixed buckets, one value at a time, so a scan of any size needs constant memory. */
export class DurationHistogram {
  private readonly counts: number[];

  constructor(private readonly edges: readonly { label: string; upToMs: number }[] = SESSION_DURATION_EDGES_MS) {
    this.counts = edges.map(() => 0);
  }

  add(durationMs: number): void {
    const index = this.edges.findIndex((edge) => durationMs < edge.upToMs);
    this.counts[index === -1 ? this.counts.length - 1 : index] += 1;
  }

  buckets(): HistogramBucket[] {
    return this.edges.map((edge, index) => ({ label: edge.label, count: this.counts[index] }));
  }
}
