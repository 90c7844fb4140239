import { SESSION_ID_LENGTH } from './session-id.js';

/** The backing store did not answer (connection down, command timed out). Callers must fail closed. */
export class SessionStoreUnavailableError extends Error {
  readonly code = 'SESSION_STORE_UNAVAILABLE';

  constructor(
    readonly operation: string,
    cause?: unknown,
  ) {
    super(`The session store could not complete "${operation}": it is unreachable or timed out`, { cause });
    this.name = 'SessionStoreUnavailableError';
  }
}

/** A session id that does not have the shape `generateSessionId` makes. */
export class InvalidSessionIdError extends Error {
  readonly code = 'SESSION_ID_INVALID';

  constructor() {
    super(`A session id is ${SESSION_ID_LENGTH} URL-safe characters ([A-Za-z0-9_-])`);
    this.name = 'InvalidSessionIdError';
  }
}

/** Store options that cannot work together (for example a cap of 0 sessions per user). Lists every problem. */
export class InvalidSessionStoreOptionsError extends Error {
  readonly code = 'SESSION_STORE_OPTIONS_INVALID';

  constructor(readonly problems: string[]) {
    super(`Invalid session store options: ${problems.join('; ')}`);
    this.name = 'InvalidSessionStoreOptionsError';
  }
}

/**
 * A user's session index kept changing under an operation that must see all of it (create with eviction,
 * revoke-all), and the operation gave up after `attempts` tries. Safe to retry; nothing was changed.
 */
export class SessionIndexContentionError extends Error {
  readonly code = 'SESSION_INDEX_CONTENDED';

  constructor(
    readonly operation: string,
    readonly attempts: number,
  ) {
    super(`The session store gave up on "${operation}" after ${attempts} attempts: the user's sessions kept changing`);
    this.name = 'SessionIndexContentionError';
  }
}
