import { revocationEvent } from '../revocation-event.js';
import { isSessionId } from '../session-id.js';
import {
  applyNotBefore,
  assertSessionIdOfUser,
  compareLeastRecentlyUsed,
  compareMostRecentlySeen,
  isLiveRecord,
} from '../session-liveness.js';
import { resolveSessionStoreOptions, sessionStoreTimings, type SessionStoreTimings } from '../session-store-options.js';
import type { SessionStore } from '../session-store.js';
import { SessionEvents } from '../session.events.js';
import type {
  Actor,
  CreateSessionInput,
  CreateSessionResult,
  RevocationReason,
  RevokeAllForUserOptions,
  RotateRefreshTokenInput,
  RotateRefreshTokenResult,
  ScanOptions,
  SessionCheck,
  SessionRecord,
  SessionStoreOptions,
} from '../session.types.js';

/** Options of the embedded store: the shared lifetimes plus how often it sweeps. */
export interface MemorySessionStoreOptions extends SessionStoreOptions {
  /** How often expired records and grace tokens are removed in the background. Default 60,000 ms. */
  sweepIntervalMs?: number;
}

const DEFAULT_SWEEP_INTERVAL_MS = 60_000;
const DEFAULT_SCAN_BATCH_SIZE = 500;

/** A record plus what never leaves the store; `goneAt` plays the part of the Redis key's expiry. */
interface StoredSession {
  record: SessionRecord;
  refreshHash?: string;
  prevRefreshHash?: string;
  rotatedAt?: number;
  goneAt: number;
}

interface GraceToken {
  ciphertext: string;
  goneAt: number;
}

/**
 * The embedded `SessionStore`: the same semantics as `RedisSessionStore`, kept in this process's memory. For a
 * single server process only; everything is lost on restart. Each method does its work synchronously before it
 * yields, which makes it atomic as a Lua script is on Redis. Expiry is checked on every read, and an unref'd
 * periodic sweep removes what nobody reads again so memory does not grow forever. Call `close()` to stop it.
 */
export class MemorySessionStore implements SessionStore {
  readonly kind = 'memory' as const;
  readonly events = new SessionEvents();

  private readonly maxPerUser: number;
  private readonly timings: SessionStoreTimings;
  private readonly sessions = new Map<string, StoredSession>();
  private readonly graceTokens = new Map<string, GraceToken>();
  private readonly userIndex = new Map<string, Set<string>>();
  private readonly sweepTimer: NodeJS.Timeout;
  private notBeforeMs = 0;

  constructor(
    options: MemorySessionStoreOptions = {},
    private readonly clock: () => number = Date.now,
  ) {
    const { sweepIntervalMs = DEFAULT_SWEEP_INTERVAL_MS, ...storeOptions } = options;
    const resolved = resolveSessionStoreOptions(storeOptions);
    this.maxPerUser = resolved.maxPerUser;
    this.timings = sessionStoreTimings(resolved);
    this.sweepTimer = setInterval(() => this.sweep(), sweepIntervalMs);
    // The sweep is housekeeping: it must never keep a process alive on its own.
    this.sweepTimer.unref();
  }

  /** Number of stored records, live and tombstones, including expired ones no read or sweep has removed yet. */
  get size(): number {
    return this.sessions.size;
  }

  /** Removes every expired record and grace token now; returns how many records went. Runs periodically. */
  sweep(): number {
    const now = this.clock();
    const before = this.sessions.size;
    for (const sessionId of [...this.sessions.keys()]) this.find(sessionId, now);
    for (const [sessionId, token] of [...this.graceTokens]) {
      if (now >= token.goneAt) this.graceTokens.delete(sessionId);
    }
    return before - this.sessions.size;
  }

  async create(input: CreateSessionInput): Promise<CreateSessionResult> {
    assertSessionIdOfUser(input.id, input.userId);
    const now = this.clock();
    if (this.find(input.id, now)) throw new Error('INVARIANT: a session with this id already exists');

    const live = this.liveSessionsOf(input.userId, now).sort((a, b) => compareLeastRecentlyUsed(a.record, b.record));
    const evicted = live.slice(0, Math.max(0, live.length - this.maxPerUser + 1));
    for (const stored of evicted) this.tombstone(stored, 'evicted', now);
    const idleExpiresAt = Math.min(now + this.timings.idleTtlMs, now + this.timings.maxLifetimeMs);
    const record: SessionRecord = {
      id: input.id,
      userId: input.userId,
      createdAt: now,
      lastSeenAt: now,
      idleExpiresAt,
      absoluteExpiresAt: now + this.timings.maxLifetimeMs,
      ip: input.ip,
      userAgent: input.userAgent,
      refreshGeneration: 0,
    };
    this.sessions.set(record.id, { record, refreshHash: input.refreshTokenHash, goneAt: idleExpiresAt });
    this.indexOf(input.userId).add(record.id);

    const evictedSessionIds = evicted.map((stored) => stored.record.id);
    for (const sessionId of evictedSessionIds)
      this.events.publish(revocationEvent(sessionId, input.userId, 'evicted', now));
    this.events.publish({
      type: 'created',
      sessionId: record.id,
      userId: record.userId,
      at: now,
      ...actorOf(input.actor),
    });
    return { session: { ...record }, evictedSessionIds };
  }

  async get(sessionId: string): Promise<SessionRecord | null> {
    if (!isSessionId(sessionId)) return null;
    const stored = this.find(sessionId, this.clock());

    return stored ? applyNotBefore({ ...stored.record }, this.notBeforeMs) : null;
  }

  async authenticate(sessionId: string, userId: string): Promise<SessionCheck> {
    if (!isSessionId(sessionId)) return { ok: false, reason: 'not-found' };
    const now = this.clock();
    const stored = this.find(sessionId, now);
    if (!stored) return { ok: false, reason: 'not-found' };
    const { record } = stored;
    if (record.revokedReason) return { ok: false, reason: 'revoked', revokedReason: record.revokedReason };
    if (record.userId !== userId) return { ok: false, reason: 'wrong-user' };

    // At most one write per touch interval, exactly as the Redis check script does.
    if (now - record.lastSeenAt >= this.timings.touchIntervalMs) this.touch(stored, now);
    if (record.createdAt < this.notBeforeMs) return { ok: false, reason: 'revoked', revokedReason: 'operator' };
    return { ok: true, session: { ...record } };
  }

  async rotateRefreshToken(input: RotateRefreshTokenInput): Promise<RotateRefreshTokenResult> {
    if (!isSessionId(input.sessionId)) return { outcome: 'rejected', reason: 'not-found' };
    const now = this.clock();
    const stored = this.find(input.sessionId, now);
    if (!stored) return { outcome: 'rejected', reason: 'not-found' };
    const { record } = stored;
    if (record.revokedAt !== undefined || record.createdAt < this.notBeforeMs) {
      return { outcome: 'rejected', reason: 'revoked' };
    }

    if (input.presentedHash === stored.refreshHash && input.presentedGeneration === record.refreshGeneration) {
      return this.rotate(stored, input, now);
    }
    const grace = this.graceTokens.get(record.id);
    const withinGrace = stored.rotatedAt !== undefined && now - stored.rotatedAt <= this.timings.graceMs;
    if (input.presentedHash === stored.prevRefreshHash && withinGrace && grace && now < grace.goneAt) {
      return { outcome: 'grace', session: { ...record }, tokenCiphertext: grace.ciphertext };
    }
    if (input.presentedGeneration < record.refreshGeneration) {
      this.tombstone(stored, 'reuse-detected', now);
      this.events.publish(revocationEvent(record.id, record.userId, 'reuse-detected', now));
      return { outcome: 'reuse-detected', sessionId: record.id, userId: record.userId };
    }
    return { outcome: 'rejected', reason: 'mismatch' };
  }

  async revoke(sessionId: string, reason: RevocationReason, actor?: Actor): Promise<boolean> {
    if (!isSessionId(sessionId)) return false;
    const now = this.clock();
    const stored = this.find(sessionId, now);
    if (!stored || stored.record.revokedAt !== undefined) return false;

    this.tombstone(stored, reason, now);
    this.events.publish(revocationEvent(sessionId, stored.record.userId, reason, now, actor));
    return true;
  }

  async revokeAllForUser(
    userId: string,
    reason: RevocationReason,
    options: RevokeAllForUserOptions = {},
  ): Promise<string[]> {
    const now = this.clock();
    const doomed = this.liveSessionsOf(userId, now).filter((stored) => stored.record.id !== options.exceptSessionId);
    for (const stored of doomed) this.tombstone(stored, reason, now);

    const revokedIds = doomed.map((stored) => stored.record.id);
    for (const sessionId of revokedIds)
      this.events.publish(revocationEvent(sessionId, userId, reason, now, options.actor));
    return revokedIds;
  }

  async revokeEverything(actor?: Actor): Promise<number> {
    const now = this.clock();
    // The next millisecond, so a session created within the current one (before this call) is revoked too.
    this.notBeforeMs = Math.max(this.notBeforeMs, now + 1);

    this.events.publish({ type: 'revoked-all', at: now, notBefore: this.notBeforeMs, ...actorOf(actor) });
    return this.notBeforeMs;
  }

  async notBefore(): Promise<number> {
    return this.notBeforeMs;
  }

  async purgeBefore(instantMs: number): Promise<number> {
    let purged = 0;
    for (const [sessionId, stored] of [...this.sessions]) {
      if (stored.record.createdAt >= instantMs) continue;
      this.forget(sessionId, stored.record.userId);
      purged += 1;
    }
    return purged;
  }

  async listForUser(userId: string): Promise<SessionRecord[]> {
    const records = this.liveSessionsOf(userId, this.clock()).map((stored) =>
      applyNotBefore(stored.record, this.notBeforeMs),
    );

    return records
      .filter(isLiveRecord)
      .sort(compareMostRecentlySeen)
      .map((record) => ({ ...record }));
  }

  async countForUser(userId: string): Promise<number> {
    return (await this.listForUser(userId)).length;
  }

  async *scan(options: ScanOptions = {}): AsyncIterable<SessionRecord[]> {
    const batchSize = options.batchSize ?? DEFAULT_SCAN_BATCH_SIZE;
    let batch: SessionRecord[] = [];
    let examined = 0;
    // Like SCAN, a batch is a number of examined entries, and entries written during the scan may be missed.
    for (const sessionId of this.sessions.keys()) {
      const stored = this.find(sessionId, this.clock());
      const record = stored && applyNotBefore({ ...stored.record }, this.notBeforeMs);
      if (record && (options.includeRevoked || isLiveRecord(record))) batch.push(record);
      examined += 1;
      if (examined % batchSize !== 0 || batch.length === 0) continue;
      yield batch;
      batch = [];
    }
    if (batch.length > 0) yield batch;
  }

  async count(): Promise<number> {
    let live = 0;
    for await (const batch of this.scan()) live += batch.length;
    return live;
  }

  async now(): Promise<number> {
    return this.clock();
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    clearInterval(this.sweepTimer);
  }

  /** The stored session, or undefined once its expiry passed (then it is removed, as Redis drops the key). */
  private find(sessionId: string, now: number): StoredSession | undefined {
    const stored = this.sessions.get(sessionId);
    if (!stored || now < stored.goneAt) return stored;

    this.forget(sessionId, stored.record.userId);
    return undefined;
  }

  private forget(sessionId: string, userId: string): void {
    this.sessions.delete(sessionId);
    this.graceTokens.delete(sessionId);
    this.removeFromIndex(userId, sessionId);
  }

  private indexOf(userId: string): Set<string> {
    let index = this.userIndex.get(userId);
    if (!index) this.userIndex.set(userId, (index = new Set()));
    return index;
  }

  private removeFromIndex(userId: string, sessionId: string): void {
    const index = this.userIndex.get(userId);
    index?.delete(sessionId);
    // An empty index goes away, as an empty sorted set does in Redis.
    if (index?.size === 0) this.userIndex.delete(userId);
  }

  /** The user's live stored sessions, pruning index entries that expired or were revoked. */
  private liveSessionsOf(userId: string, now: number): StoredSession[] {
    const live: StoredSession[] = [];
    for (const sessionId of [...(this.userIndex.get(userId) ?? [])]) {
      const stored = this.find(sessionId, now);
      if (stored && stored.record.revokedAt === undefined) live.push(stored);
      else this.removeFromIndex(userId, sessionId);
    }
    return live;
  }

  private touch(stored: StoredSession, now: number): void {
    const { record } = stored;
    record.lastSeenAt = now;
    record.idleExpiresAt = Math.min(now + this.timings.idleTtlMs, record.absoluteExpiresAt);
    stored.goneAt = record.idleExpiresAt;
  }

  private rotate(stored: StoredSession, input: RotateRefreshTokenInput, now: number): RotateRefreshTokenResult {
    const { record } = stored;
    stored.prevRefreshHash = stored.refreshHash;
    stored.refreshHash = input.nextHash;
    stored.rotatedAt = now;
    record.refreshGeneration += 1;
    // A refresh is activity: it slides the idle expiry like a touch.
    this.touch(stored, now);
    if (this.timings.graceMs > 0) {
      this.graceTokens.set(record.id, { ciphertext: input.nextTokenCiphertext, goneAt: now + this.timings.graceMs });
    }

    const { id: sessionId, userId, refreshGeneration: generation } = record;
    this.events.publish({ type: 'refreshed', sessionId, userId, at: now, generation });
    return { outcome: 'rotated', session: { ...record } };
  }

  private tombstone(stored: StoredSession, reason: RevocationReason, now: number): void {
    stored.record.revokedAt = now;
    stored.record.revokedReason = reason;
    stored.refreshHash = undefined;
    stored.prevRefreshHash = undefined;
    stored.goneAt = now + this.timings.tombstoneTtlMs;
    this.graceTokens.delete(stored.record.id);
    this.removeFromIndex(stored.record.userId, stored.record.id);
  }
}

function actorOf(actor: Actor | undefined): { actor?: Actor } {
  return actor ? { actor } : {};
}
