import type { SessionEvents } from './session.events.js';
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
} from './session.types.js';

/**
 * Where sessions live. Two implementations share this contract and one test suite: `RedisSessionStore` and the
 * embedded `MemorySessionStore`. Every method that changes state is atomic. Methods throw
 * `SessionStoreUnavailableError` when the backing store cannot answer; they never resolve with a guess.
 */
export interface SessionStore {
  readonly kind: 'redis' | 'memory';
  readonly events: SessionEvents;

  /** Creates a session, first pruning the user's expired entries, then evicting the least recently used to the cap. */
  create(input: CreateSessionInput): Promise<CreateSessionResult>;

  /** The record, live or tombstone; null when unknown, expired or malformed. Never touches. */
  get(sessionId: string): Promise<SessionRecord | null>;

  /**
   * The per-request check, in one round trip: the session exists, is not revoked nor expired, was not created before
   * the operator not-before instant, and belongs to `userId`. Slides the idle expiry and moves the index score at
   * most once per touch interval.
   */
  authenticate(sessionId: string, userId: string): Promise<SessionCheck>;

  /** Compare-and-swap of the refresh token, with grace-window replay and reuse (theft) detection. */
  rotateRefreshToken(input: RotateRefreshTokenInput): Promise<RotateRefreshTokenResult>;

  /** Revokes one live session, leaving a tombstone. False when it was not live. */
  revoke(sessionId: string, reason: RevocationReason, actor?: Actor): Promise<boolean>;

  /** Revokes every live session of a user through the per-user index; returns the revoked ids. */
  revokeAllForUser(userId: string, reason: RevocationReason, options?: RevokeAllForUserOptions): Promise<string[]>;

  /**
   * Revokes every session in the store at once by setting the not-before instant to now (store time). Records are
   * left for `purgeBefore` to remove. Returns the instant (ms).
   */
  revokeEverything(actor?: Actor): Promise<number>;

  /** The current not-before instant (ms), or 0 when none is set. */
  notBefore(): Promise<number>;

  /** Removes records of sessions created before `instantMs` (after `revokeEverything`); returns how many. */
  purgeBefore(instantMs: number, options?: ScanOptions): Promise<number>;

  /** A user's live sessions, most recently seen first. Prunes stale index entries as it reads. */
  listForUser(userId: string): Promise<SessionRecord[]>;

  /** Number of live sessions of a user (after pruning). */
  countForUser(userId: string): Promise<number>;

  /** Every session, in batches, by cursor (SCAN on Redis; never KEYS). Approximate while keys are being written. */
  scan(options?: ScanOptions): AsyncIterable<SessionRecord[]>;

  /** Number of live sessions, by a full scan: for operators, not for request paths. */
  count(): Promise<number>;

  /** Store time in ms (Redis TIME for Redis), so callers compare against the same clock as the scripts. */
  now(): Promise<number>;

  /** Answers when the store is reachable; throws `SessionStoreUnavailableError` otherwise. */
  ping(): Promise<void>;

  /** Releases connections the store owns (not a client that was passed in). */
  close(): Promise<void>;
}
