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
    super('A session id is 38 URL-safe characters ([A-Za-z0-9_-])');
    this.name = 'InvalidSessionIdError';
  }
}
