/** Redis did not answer within the allowed time. */
export class RedisUnavailableError extends Error {
  readonly code = 'REDIS_UNAVAILABLE';

  constructor(
    /** The URL without its password. */
    readonly target: string,
    readonly waitedMs: number,
    cause?: unknown,
  ) {
    super(`Redis at ${target} did not answer within ${waitedMs} ms`, { cause });
    this.name = 'RedisUnavailableError';
  }
}
