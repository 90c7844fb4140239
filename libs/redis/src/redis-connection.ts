import { Redis, type RedisOptions } from 'ioredis';

/** How to reach Redis. Durations are in milliseconds. */
export interface RedisConnectionOptions {
  /** `redis://` or `rediss://` URL; user and password in the URL are the ACL credentials. */
  url: string;
  /** A command with no reply after this long fails. Default 500. */
  commandTimeoutMs?: number;
  /** A TCP/TLS connect that takes longer is abandoned and retried. Default 1000. */
  connectTimeoutMs?: number;
  /** Reconnect delays grow with each attempt up to this cap, forever. Default 1000. */
  maxReconnectDelayMs?: number;
  /** Name shown by CLIENT LIST, to tell servers from operators. Default none. */
  connectionName?: string;
}

const DEFAULT_COMMAND_TIMEOUT_MS = 500;
const DEFAULT_CONNECT_TIMEOUT_MS = 1_000;
const DEFAULT_MAX_RECONNECT_DELAY_MS = 1_000;
// The first retries come quickly so a Redis restart costs little; the cap keeps a dead Redis from being hammered.
const RECONNECT_STEP_MS = 50;

/** The ioredis options that make a dead Redis cost a request well under a second instead of a queue. */
export function failFastOptions(options: Omit<RedisConnectionOptions, 'url'>): RedisOptions {
  const maxDelayMs = options.maxReconnectDelayMs ?? DEFAULT_MAX_RECONNECT_DELAY_MS;
  return {
    // Commands issued while disconnected fail at once rather than waiting for a reconnect that may never come.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
    connectTimeout: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(attempt * RECONNECT_STEP_MS, maxDelayMs),
    // Concurrent requests share one write per event-loop tick: fewer syscalls under load.
    enableAutoPipelining: true,
    connectionName: options.connectionName,
    lazyConnect: true,
  };
}

/** Builds a standalone client with fail-fast settings. Call `connect()` (or `waitUntilReady`) before use. */
export function createRedisClient(options: RedisConnectionOptions): Redis {
  return new Redis(options.url, failFastOptions(options));
}

/** Removes the password from a Redis URL so it can be shown to people. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
