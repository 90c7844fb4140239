import { SessionStoreUnavailableError } from '../session.errors.js';

/**
 * What ioredis and Redis say when the server cannot answer: a closed or unwritable connection (our clients keep no
 * offline queue), a command timeout, a refused or reset socket, a server still loading its data or without a
 * master, and a cluster that has no reachable node.
 */
const UNAVAILABLE_MESSAGES = [
  /Connection is closed/i,
  /Stream isn't writeable/i,
  /Command timed out/i,
  /max retries per request/i,
  /\b(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND)\b/,
  /^(LOADING|MASTERDOWN|CLUSTERDOWN|READONLY)\b/,
  /None of startup nodes is available/i,
  /Cluster (isn't ready|is disconnected|is disconnecting)/i,
  /Failed to refresh slots cache/i,
];

const UNAVAILABLE_NAMES = new Set(['MaxRetriesPerRequestError', 'ClusterAllFailedError']);

/** True when `error` means Redis could not answer, as opposed to a bug or a script error. */
export function isRedisUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (UNAVAILABLE_NAMES.has(error.name)) return true;

  return UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(error.message));
}

/**
 * `SessionStoreUnavailableError` for a Redis that cannot answer, so a dead Redis never reads as "not found";
 * anything else unchanged.
 */
export function toStoreError(operation: string, error: unknown): unknown {
  if (error instanceof SessionStoreUnavailableError || !isRedisUnavailable(error)) return error;

  return new SessionStoreUnavailableError(operation, error);
}

/** Runs `work`, turning Redis outages into `SessionStoreUnavailableError`. */
export async function unavailableAs<T>(operation: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStoreError(operation, error);
  }
}
