/** Why a session ended. One closed list shared by logs, metrics labels, the API and the CLI. */
export const REVOCATION_REASONS = ['logout', 'user', 'admin', 'operator', 'reuse-detected', 'evicted'] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

/** Who asked for a change, for the audit trail. */
export interface Actor {
  kind: 'user' | 'admin' | 'operator' | 'system';
  /** User id for `user`/`admin`; OS user for `operator`. */
  id?: string;
  /** Host name, for `operator`. */
  host?: string;
  /** Free text given by an operator (`--reason`). */
  note?: string;
}

/** A session as the store returns it. Timestamps are Unix milliseconds. The refresh-token hash is never exposed. */
export interface SessionRecord {
  id: string;
  userId: string;
  createdAt: number;
  lastSeenAt: number;
  /** Sliding expiry: lastSeenAt + idle TTL, never beyond `absoluteExpiresAt`. */
  idleExpiresAt: number;
  /** Hard cap set at creation; no activity extends it. */
  absoluteExpiresAt: number;
  ip: string;
  userAgent: string;
  /** How many times the refresh token was rotated. */
  refreshGeneration: number;
  /** Set on tombstones only. */
  revokedAt?: number;
  revokedReason?: RevocationReason;
}

/** When a session ends if unused: the earlier of its idle and absolute expiry. */
export function sessionExpiresAt(session: SessionRecord): number {
  return Math.min(session.idleExpiresAt, session.absoluteExpiresAt);
}

/** Lifetimes and limits, in the units their names carry. */
export interface SessionStoreOptions {
  /** Sliding idle lifetime. Default 1,209,600 s (14 days). */
  idleTtlSeconds?: number;
  /** Absolute lifetime from creation. Default 2,592,000 s (30 days). */
  maxLifetimeSeconds?: number;
  /** `authenticate` writes lastSeenAt at most once per this interval. Default 60 s. */
  touchIntervalSeconds?: number;
  /** How long a revoked session stays as a tombstone; at least the access-token lifetime. Default 900 s. */
  tombstoneTtlSeconds?: number;
  /** Creating one more evicts the least recently used. Default 10. */
  maxPerUser?: number;
  /** How long the previous refresh token is still answered with the newest one. Default 2000 ms. */
  refreshReuseGraceMs?: number;
}

export type ResolvedSessionStoreOptions = Required<SessionStoreOptions>;

export const DEFAULT_SESSION_STORE_OPTIONS: ResolvedSessionStoreOptions = {
  idleTtlSeconds: 1_209_600,
  maxLifetimeSeconds: 2_592_000,
  touchIntervalSeconds: 60,
  tombstoneTtlSeconds: 900,
  maxPerUser: 10,
  refreshReuseGraceMs: 2_000,
};

export interface CreateSessionInput {
  /** From `generateSessionId(userId)`; the refresh token embeds it, so it is chosen before creation. */
  id: string;
  userId: string;
  ip: string;
  userAgent: string;
  /** SHA-256 (base64url) of the first refresh token. */
  refreshTokenHash: string;
  actor?: Actor;
}

export interface CreateSessionResult {
  session: SessionRecord;
  /** Ids of the least recently used sessions evicted to respect `maxPerUser`, oldest first. */
  evictedSessionIds: string[];
}

/** Outcome of the per-request session check. Failures are values, not exceptions: this is the hot path. */
export type SessionCheck =
  | { ok: true; session: SessionRecord }
  | { ok: false; reason: 'not-found' | 'expired' | 'wrong-user' }
  | { ok: false; reason: 'revoked'; revokedReason: RevocationReason };

export interface RotateRefreshTokenInput {
  sessionId: string;
  /** SHA-256 (base64url) of the token the client presented. */
  presentedHash: string;
  /** The generation written in the presented token (already authenticated by its MAC). */
  presentedGeneration: number;
  /** Hash of the token that replaces it; its generation is `presentedGeneration + 1`. */
  nextHash: string;
  /** The replacement token, encrypted by the caller; kept only for the grace window. */
  nextTokenCiphertext: string;
}

export type RotateRefreshTokenResult =
  /** The presented token was current: it is replaced by `nextHash`. */
  | { outcome: 'rotated'; session: SessionRecord }
  /** The presented token was the previous one, within the grace window: answer with this same newest token. */
  | { outcome: 'grace'; session: SessionRecord; tokenCiphertext: string }
  /** An older token, or the previous one after the grace window: the session is now revoked (`reuse-detected`). */
  | { outcome: 'reuse-detected'; sessionId: string; userId: string }
  | { outcome: 'rejected'; reason: 'not-found' | 'expired' | 'revoked' | 'mismatch' };

export interface RevokeAllForUserOptions {
  /** Keep this one (the caller's current session). */
  exceptSessionId?: string;
  actor?: Actor;
}

export interface ScanOptions {
  /** SCAN COUNT hint per round trip. Default 500. */
  batchSize?: number;
  /** Include revoked tombstones. Default false. */
  includeRevoked?: boolean;
}
