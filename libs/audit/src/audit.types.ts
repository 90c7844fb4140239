import type { Actor, SessionEventType } from '@sessionops/sessions';

/** One event as read back from the audit stream. Timestamps are Unix milliseconds. */
export interface AuditEntry {
  /** The stream entry id (`<ms>-<seq>`), usable as a `follow` starting point. */
  id: string;
  type: SessionEventType;
  at: number;
  sessionId?: string;
  userId?: string;
  /** Revocation reason, from the closed list (`logout`, `operator`, …). */
  reason?: string;
  actor?: Actor;
  /** `refreshed` only: the refresh-token generation after rotation. */
  generation?: number;
  /** `revoked-all` only: the not-before instant (ms). */
  notBefore?: number;
}

/** Events per minute over a window, per event type. */
export interface AuditRates {
  /** Length of the window actually covered, in minutes (fractional: the current minute counts as far as it went). */
  windowMinutes: number;
  /** Events seen in the window, per type. */
  totals: Record<SessionEventType, number>;
  /** `totals` divided by `windowMinutes`. */
  perMinute: Record<SessionEventType, number>;
}
