import type { Cluster, Redis, RedisKeyspace } from '@sessionops/redis';
import type { SessionEvent, SessionEvents } from '@sessionops/sessions';
import { eventCounterKey, minuteBucket } from './audit-counters.js';
import { AuditWriteError } from './audit.errors.js';

/** Options of `AuditTrail`. */
export interface AuditTrailOptions {
  /** A connected client; the trail never closes it. */
  client: Redis | Cluster;
  /** Names the stream and the counters. */
  keyspace: RedisKeyspace;
  /** The stream is trimmed to about this many entries (XADD MAXLEN ~). Default 100,000. */
  maxLength?: number;
  /** Also append `refreshed` events to the stream (they are always counted). Default false. */
  recordRefreshed?: boolean;
  /** How long a per-minute counter lives. Default 21,600 s (6 hours). */
  counterTtlSeconds?: number;
  /** Called with every failed write. Without it, failures are only counted in `failedWrites`. */
  onError?: (error: AuditWriteError) => void;
}

const DEFAULT_MAX_LENGTH = 100_000;
const DEFAULT_COUNTER_TTL_SECONDS = 6 * 3_600;

/**
 * Writes session lifecycle events to a capped Redis stream and to per-minute counters, so operators can read the
 * history (`sessionctl audit tail`) and the rates (`sessionctl top`) without scanning the keyspace.
 *
 * Writes are fire-and-forget from the event's point of view: a session change never waits for, nor fails because
 * of, its audit record. Failures go to `onError`. `refreshed` events reach the stream only when `recordRefreshed`
 * is set, so routine refreshes cannot push revocations out of a capped stream.
 */
export class AuditTrail {
  private readonly client: Redis | Cluster;
  private readonly keyspace: RedisKeyspace;
  private readonly maxLength: number;
  private readonly recordRefreshed: boolean;
  private readonly counterTtlSeconds: number;
  private readonly onError?: (error: AuditWriteError) => void;
  private readonly pending = new Set<Promise<void>>();
  private failures = 0;

  constructor(options: AuditTrailOptions) {
    this.client = options.client;
    this.keyspace = options.keyspace;
    this.maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
    this.recordRefreshed = options.recordRefreshed ?? false;
    this.counterTtlSeconds = options.counterTtlSeconds ?? DEFAULT_COUNTER_TTL_SECONDS;
    this.onError = options.onError;
  }

  /** How many writes have failed since construction. */
  get failedWrites(): number {
    return this.failures;
  }

  /** Records every event the store publishes from now on. Returns the function that detaches the trail. */
  attach(events: SessionEvents): () => void {
    return events.subscribe((event) => {
      void this.record(event);
    });
  }

  /** Records one event; resolves when it is written or has failed (it never rejects). */
  record(event: SessionEvent): Promise<void> {
    const write = this.write(event).catch((cause: unknown) => {
      this.failures += 1;
      this.onError?.(new AuditWriteError(event.type, cause));
    });
    this.pending.add(write);
    void write.finally(() => this.pending.delete(write));
    return write;
  }

  /** Resolves once every write started so far has finished; call before closing the client. */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private async write(event: SessionEvent): Promise<void> {
    const counter = eventCounterKey(this.keyspace, event.type, minuteBucket(event.at));
    // INCR and EXPIRE in one transaction so a counter never outlives its window (one key: one slot on Cluster).
    const counting = this.client.multi().incr(counter).expire(counter, this.counterTtlSeconds).exec();
    const appending =
      event.type === 'refreshed' && !this.recordRefreshed
        ? Promise.resolve()
        : this.client.xadd(this.keyspace.auditStream(), 'MAXLEN', '~', this.maxLength, '*', ...streamFields(event));
    const [counted] = await Promise.all([counting, appending]);
    const failed = counted?.find(([error]) => error);
    if (failed) throw failed[0];
  }
}

/** The stream entry of an event as flat field/value pairs; absent fields are left out. */
function streamFields(event: SessionEvent): string[] {
  const fields: Record<string, string | number | undefined> = { type: event.type, at: event.at };
  if ('sessionId' in event) {
    fields.sessionId = event.sessionId;
    fields.userId = event.userId;
  }
  if ('reason' in event) fields.reason = event.reason;
  if ('generation' in event) fields.generation = event.generation;
  if ('notBefore' in event) fields.notBefore = event.notBefore;
  if ('actor' in event && event.actor) {
    fields.actorKind = event.actor.kind;
    fields.actorId = event.actor.id;
    fields.actorHost = event.actor.host;
    fields.actorNote = event.actor.note;
  }
  return Object.entries(fields).flatMap(([name, value]) => (value === undefined ? [] : [name, String(value)]));
}
