import { createHash } from 'node:crypto';

/** Length of a user's hash tag in base64url characters: 96 bits, so two users sharing one is negligible. */
export const USER_TAG_LENGTH = 16;

function digest(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

function escapeGlob(value: string): string {
  return value.replace(/[*?[\]\\]/g, (character) => `\\${character}`);
}

/**
 * The one place that names keys. Every key of one user (record, session index, sessions, grace tokens) carries the
 * same hash tag `{tag}`, so each multi-key change is a single-slot Lua script, also on Redis Cluster. A session id
 * starts with its user's tag, so a session id alone (all a refresh token or an operator has) finds every key.
 */
export class RedisKeyspace {
  constructor(
    /** Prepended to every key. Default `sessionops:`. */
    readonly prefix = 'sessionops:',
  ) {}

  /** The hash tag of a user: a prefix of SHA-256 of the user id, in base64url. */
  static userTag(userId: string): string {
    return digest(userId).slice(0, USER_TAG_LENGTH);
  }

  /** The hash tag embedded at the start of a session id. */
  static tagOfSessionId(sessionId: string): string {
    return sessionId.slice(0, USER_TAG_LENGTH);
  }

  /** Hash: one user's record. */
  user(userId: string): string {
    return `${this.prefix}u:{${RedisKeyspace.userTag(userId)}}:user`;
  }

  /** Sorted set: a user's session ids scored by lastSeenAt (ms). */
  userSessions(userId: string): string {
    return this.userSessionsByTag(RedisKeyspace.userTag(userId));
  }

  /** The same index, found from a session id. */
  userSessionsOfSession(sessionId: string): string {
    return this.userSessionsByTag(RedisKeyspace.tagOfSessionId(sessionId));
  }

  private userSessionsByTag(tag: string): string {
    return `${this.prefix}u:{${tag}}:sessions`;
  }

  /** Hash: one session record (live, or a revoked tombstone). */
  session(sessionId: string): string {
    return `${this.prefix}s:{${RedisKeyspace.tagOfSessionId(sessionId)}}:${sessionId}`;
  }

  /** String with a millisecond TTL: the encrypted newest refresh token during the reuse grace window. */
  refreshGrace(sessionId: string): string {
    return `${this.prefix}g:{${RedisKeyspace.tagOfSessionId(sessionId)}}:${sessionId}`;
  }

  /** String: the user id that owns a normalised e-mail address (hashed, so keys never hold addresses). */
  email(normalisedEmail: string): string {
    return `${this.prefix}email:${digest(normalisedEmail)}`;
  }

  /** String: a millisecond instant; every session created before it is revoked (operator "revoke all"). */
  notBefore(): string {
    return `${this.prefix}not-before`;
  }

  /** Stream: the session audit trail. */
  auditStream(): string {
    return `${this.prefix}audit`;
  }

  /** Prefix for counters the store maintains for dashboards (kept short: one key per name). */
  counter(name: string): string {
    return `${this.prefix}stats:${name}`;
  }

  /** Prefix under which rate limiters keep their keys. */
  rateLimitPrefix(): string {
    return `${this.prefix}rl`;
  }

  /** SCAN MATCH pattern for every session key (live and tombstones). */
  sessionScanPattern(): string {
    return `${escapeGlob(this.prefix)}s:*`;
  }

  /** SCAN MATCH pattern for every user record. */
  userScanPattern(): string {
    return `${escapeGlob(this.prefix)}u:*:user`;
  }
}
