import { sessionExpiresAt, shortSessionId, type RevocationReason, type SessionRecord } from '@sessionops/sessions';

/** Where a session stands at a given instant. */
export type SessionState = 'live' | 'revoked' | 'expired';

/** A session as the CLI prints it: ISO timestamps, its state, never the refresh-token hash. */
export interface SessionView {
  id: string;
  shortId: string;
  userId: string;
  state: SessionState;
  createdAt: string;
  lastSeenAt: string;
  /** When it ends if unused: the earlier of the idle and the absolute expiry. */
  expiresAt: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
  ip: string;
  userAgent: string;
  refreshGeneration: number;
  revokedAt?: string;
  revokedReason?: RevocationReason;
}

/** The state of a record at `nowMs` (store time). */
export function sessionState(record: SessionRecord, nowMs: number): SessionState {
  if (record.revokedAt !== undefined) return 'revoked';
  return sessionExpiresAt(record) <= nowMs ? 'expired' : 'live';
}

/** Converts a store record to its printable view. */
export function toSessionView(record: SessionRecord, nowMs: number): SessionView {
  const view: SessionView = {
    id: record.id,
    shortId: shortSessionId(record.id),
    userId: record.userId,
    state: sessionState(record, nowMs),
    createdAt: iso(record.createdAt),
    lastSeenAt: iso(record.lastSeenAt),
    expiresAt: iso(sessionExpiresAt(record)),
    idleExpiresAt: iso(record.idleExpiresAt),
    absoluteExpiresAt: iso(record.absoluteExpiresAt),
    ip: record.ip,
    userAgent: record.userAgent,
    refreshGeneration: record.refreshGeneration,
  };
  if (record.revokedAt !== undefined) view.revokedAt = iso(record.revokedAt);
  if (record.revokedReason !== undefined) view.revokedReason = record.revokedReason;
  return view;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
