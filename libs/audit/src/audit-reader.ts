import type { Cluster, Redis, RedisKeyspace } from '@sessionops/redis';
import type { Actor, SessionEventType } from '@sessionops/sessions';
import { COUNTED_EVENT_TYPES, eventCounterKey, MINUTE_MS, minuteBucket } from './audit-counters.js';
import type { AuditEntry, AuditRates } from './audit.types.js';

/** Options of `AuditReader`. */
export interface AuditReaderOptions {
  /** A connected client for short reads; the reader never closes it. */
  client: Redis | Cluster;
  keyspace: RedisKeyspace;
}

/** Options of `AuditReader.follow`. */
export interface FollowOptions {
  /** How long one XREAD BLOCK waits before asking again. Default 1,000 ms. */
  blockMs?: number;
  /** Most entries returned by one read. Default 100. */
  batchSize?: number;
}

type StreamEntry = [id: string, fields: string[]];

const DEFAULT_BLOCK_MS = 1_000;
const DEFAULT_BATCH_SIZE = 100;
// The blocking connection's command timeout must outlast a BLOCK, or every quiet period would look like a failure.
const BLOCK_TIMEOUT_MARGIN_MS = 2_000;

/** Reads the audit stream and the per-minute counters that `AuditTrail` writes. */
export class AuditReader {
  private readonly client: Redis | Cluster;
  private readonly keyspace: RedisKeyspace;

  constructor(options: AuditReaderOptions) {
    this.client = options.client;
    this.keyspace = options.keyspace;
  }

  /** The newest `limit` entries (at least 1), oldest first, so they read top to bottom like a log. */
  async latest(limit: number): Promise<AuditEntry[]> {
    const count = Math.max(1, Math.floor(limit));
    const entries = (await this.client.xrevrange(
      this.keyspace.auditStream(),
      '+',
      '-',
      'COUNT',
      count,
    )) as StreamEntry[];
    return entries.reverse().map(toAuditEntry);
  }

  /** Number of entries in the stream (XLEN). */
  async length(): Promise<number> {
    return this.client.xlen(this.keyspace.auditStream());
  }

  /**
   * Yields batches of entries appended after `fromId` (`$` = only new ones) until `signal` aborts. Uses a dedicated
   * connection, because XREAD BLOCK holds the connection it runs on; that connection is closed on abort, which also
   * ends a read in progress at once. A Redis failure ends the iteration with the error.
   */
  async *follow(fromId: string, signal: AbortSignal, options: FollowOptions = {}): AsyncGenerator<AuditEntry[]> {
    const blockMs = options.blockMs ?? DEFAULT_BLOCK_MS;
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    const blocking = this.blockingConnection(blockMs + BLOCK_TIMEOUT_MARGIN_MS);
    // Failures reach the caller through the rejected read; without a listener ioredis would print them itself.
    blocking.on('error', () => undefined);
    // Disconnect once: a second disconnect of an ending socket leaves a 2 s destroy timer that delays exit.
    let closed = false;
    const stop = () => {
      if (closed) return;
      closed = true;
      blocking.disconnect();
    };
    signal.addEventListener('abort', stop, { once: true });
    try {
      if (signal.aborted) return;
      await blocking.connect();
      let lastId = fromId;
      while (!signal.aborted) {
        const reply = await readOrStop(blocking, this.keyspace.auditStream(), lastId, blockMs, batchSize, signal);
        if (!reply || reply.length === 0) continue;
        lastId = reply[reply.length - 1][0];
        yield reply.map(toAuditEntry);
      }
    } finally {
      signal.removeEventListener('abort', stop);
      stop();
    }
  }

  private blockingConnection(commandTimeoutMs: number): Redis | Cluster {
    const client = this.client;
    if (isCluster(client)) return client.duplicate(undefined, { redisOptions: { commandTimeout: commandTimeoutMs } });
    return client.duplicate({ commandTimeout: commandTimeoutMs });
  }

  /**
   * Events per minute over the last `windowMinutes` minutes of store time (Redis TIME), from the counters: no scan.
   * The current minute counts as far as it has gone, so a rate never reads low just after a minute turns.
   */
  async rates(windowMinutes: number): Promise<AuditRates> {
    const minutes = Math.max(1, Math.floor(windowMinutes));
    const [seconds, micros] = await this.client.time();
    const nowMs = Number(seconds) * 1_000 + Math.floor(Number(micros) / 1_000);
    const current = minuteBucket(nowMs);
    const buckets = Array.from({ length: minutes }, (_, index) => current - index);

    const totals = {} as Record<SessionEventType, number>;
    await Promise.all(
      COUNTED_EVENT_TYPES.map(async (type) => {
        // One GET per key rather than MGET: the counters sit in different Cluster slots.
        const values = await Promise.all(
          buckets.map((bucket) => this.client.get(eventCounterKey(this.keyspace, type, bucket))),
        );
        totals[type] = values.reduce((sum, value) => sum + Number(value ?? 0), 0);
      }),
    );

    const covered = minutes - 1 + (nowMs - current * MINUTE_MS) / MINUTE_MS;
    const perMinute = {} as Record<SessionEventType, number>;
    for (const type of COUNTED_EVENT_TYPES) perMinute[type] = totals[type] / covered;
    return { windowMinutes: covered, totals, perMinute };
  }
}

function isCluster(client: Redis | Cluster): client is Cluster {
  return client.isCluster;
}

async function readOrStop(
  client: Redis | Cluster,
  stream: string,
  lastId: string,
  blockMs: number,
  batchSize: number,
  signal: AbortSignal,
): Promise<StreamEntry[] | null> {
  try {
    const reply = (await client.xread('COUNT', batchSize, 'BLOCK', blockMs, 'STREAMS', stream, lastId)) as
      [string, StreamEntry[]][] | null;
    return reply?.[0]?.[1] ?? null;
  } catch (error) {
    // Disconnecting on abort rejects the read in flight; that is the normal way out, not a failure.
    if (signal.aborted) return null;
    throw error;
  }
}

function toAuditEntry([id, flat]: StreamEntry): AuditEntry {
  const fields = new Map<string, string>();
  for (let index = 0; index + 1 < flat.length; index += 2) fields.set(flat[index], flat[index + 1]);

  const entry: AuditEntry = { id, type: fields.get('type') as SessionEventType, at: Number(fields.get('at') ?? 0) };
  const copy = (name: 'sessionId' | 'userId' | 'reason') => {
    const value = fields.get(name);
    if (value !== undefined) entry[name] = value;
  };
  copy('sessionId');
  copy('userId');
  copy('reason');
  if (fields.has('generation')) entry.generation = Number(fields.get('generation'));
  if (fields.has('notBefore')) entry.notBefore = Number(fields.get('notBefore'));
  const kind = fields.get('actorKind');
  if (kind) {
    const actor: Actor = { kind: kind as Actor['kind'] };
    if (fields.has('actorId')) actor.id = fields.get('actorId');
    if (fields.has('actorHost')) actor.host = fields.get('actorHost');
    if (fields.has('actorNote')) actor.note = fields.get('actorNote');
    entry.actor = actor;
  }
  return entry;
}
