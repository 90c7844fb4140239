import { loadConfig, type AppConfig } from '@sessionops/config';
import { redactRedisUrl } from '@sessionops/redis';
import { sessionStoreOptionsFromConfig, type SessionStoreOptions } from '@sessionops/sessions';
import { UsageError } from '../errors.js';

/** Used when neither `--redis` nor `REDIS_URL` names a Redis. */
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

// The variables that matter to the CLI. Only these reach `loadConfig`, so a server-only setting (a missing
// production JWT_SECRET, a bad PORT) never stops an operator during an incident.
const CLI_VARIABLES = [
  'REDIS_URL',
  'REDIS_KEY_PREFIX',
  'REDIS_COMMAND_TIMEOUT_MS',
  'REDIS_CONNECT_TIMEOUT_MS',
  'AUTH_ACCESS_TTL_SECONDS',
  'AUTH_REFRESH_REUSE_GRACE_MS',
  'SESSION_IDLE_TTL_SECONDS',
  'SESSION_MAX_LIFETIME_SECONDS',
  'SESSION_TOUCH_INTERVAL_SECONDS',
  'SESSION_MAX_PER_USER',
  'AUDIT_STREAM_MAX_LENGTH',
  'AUDIT_RECORD_REFRESHED',
] as const;

/** Command-line overrides of the environment. */
export interface ConnectionFlags {
  redis?: string;
  keyPrefix?: string;
}

/** What the CLI needs to reach Redis and to act as the server would. */
export interface CliSettings {
  url: string;
  /** The URL without its password, for every message. */
  redactedUrl: string;
  keyPrefix: string;
  commandTimeoutMs: number;
  connectTimeoutMs: number;
  /** The same store options the server derives, so tombstones written by the CLI live as long as the server's. */
  storeOptions: SessionStoreOptions;
  audit: AppConfig['audit'];
  /** Lifetime contradictions `loadConfig` found (for `doctor`). */
  warnings: string[];
}

/**
 * Reads the environment through the same `loadConfig` as the server (so both parse `REDIS_URL`, `REDIS_KEY_PREFIX`
 * and the lifetimes identically), then applies `--redis` and `--key-prefix`. Throws `ConfigError` for invalid
 * variables and `UsageError` for an invalid `--redis`.
 */
export function loadCliSettings(env: Record<string, string | undefined>, flags: ConnectionFlags = {}): CliSettings {
  if (flags.redis !== undefined && !isRedisUrl(flags.redis)) {
    throw new UsageError(`--redis must be a redis:// or rediss:// URL, got "${redactRedisUrl(flags.redis)}"`);
  }
  const picked = Object.fromEntries(CLI_VARIABLES.map((name) => [name, env[name]]));
  const { config, warnings } = loadConfig(picked);

  const url = flags.redis ?? config.redis.url ?? DEFAULT_REDIS_URL;
  return {
    url,
    redactedUrl: redactRedisUrl(url),
    keyPrefix: flags.keyPrefix ?? config.redis.keyPrefix,
    commandTimeoutMs: config.redis.commandTimeoutMs,
    connectTimeoutMs: config.redis.connectTimeoutMs,
    storeOptions: sessionStoreOptionsFromConfig(config),
    audit: config.audit,
    // No JWT_SECRET is passed on purpose, so the "random secret" warning concerns servers only.
    warnings: warnings.filter((warning) => !warning.startsWith('JWT_SECRET')),
  };
}

function isRedisUrl(raw: string): boolean {
  try {
    const { protocol } = new URL(raw);
    return protocol === 'redis:' || protocol === 'rediss:';
  } catch {
    return false;
  }
}
