import { isSessionId, shortSessionId, type SessionStore } from '@sessionops/sessions';
import type { Redis, RedisKeyspace } from '@sessionops/redis';
import { NotFoundError } from '../errors.js';
import { stripControlCharacters } from '../output/sanitise.js';
import { toSessionView, type SessionView } from './session-view.js';

/** Options of `SessionQueryService.list`. */
export interface ListOptions {
  /** One user's sessions through the per-user index; absent = every session through SCAN. */
  userId?: string;
  /** Stop after this many sessions; 0 = no limit. */
  limit: number;
  /** SCAN COUNT hint per round trip. Default 500. */
  batchSize?: number;
}

/** A session with the remaining lifetimes of its keys, as `sessions show` prints it. */
export interface SessionDetails extends SessionView {
  /** PTTL of the session record in ms (-1 no expiry, null when unknown). */
  recordTtlMs: number | null;
  /** PTTL of the user's session index in ms. */
  userIndexTtlMs: number | null;
}

/** Where the TTL figures come from; absent for stores that are not Redis. */
export interface KeyTtlSource {
  client: Redis;
  keyspace: RedisKeyspace;
}

/** Reads sessions for `sessions list` and `sessions show`. */
export class SessionQueryService {
  constructor(
    private readonly store: SessionStore,
    private readonly ttls?: KeyTtlSource,
  ) {}

  /**
   * Yields sessions in batches as the store produces them, so the first rows print while the scan goes on. All
   * sessions: a cursor SCAN (approximate while sessions are created or removed); one user: the per-user index.
   */
  async *list(options: ListOptions): AsyncGenerator<SessionView[]> {
    const now = await this.store.now();
    const source = options.userId
      ? this.userBatches(options.userId)
      : this.store.scan({ batchSize: options.batchSize ?? 500 });
    let remaining = options.limit > 0 ? options.limit : Number.POSITIVE_INFINITY;

    for await (const records of source) {
      const batch = records.slice(0, remaining).map((record) => toSessionView(record, now));
      remaining -= batch.length;
      if (batch.length > 0) yield batch;
      // Leaving the loop ends the store's scan: no further SCAN calls are made.
      if (remaining <= 0) break;
    }
  }

  /** The whole record with its key TTLs, or `SESSION_NOT_FOUND` for unknown, expired and malformed ids. */
  async show(sessionId: string): Promise<SessionDetails> {
    const record = isSessionId(sessionId) ? await this.store.get(sessionId) : null;
    if (!record) throw sessionNotFound(sessionId);

    const [now, recordTtlMs, userIndexTtlMs] = await Promise.all([
      this.store.now(),
      this.pttl((keyspace) => keyspace.session(sessionId)),
      this.pttl((keyspace) => keyspace.userSessions(record.userId)),
    ]);
    return { ...toSessionView(record, now), recordTtlMs, userIndexTtlMs };
  }

  private async *userBatches(userId: string): AsyncGenerator<Awaited<ReturnType<SessionStore['listForUser']>>> {
    yield await this.store.listForUser(userId);
  }

  private async pttl(key: (keyspace: RedisKeyspace) => string): Promise<number | null> {
    if (!this.ttls) return null;
    const ttl = await this.ttls.client.pttl(key(this.ttls.keyspace));
    // -2: the key is gone (it expired between the two reads).
    return ttl === -2 ? null : ttl;
  }
}

/** The error for an unknown, expired or malformed session id. Only a short form of the id is echoed. */
export function sessionNotFound(sessionId: string): NotFoundError {
  const shown = isSessionId(sessionId)
    ? shortSessionId(sessionId)
    : stripControlCharacters(String(sessionId).slice(0, 40));
  return new NotFoundError(
    'SESSION_NOT_FOUND',
    `session ${shown} not found`,
    'It may have expired, or the id is mistyped; `sessionctl sessions list --user <email>` lists live sessions.',
  );
}
