import type { RedisKeyspace } from '@sessionops/redis';
import type { SessionEventType } from '@sessionops/sessions';

/** Every event type that is counted; kept in one list so the writer and the reader agree. */
export const COUNTED_EVENT_TYPES: readonly SessionEventType[] = [
  'created',
  'refreshed',
  'revoked',
  'evicted',
  'reuse-detected',
  'revoked-all',
];

/** Counters are bucketed per minute of store time. */
export const MINUTE_MS = 60_000;

/** The minute bucket of an instant (ms since the epoch). */
export function minuteBucket(atMs: number): number {
  return Math.floor(atMs / MINUTE_MS);
}

/** The key of one per-minute counter, e.g. `sessionops:stats:events:created:29400000`. */
export function eventCounterKey(keyspace: RedisKeyspace, type: SessionEventType, bucket: number): string {
  return keyspace.counter(`events:${type}:${bucket}`);
}
