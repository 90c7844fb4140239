import { defineScripts, runScript, type Cluster, type Redis, type RedisKeyspace } from '@sessionops/redis';
import { revocationEvent } from '../revocation-event.js';
import { isSessionId } from '../session-id.js';
import { SessionIndexContentionError } from '../session.errors.js';
import { SessionEvents } from '../session.events.js';
import { applyNotBefore, assertSessionIdOfUser, compareMostRecentlySeen, isLiveRecord } from '../session-liveness.js';
import { resolveSessionStoreOptions, sessionStoreTimings, type SessionStoreTimings } from '../session-store-options.js';
import type { SessionStore } from '../session-store.js';
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
import { hmgetMany, scanKeys } from './redis-batch.js';
import { unavailableAs, toStoreError } from './redis-failure.mapper.js';
import { PUBLIC_SESSION_FIELDS } from './scripts/lua-fragments.js';
import { SESSION_SCRIPTS, type SessionScriptName } from './scripts/index.js';
import { integerField, recordFromFields, revocationReasonField } from './session-hash.codec.js';
import { KeyedSerializer } from './keyed-serializer.js';
import { parseRotationReply } from './rotation-reply.parser.js';

/** The Redis store's options: where to talk to, plus the shared lifetimes and limits. */
export interface RedisSessionStoreOptions extends SessionStoreOptions {
  /** A standalone client or a cluster (ideally from `createRedisClient`). The store never closes it. */
  client: Redis | Cluster;
  /** Key names; every process that shares these sessions uses the same prefix. */
  keyspace: RedisKeyspace;
}

// Why 5: a user's index changes only when one of their sessions is created or revoked by another process; five
// changes within the few milliseconds between reading it and running the script means something is looping.
const MAX_INDEX_ATTEMPTS = 5;
const DEFAULT_SCAN_BATCH_SIZE = 500;

type Reply = (string | number | null)[];

/**
 * `SessionStore` on Redis. Every change is one Lua script over the keys of one user (one Cluster slot), every
 * expiry and grace decision uses Redis TIME, and a Redis that cannot answer makes every method throw
 * `SessionStoreUnavailableError`. See the package README for the key layout and the scripts.
 */
export class RedisSessionStore implements SessionStore {
  readonly kind = 'redis' as const;
  readonly events = new SessionEvents();

  private readonly client: Redis | Cluster;
  private readonly keyspace: RedisKeyspace;
  private readonly maxPerUser: number;
  private readonly timings: SessionStoreTimings;
  private readonly userQueue = new KeyedSerializer();

  constructor(options: RedisSessionStoreOptions) {
    const { client, keyspace, ...storeOptions } = options;
    const resolved = resolveSessionStoreOptions(storeOptions);
    this.client = client;
    this.keyspace = keyspace;
    this.maxPerUser = resolved.maxPerUser;
    this.timings = sessionStoreTimings(resolved);
    defineScripts(client, SESSION_SCRIPTS);
  }

  async create(input: CreateSessionInput): Promise<CreateSessionResult> {
    assertSessionIdOfUser(input.id, input.userId);
    const indexKey = this.keyspace.userSessions(input.userId);
    const fixedArgs = [input.id, input.userId, input.ip, input.userAgent, input.refreshTokenHash];
    const { idleTtlMs, maxLifetimeMs, tombstoneTtlMs } = this.timings;
    const limits = [idleTtlMs, maxLifetimeMs, this.maxPerUser, tombstoneTtlMs];

    const reply = await unavailableAs('create', () =>
      this.userQueue.run(input.userId, () =>
        this.withIndexMembers('create', indexKey, (members) =>
          runScript<Reply>(
            this.client,
            scriptName('sessionopsCreateSession'),
            [indexKey, this.keyspace.session(input.id), ...this.memberKeys(members)],
            [...fixedArgs, ...limits, ...members],
          ),
        ),
      ),
    );
    if (reply[0] === 'exists') throw new Error('INVARIANT: a session with this id already exists');

    const [, now, idleExpiresAt, absoluteExpiresAt, ...evicted] = reply;
    const createdAt = integerField('createdAt', now);
    const evictedSessionIds = evicted.map(String);
    const session: SessionRecord = {
      id: input.id,
      userId: input.userId,
      createdAt,
      lastSeenAt: createdAt,
      idleExpiresAt: integerField('idleExpiresAt', idleExpiresAt),
      absoluteExpiresAt: integerField('absoluteExpiresAt', absoluteExpiresAt),
      ip: input.ip,
      userAgent: input.userAgent,
      refreshGeneration: 0,
    };
    for (const id of evictedSessionIds) this.events.publish(revocationEvent(id, input.userId, 'evicted', createdAt));
    const actor = input.actor ? { actor: input.actor } : {};
    this.events.publish({ type: 'created', sessionId: input.id, userId: input.userId, at: createdAt, ...actor });
    return { session, evictedSessionIds };
  }

  async get(sessionId: string): Promise<SessionRecord | null> {
    if (!isSessionId(sessionId)) return null;
    const [values, notBefore] = await unavailableAs('get', () => this.readWithNotBefore(sessionId));

    const record = recordFromFields(sessionId, values);
    return record && applyNotBefore(record, notBefore);
  }

  async authenticate(sessionId: string, userId: string): Promise<SessionCheck> {
    if (!isSessionId(sessionId)) return { ok: false, reason: 'not-found' };

    // The common case is a plain read (HMGET and the not-before GET in one round trip), no script: Redis drops a
    // session key at its expiry by its own clock, so a record that comes back has not expired.
    const [values, notBefore] = await unavailableAs('authenticate', () => this.readWithNotBefore(sessionId));
    const session = recordFromFields(sessionId, values);
    if (!session) return { ok: false, reason: 'not-found' };
    if (session.revokedReason) return { ok: false, reason: 'revoked', revokedReason: session.revokedReason };
    if (session.userId !== userId) return { ok: false, reason: 'wrong-user' };
    if (session.createdAt < notBefore) return { ok: false, reason: 'revoked', revokedReason: 'operator' };

    // Only when a touch is due does the check run as a script, which decides again by Redis TIME and writes once.
    // This process's clock merely schedules the touch: a skewed clock touches early or late, never lets a dead
    // session through.
    if (Date.now() - session.lastSeenAt < this.timings.touchIntervalMs) return { ok: true, session };
    return this.checkAndTouch(sessionId, userId);
  }

  private async checkAndTouch(sessionId: string, userId: string): Promise<SessionCheck> {
    const { touchIntervalMs, idleTtlMs } = this.timings;
    const keys = [this.keyspace.session(sessionId), this.keyspace.userSessionsOfSession(sessionId)];
    const args = [userId, touchIntervalMs, idleTtlMs, sessionId];

    // Both commands leave in the same tick, so auto-pipelining sends them in one write: one round trip.
    const [reply, notBefore] = await unavailableAs('authenticate', () =>
      Promise.all([
        runScript<Reply>(this.client, scriptName('sessionopsCheckSession'), keys, args),
        this.readNotBefore(),
      ]),
    );
    const [status, ...rest] = reply;
    if (status === 'revoked') return { ok: false, reason: 'revoked', revokedReason: revocationReasonField(rest[0]) };
    if (status === 'not-found' || status === 'expired' || status === 'wrong-user') return { ok: false, reason: status };
    const session = recordFromFields(sessionId, rest);
    if (status !== 'ok' || !session) throw new Error(`INVARIANT: the session check answered ${String(status)}`);

    if (session.createdAt < notBefore) return { ok: false, reason: 'revoked', revokedReason: 'operator' };
    return { ok: true, session };
  }

  async rotateRefreshToken(input: RotateRefreshTokenInput): Promise<RotateRefreshTokenResult> {
    const { sessionId } = input;
    if (!isSessionId(sessionId)) return { outcome: 'rejected', reason: 'not-found' };
    const keys = [
      this.keyspace.session(sessionId),
      this.keyspace.refreshGrace(sessionId),
      this.keyspace.userSessionsOfSession(sessionId),
    ];
    const { graceMs, idleTtlMs, tombstoneTtlMs } = this.timings;
    const { presentedHash, presentedGeneration, nextHash, nextTokenCiphertext } = input;
    const args = [
      presentedHash,
      presentedGeneration,
      nextHash,
      nextTokenCiphertext,
      graceMs,
      idleTtlMs,
      tombstoneTtlMs,
    ];

    const [reply, notBefore] = await unavailableAs('rotateRefreshToken', () =>
      Promise.all([
        runScript<Reply>(this.client, scriptName('sessionopsRotateRefreshToken'), keys, [...args, sessionId]),
        this.readNotBefore(),
      ]),
    );
    const { result, event } = parseRotationReply(sessionId, reply, notBefore);

    if (event) this.events.publish(event);
    return result;
  }

  async revoke(sessionId: string, reason: RevocationReason, actor?: Actor): Promise<boolean> {
    if (!isSessionId(sessionId)) return false;
    const keys = [
      this.keyspace.session(sessionId),
      this.keyspace.refreshGrace(sessionId),
      this.keyspace.userSessionsOfSession(sessionId),
    ];

    const reply = await unavailableAs('revoke', () =>
      runScript<Reply>(this.client, scriptName('sessionopsRevokeSession'), keys, [
        sessionId,
        reason,
        this.timings.tombstoneTtlMs,
      ]),
    );
    const [revoked, userId, at] = reply;
    if (Number(revoked) !== 1) return false;

    this.events.publish(revocationEvent(sessionId, String(userId), reason, integerField('revokedAt', at), actor));
    return true;
  }

  async revokeAllForUser(
    userId: string,
    reason: RevocationReason,
    options: RevokeAllForUserOptions = {},
  ): Promise<string[]> {
    const indexKey = this.keyspace.userSessions(userId);
    const fixedArgs = [userId, reason, this.timings.tombstoneTtlMs, options.exceptSessionId ?? ''];

    const reply = await unavailableAs('revokeAllForUser', () =>
      this.userQueue.run(userId, () =>
        this.withIndexMembers('revokeAllForUser', indexKey, (members) =>
          runScript<Reply>(
            this.client,
            scriptName('sessionopsRevokeUserSessions'),
            [indexKey, ...this.memberKeys(members)],
            [...fixedArgs, ...members],
          ),
        ),
      ),
    );
    const [, now, ...revoked] = reply;
    const at = integerField('revokedAt', now);

    const revokedIds = revoked.map(String);
    for (const id of revokedIds) this.events.publish(revocationEvent(id, userId, reason, at, options.actor));
    return revokedIds;
  }

  async revokeEverything(actor?: Actor): Promise<number> {
    const reply = await unavailableAs('revokeEverything', () =>
      runScript<Reply>(this.client, scriptName('sessionopsRevokeEverything'), [this.keyspace.notBefore()], []),
    );
    const notBefore = integerField('notBefore', reply[0]);

    const at = integerField('now', reply[1]);
    this.events.publish({ type: 'revoked-all', at, notBefore, ...(actor ? { actor } : {}) });
    return notBefore;
  }

  async notBefore(): Promise<number> {
    return unavailableAs('notBefore', () => this.readNotBefore());
  }

  async purgeBefore(instantMs: number, options: ScanOptions = {}): Promise<number> {
    return unavailableAs('purgeBefore', async () => {
      let purged = 0;
      const pattern = this.keyspace.sessionScanPattern();
      for await (const keys of scanKeys(this.client, pattern, options.batchSize ?? DEFAULT_SCAN_BATCH_SIZE)) {
        // One script per session: each touches the keys of one user only, so this also holds on a cluster.
        const replies = await Promise.all(
          this.sessionIdsOf(keys).map((sessionId) => this.purgeOne(sessionId, instantMs)),
        );
        purged += replies.filter((reply) => Number(reply) === 1).length;
      }
      return purged;
    });
  }

  async listForUser(userId: string): Promise<SessionRecord[]> {
    return unavailableAs('listForUser', async () => {
      const indexKey = this.keyspace.userSessions(userId);
      const [members, notBefore] = await Promise.all([this.client.zrange(indexKey, 0, -1), this.readNotBefore()]);
      const rows = await hmgetMany(
        this.client,
        members.map((id) => this.keyspace.session(id)),
        PUBLIC_SESSION_FIELDS,
      );
      const records: SessionRecord[] = [];
      const stale: string[] = [];
      members.forEach((sessionId, index) => {
        const record = recordFromFields(sessionId, rows[index]);
        if (!record || !isLiveRecord(record)) stale.push(sessionId);
        else if (record.userId === userId) records.push(applyNotBefore(record, notBefore));
      });
      // A session id is never reused, so an entry whose record is gone or revoked can never become live again.
      if (stale.length > 0) await this.client.zrem(indexKey, ...stale);

      return records.filter(isLiveRecord).sort(compareMostRecentlySeen);
    });
  }

  async countForUser(userId: string): Promise<number> {
    return (await this.listForUser(userId)).length;
  }

  async *scan(options: ScanOptions = {}): AsyncIterable<SessionRecord[]> {
    const batchSize = options.batchSize ?? DEFAULT_SCAN_BATCH_SIZE;
    try {
      const notBefore = await this.readNotBefore();
      // The pattern matches session records only: grace tokens and indexes live under other key prefixes.
      for await (const keys of scanKeys(this.client, this.keyspace.sessionScanPattern(), batchSize)) {
        const sessionIds = this.sessionIdsOf(keys);
        const rows = await hmgetMany(
          this.client,
          sessionIds.map((id) => this.keyspace.session(id)),
          PUBLIC_SESSION_FIELDS,
        );
        const records = sessionIds
          .map((sessionId, index) => recordFromFields(sessionId, rows[index]))
          .filter((record): record is SessionRecord => record !== null)
          .map((record) => applyNotBefore(record, notBefore))
          .filter((record) => options.includeRevoked || isLiveRecord(record));
        if (records.length > 0) yield records;
      }
    } catch (error) {
      throw toStoreError('scan', error);
    }
  }

  async count(): Promise<number> {
    let live = 0;
    for await (const batch of this.scan()) live += batch.length;
    return live;
  }

  async now(): Promise<number> {
    const [seconds, micros] = await unavailableAs('now', () => this.client.time());
    return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
  }

  async ping(): Promise<void> {
    await unavailableAs('ping', () => this.client.ping());
  }

  /** Nothing to release: the client belongs to whoever passed it in. */
  async close(): Promise<void> {}

  /** The public fields and the not-before instant, sent in the same tick: one round trip. */
  private readWithNotBefore(sessionId: string): Promise<[(string | null)[], number]> {
    return Promise.all([
      this.client.hmget(this.keyspace.session(sessionId), ...PUBLIC_SESSION_FIELDS),
      this.readNotBefore(),
    ]);
  }

  private async readNotBefore(): Promise<number> {
    const value = await this.client.get(this.keyspace.notBefore());
    return value === null ? 0 : integerField('notBefore', value);
  }

  /** Runs an index script with the index's members, again with fresher ones while the script says they are stale. */
  private async withIndexMembers(
    operation: string,
    indexKey: string,
    call: (members: string[]) => Promise<Reply>,
  ): Promise<Reply> {
    let members = await this.client.zrange(indexKey, 0, -1);
    for (let attempt = 1; attempt <= MAX_INDEX_ATTEMPTS; attempt += 1) {
      const reply = await call(members);
      if (reply[0] !== 'stale') return reply;
      members = reply.slice(1).map(String);
    }
    throw new SessionIndexContentionError(operation, MAX_INDEX_ATTEMPTS);
  }

  /** (session, grace) key pairs in member order, as the index scripts expect them in KEYS. */
  private memberKeys(members: string[]): string[] {
    return members.flatMap((id) => [this.keyspace.session(id), this.keyspace.refreshGrace(id)]);
  }

  /** The session ids of scanned keys; a key that is not exactly a session key of this keyspace is skipped. */
  private sessionIdsOf(keys: string[]): string[] {
    return keys
      .map((key) => key.slice(key.lastIndexOf(':') + 1))
      .filter((id, index) => isSessionId(id) && this.keyspace.session(id) === keys[index]);
  }

  private purgeOne(sessionId: string, instantMs: number): Promise<number> {
    const keys = [
      this.keyspace.session(sessionId),
      this.keyspace.refreshGrace(sessionId),
      this.keyspace.userSessionsOfSession(sessionId),
    ];
    return runScript<number>(this.client, scriptName('sessionopsPurgeSession'), keys, [sessionId, instantMs]);
  }
}

function scriptName(name: SessionScriptName): string {
  return name;
}
