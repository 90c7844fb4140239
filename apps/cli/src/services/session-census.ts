import type { SessionStore } from '@sessionops/sessions';

/** The result of one full count of live sessions. */
export interface CensusResult {
  liveSessions: number;
  /** The users with the most live sessions, most first. */
  topUsers: { userId: string; sessions: number }[];
  /** When the count finished (local clock, ms). */
  takenAt: number;
  durationMs: number;
}

/** Options of `SessionCensus`. */
export interface SessionCensusOptions {
  /** A new count starts at most this often. Default 30,000 ms. */
  minIntervalMs?: number;
  /** How many top users to keep. Default 5. */
  topUsers?: number;
  clock?: () => number;
}

/**
 * Counts live sessions (and the users with the most) by a full cursor scan, in the background and at most once per
 * `minIntervalMs`, so a dashboard refreshing every second never scans per refresh. Between counts the last result
 * is shown with its age: it is exact as of its scan (approximate for sessions written during it) and then ages.
 */
export class SessionCensus {
  private latest: CensusResult | null = null;
  private running: Promise<void> | null = null;
  private lastStartedAt = Number.NEGATIVE_INFINITY;
  private failure: unknown = null;
  private readonly minIntervalMs: number;
  private readonly topUserCount: number;
  private readonly clock: () => number;

  constructor(
    private readonly store: SessionStore,
    options: SessionCensusOptions = {},
  ) {
    this.minIntervalMs = options.minIntervalMs ?? 30_000;
    this.topUserCount = options.topUsers ?? 5;
    this.clock = options.clock ?? Date.now;
  }

  /** The last completed count, or null before the first one finishes. */
  get result(): CensusResult | null {
    return this.latest;
  }

  /** The error of the last count, if it failed (cleared by the next success). */
  get lastError(): unknown {
    return this.failure;
  }

  /** Starts a count when none runs and the last one started at least `minIntervalMs` ago. Never waits for it. */
  refreshIfDue(): void {
    if (this.running || this.clock() - this.lastStartedAt < this.minIntervalMs) return;
    this.lastStartedAt = this.clock();
    this.running = this.count()
      .then((result) => {
        this.latest = result;
        this.failure = null;
      })
      .catch((error: unknown) => {
        this.failure = error;
      })
      .finally(() => {
        this.running = null;
      });
  }

  /** Resolves when the count in progress (if any) is done. */
  async settled(): Promise<void> {
    await this.running;
  }

  private async count(): Promise<CensusResult> {
    const startedAt = this.clock();
    const perUser = new Map<string, number>();
    let live = 0;
    for await (const batch of this.store.scan()) {
      for (const record of batch) perUser.set(record.userId, (perUser.get(record.userId) ?? 0) + 1);
      live += batch.length;
    }
    const topUsers = [...perUser]
      .sort(([, a], [, b]) => b - a)
      .slice(0, this.topUserCount)
      .map(([userId, sessions]) => ({ userId, sessions }));
    const takenAt = this.clock();
    return { liveSessions: live, topUsers, takenAt, durationMs: takenAt - startedAt };
  }
}
