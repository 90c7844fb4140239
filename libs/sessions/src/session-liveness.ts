import { RedisKeyspace } from '@sessionops/redis';
import { InvalidSessionIdError } from './session.errors.js';
import { isSessionId } from './session-id.js';
import type { SessionRecord } from './session.types.js';

/**
 * The record as every reader should see it once an operator revoked everything: a session created before the
 * not-before instant is a tombstone with reason `operator`, even while its stored record still says live.
 */
export function applyNotBefore(record: SessionRecord, notBeforeMs: number): SessionRecord {
  if (record.revokedAt !== undefined || record.createdAt >= notBeforeMs) return record;

  return { ...record, revokedAt: notBeforeMs, revokedReason: 'operator' };
}

/** True for a record that is not a tombstone (stores never return expired records). */
export function isLiveRecord(record: SessionRecord): boolean {
  return record.revokedAt === undefined;
}

/**
 * Throws `InvalidSessionIdError` unless `sessionId` was made by `generateSessionId(userId)`: a session must carry
 * its user's hash tag, or its keys would land in another Redis Cluster slot than the user's index.
 */
export function assertSessionIdOfUser(sessionId: string, userId: string): void {
  if (!isSessionId(sessionId) || RedisKeyspace.tagOfSessionId(sessionId) !== RedisKeyspace.userTag(userId)) {
    throw new InvalidSessionIdError();
  }
}

/** Least recently used first: lowest lastSeenAt, then oldest createdAt, then id so the order is total. */
export function compareLeastRecentlyUsed(a: SessionRecord, b: SessionRecord): number {
  return a.lastSeenAt - b.lastSeenAt || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Most recently seen first, the order `listForUser` returns. */
export function compareMostRecentlySeen(a: SessionRecord, b: SessionRecord): number {
  return -compareLeastRecentlyUsed(a, b);
}
