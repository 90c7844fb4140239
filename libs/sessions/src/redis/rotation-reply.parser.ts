import { revocationEvent } from '../revocation-event.js';
import type { SessionEvent } from '../session.events.js';
import type { RotateRefreshTokenResult } from '../session.types.js';
import { integerField, recordFromFields } from './session-hash.codec.js';

/** What a rotation reply means: the result for the caller and the event to publish, if any. */
export interface RotationOutcome {
  result: RotateRefreshTokenResult;
  event?: SessionEvent;
}

/**
 * Reads the rotate script's reply, then applies the not-before instant read in the same round trip: a session
 * created before it is dead whatever the script saw, and such a rotation emits nothing.
 */
export function parseRotationReply(sessionId: string, reply: readonly unknown[], notBefore: number): RotationOutcome {
  const [outcome, ...rest] = reply;
  if (outcome === 'rejected') return { result: { outcome, reason: rejectionOf(rest[0]) } };
  if (outcome === 'reuse-detected') {
    const [owner, createdAt, at] = rest;
    const userId = String(owner);
    if (integerField('createdAt', createdAt) < notBefore) return revokedByNotBefore();
    const event = revocationEvent(sessionId, userId, 'reuse-detected', integerField('at', at));
    return { result: { outcome, sessionId, userId }, event };
  }

  const session = recordFromFields(sessionId, outcome === 'grace' ? rest.slice(1) : rest);
  if (!session) throw new Error(`INVARIANT: the rotation answered ${String(outcome)} without a session`);
  if (session.createdAt < notBefore) return revokedByNotBefore();
  if (outcome === 'grace') return { result: { outcome, session, tokenCiphertext: String(rest[0]) } };
  if (outcome !== 'rotated') throw new Error(`INVARIANT: the rotation answered ${String(outcome)}`);
  const { userId, lastSeenAt: at, refreshGeneration: generation } = session;
  return { result: { outcome, session }, event: { type: 'refreshed', sessionId, userId, at, generation } };
}

function revokedByNotBefore(): RotationOutcome {
  return { result: { outcome: 'rejected', reason: 'revoked' } };
}

function rejectionOf(value: unknown): 'not-found' | 'expired' | 'revoked' | 'mismatch' {
  if (value === 'not-found' || value === 'expired' || value === 'revoked' || value === 'mismatch') return value;
  throw new Error(`INVARIANT: the rotation was rejected for an unknown reason ${String(value)}`);
}
