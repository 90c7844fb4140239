import type { SessionEvent } from './session.events.js';
import type { Actor, RevocationReason } from './session.types.js';

/**
 * The one event a revocation emits: `evicted` and `reuse-detected` have their own event types, every other reason
 * is `revoked`, so each revocation is counted exactly once.
 */
export function revocationEvent(
  sessionId: string,
  userId: string,
  reason: RevocationReason,
  at: number,
  actor?: Actor,
): SessionEvent {
  if (reason === 'evicted') return { type: 'evicted', sessionId, userId, at, reason };
  if (reason === 'reuse-detected') return { type: 'reuse-detected', sessionId, userId, at, reason };

  return { type: 'revoked', sessionId, userId, at, reason, ...(actor ? { actor } : {}) };
}
