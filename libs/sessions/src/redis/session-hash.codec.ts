import { REVOCATION_REASONS, type RevocationReason, type SessionRecord } from '../session.types.js';
import { PUBLIC_SESSION_FIELDS } from './scripts/lua-fragments.js';

type FieldValues = readonly unknown[];

/**
 * Reads a session record from hash values in `PUBLIC_SESSION_FIELDS` order (HMGET, or a script reply). Null when
 * the hash does not exist. A field that cannot be read is corruption and throws an `INVARIANT:` error rather than
 * letting a guess through an authentication check.
 */
export function recordFromFields(sessionId: string, values: FieldValues): SessionRecord | null {
  const field = (name: (typeof PUBLIC_SESSION_FIELDS)[number]): string | null => {
    const value = values[PUBLIC_SESSION_FIELDS.indexOf(name)];
    return value === null || value === undefined ? null : String(value);
  };
  const userId = field('userId');
  if (userId === null) return null;

  const record: SessionRecord = {
    id: sessionId,
    userId,
    createdAt: integerField('createdAt', field('createdAt')),
    lastSeenAt: integerField('lastSeenAt', field('lastSeenAt')),
    idleExpiresAt: integerField('idleExpiresAt', field('idleExpiresAt')),
    absoluteExpiresAt: integerField('absoluteExpiresAt', field('absoluteExpiresAt')),
    ip: field('ip') ?? '',
    userAgent: field('userAgent') ?? '',
    refreshGeneration: integerField('generation', field('generation')),
  };
  const revokedAt = field('revokedAt');
  if (revokedAt === null) return record;
  return {
    ...record,
    revokedAt: integerField('revokedAt', revokedAt),
    revokedReason: revocationReasonField(field('revokedReason')),
  };
}

/** A whole number stored as a decimal string; Lua may also write one in exponent notation. */
export function integerField(name: string, value: unknown): number {
  const text = value === null || value === undefined ? '' : String(value).trim();
  const parsed = text === '' ? Number.NaN : Number(text);
  if (!Number.isSafeInteger(parsed)) throw new Error(`INVARIANT: session field "${name}" is not a whole number`);

  return parsed;
}

/** One of `REVOCATION_REASONS`, as stored on a tombstone. */
export function revocationReasonField(value: unknown): RevocationReason {
  const reason = REVOCATION_REASONS.find((known) => known === value);
  if (!reason) throw new Error('INVARIANT: a tombstone holds no known revocation reason');

  return reason;
}
