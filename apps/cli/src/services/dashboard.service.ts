import type { AuditEntry, AuditReader } from '@sessionops/audit';
import type { SessionCensus } from './session-census.js';

/** Events per minute of the four rates `top` shows. */
export interface DashboardRates {
  created: number;
  refreshed: number;
  revoked: number;
  reuseDetected: number;
  evicted: number;
}

/** One frame of `sessionctl top`. */
export interface DashboardSnapshot {
  at: number;
  /** Last census, or null while the first is running. */
  liveSessions: { count: number; ageMs: number } | null;
  topUsers: { userId: string; sessions: number }[];
  /** Over the last minute (the current minute as far as it went, plus the one before). */
  lastMinute: DashboardRates;
  /** Over the last 15 minutes. */
  last15Minutes: DashboardRates;
  /** Newest first. */
  latestEvents: AuditEntry[];
  /** Why the census failed, if it did. */
  censusError?: string;
}

/**
 * Gathers one dashboard frame from the audit counters and the stream (a handful of small reads) and the background
 * census. Nothing here scans the keyspace per refresh.
 */
export class DashboardService {
  constructor(
    private readonly reader: AuditReader,
    private readonly census: SessionCensus,
    private readonly clock: () => number = Date.now,
  ) {}

  async snapshot(eventCount = 8): Promise<DashboardSnapshot> {
    this.census.refreshIfDue();
    const [lastMinute, last15Minutes, latestEvents] = await Promise.all([
      this.reader.rates(2),
      this.reader.rates(15),
      this.reader.latest(eventCount),
    ]);
    const at = this.clock();
    const census = this.census.result;
    const error = this.census.lastError;
    return {
      at,
      liveSessions: census ? { count: census.liveSessions, ageMs: at - census.takenAt } : null,
      topUsers: census?.topUsers ?? [],
      lastMinute: toRates(lastMinute.perMinute),
      last15Minutes: toRates(last15Minutes.perMinute),
      latestEvents: latestEvents.reverse(),
      ...(error ? { censusError: error instanceof Error ? error.message : String(error) } : {}),
    };
  }
}

function toRates(perMinute: Awaited<ReturnType<AuditReader['rates']>>['perMinute']): DashboardRates {
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    created: round(perMinute.created),
    refreshed: round(perMinute.refreshed),
    revoked: round(perMinute.revoked),
    reuseDetected: round(perMinute['reuse-detected']),
    evicted: round(perMinute.evicted),
  };
}
