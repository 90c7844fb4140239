import type { AuditReader } from '@sessionops/audit';
import type { Redis, RedisKeyspace } from '@sessionops/redis';
import { sessionExpiresAt, type SessionStore } from '@sessionops/sessions';
import { DurationHistogram, type HistogramBucket } from './duration-histogram.js';

/** What `sessions stats` reports. */
export interface SessionStats {
  /** Store time of the scan's start. */
  at: string;
  liveSessions: number;
  usersWithSessions: number;
  sessionsPerUser: { max: number; p99: number; mean: number };
  age: HistogramBucket[];
  remainingLifetime: HistogramBucket[];
  /** From MEMORY USAGE of a random sample of session records; null when not on Redis or nothing to sample. */
  memoryPerSession: { sampled: number; meanBytes: number; estimatedTotalBytes: number } | null;
  /** Events per minute from the audit counters; null without Redis. */
  perMinute: {
    windowMinutes: number;
    created: number;
    refreshed: number;
    revoked: number;
    evicted: number;
    reuseDetected: number;
  } | null;
  /** The operator not-before instant, when one is set. */
  notBefore: string | null;
  scanMs: number;
}

/** Options of `SessionStatsService.collect`. */
export interface CollectOptions {
  /** Called after each scanned batch with the running total, for progress on stderr. */
  onProgress?: (scanned: number) => void;
  /** How many session records MEMORY USAGE measures. Default 200. */
  memorySamples?: number;
  /** Window of the per-minute rates. Default 15 minutes. */
  rateWindowMinutes?: number;
}

/** Optional Redis access for the figures that only Redis has (memory and counters). */
export interface RedisFigures {
  client: Redis;
  keyspace: RedisKeyspace;
  reader: AuditReader;
}

/**
 * Computes `sessions stats` with one cursor scan over all sessions (never blocking Redis: SCAN in small batches),
 * plus MEMORY USAGE on a random sample and the audit counters for rates. Memory stays constant in the number of
 * sessions except for one counter per user.
 */
export class SessionStatsService {
  constructor(
    private readonly store: SessionStore,
    private readonly redis?: RedisFigures,
  ) {}

  async collect(options: CollectOptions = {}): Promise<SessionStats> {
    const sampleSize = options.memorySamples ?? 200;
    const startedAt = Date.now();
    const now = await this.store.now();
    const perUser = new Map<string, number>();
    const age = new DurationHistogram();
    const remaining = new DurationHistogram();
    const sample: string[] = [];
    let live = 0;

    for await (const batch of this.store.scan()) {
      for (const record of batch) {
        live += 1;
        perUser.set(record.userId, (perUser.get(record.userId) ?? 0) + 1);
        age.add(now - record.createdAt);
        remaining.add(Math.max(0, sessionExpiresAt(record) - now));
        // Reservoir sampling: every session has the same chance to be measured, in one pass.
        if (sample.length < sampleSize) sample.push(record.id);
        else if (Math.random() < sampleSize / live) sample[Math.floor(Math.random() * sampleSize)] = record.id;
      }
      options.onProgress?.(live);
    }

    const counts = [...perUser.values()].sort((a, b) => a - b);
    const [memoryPerSession, perMinute, notBefore] = await Promise.all([
      this.measureMemory(sample, live),
      this.rates(options.rateWindowMinutes ?? 15),
      this.store.notBefore(),
    ]);
    return {
      at: new Date(now).toISOString(),
      liveSessions: live,
      usersWithSessions: perUser.size,
      sessionsPerUser: {
        max: counts.at(-1) ?? 0,
        p99: counts.length === 0 ? 0 : counts[Math.min(counts.length - 1, Math.ceil(counts.length * 0.99) - 1)],
        mean: counts.length === 0 ? 0 : round(live / counts.length),
      },
      age: age.buckets(),
      remainingLifetime: remaining.buckets(),
      memoryPerSession,
      perMinute,
      notBefore: notBefore > 0 ? new Date(notBefore).toISOString() : null,
      scanMs: Date.now() - startedAt,
    };
  }

  private async measureMemory(sessionIds: string[], live: number): Promise<SessionStats['memoryPerSession']> {
    if (!this.redis || sessionIds.length === 0) return null;
    const { client, keyspace } = this.redis;
    const sizes = await Promise.all(
      sessionIds.map((id) => client.memory('USAGE', keyspace.session(id)) as Promise<number | null>),
    );
    const measured = sizes.filter((size): size is number => typeof size === 'number');
    if (measured.length === 0) return null;
    const meanBytes = Math.round(measured.reduce((sum, size) => sum + size, 0) / measured.length);
    return { sampled: measured.length, meanBytes, estimatedTotalBytes: meanBytes * live };
  }

  private async rates(windowMinutes: number): Promise<SessionStats['perMinute']> {
    if (!this.redis) return null;
    const rates = await this.redis.reader.rates(windowMinutes);
    const { perMinute } = rates;
    return {
      windowMinutes: round(rates.windowMinutes),
      created: round(perMinute.created),
      refreshed: round(perMinute.refreshed),
      revoked: round(perMinute.revoked),
      evicted: round(perMinute.evicted),
      reuseDetected: round(perMinute['reuse-detected']),
    };
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
