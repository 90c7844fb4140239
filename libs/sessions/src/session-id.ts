import { randomBytes } from 'node:crypto';
import { RedisKeyspace, USER_TAG_LENGTH } from '@sessionops/redis';

// 16 bytes from the CSPRNG: 128 random bits, 22 base64url characters.
const RANDOM_BYTES = 16;
const RANDOM_LENGTH = 22;
export const SESSION_ID_LENGTH = USER_TAG_LENGTH + RANDOM_LENGTH;
/** The shape of a session id as a regular-expression source, unanchored: for finding ids inside longer text. */
export const SESSION_ID_SOURCE = `[A-Za-z0-9_-]{${SESSION_ID_LENGTH}}`;
const SESSION_ID_PATTERN = new RegExp(`^${SESSION_ID_SOURCE}$`);

/**
 * A new session id: the user's hash tag followed by 128 random bits, all URL-safe. The tag lets a session id alone
 * find the user's keys (one Redis Cluster slot). Sessions of one user therefore share a visible prefix.
 */
export function generateSessionId(userId: string): string {
  return RedisKeyspace.userTag(userId) + randomBytes(RANDOM_BYTES).toString('base64url');
}

/** True when `value` has the shape of a session id (it may still be unknown). */
export function isSessionId(value: unknown): value is string {
  return typeof value === 'string' && SESSION_ID_PATTERN.test(value);
}

/** A session id shortened for logs and tables: enough to tell sessions apart, never enough to use one. */
export function shortSessionId(sessionId: string): string {
  return `${sessionId.slice(USER_TAG_LENGTH, USER_TAG_LENGTH + 8)}…`;
}
