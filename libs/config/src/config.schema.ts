import { z } from 'zod';

/** Environment variables as they arrive: every value a string or absent. */
export type Environment = Record<string, string | undefined>;

const MIN_SECRET_BYTES = 32;
const DAY_SECONDS = 86_400;

const integer = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === '') return fallback;
      const value = Number(raw);
      if (!Number.isInteger(value) || value < min || value > max) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}, got "${raw}"` });
        return z.NEVER;
      }
      return value;
    });

const boolean = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === '') return fallback;
      if (/^(1|true|yes|on)$/i.test(raw)) return true;
      if (/^(0|false|no|off)$/i.test(raw)) return false;
      ctx.addIssue({ code: 'custom', message: `must be true or false, got "${raw}"` });
      return z.NEVER;
    });

const text = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((raw) => (raw === undefined || raw.trim() === '' ? fallback : raw.trim()));

const redisUrl = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (raw === undefined || raw.trim() === '') return undefined;
    try {
      const url = new URL(raw.trim());
      if (url.protocol === 'redis:' || url.protocol === 'rediss:') return url.toString();
    } catch {
      // Reported below with the same message as a wrong scheme.
    }
    ctx.addIssue({ code: 'custom', message: 'must be a redis:// or rediss:// URL' });
    return z.NEVER;
  });

const secrets = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (raw === undefined || raw.trim() === '') return [];
    const list = raw
      .split(',')
      .map((secret) => secret.trim())
      .filter((secret) => secret.length > 0);
    list.forEach((secret, index) => {
      if (Buffer.byteLength(secret) < MIN_SECRET_BYTES) {
        ctx.addIssue({ code: 'custom', message: `secret #${index + 1} is shorter than ${MIN_SECRET_BYTES} bytes` });
      }
    });
    return list;
  });

/**
 * Every variable sessionops reads, with its default. Names are the documented environment variables; the
 * README's configuration table is written from this schema.
 */
export const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: text('0.0.0.0'),
  PORT: integer(3000, 0, 65_535),
  TRUST_PROXY: text(''),
  HTTP_MAX_BODY_BYTES: integer(100_000, 1_024, 10_000_000),
  SHUTDOWN_TIMEOUT_MS: integer(10_000, 0, 120_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: boolean(false),

  REDIS_URL: redisUrl,
  REDIS_KEY_PREFIX: text('sessionops:'),
  REDIS_COMMAND_TIMEOUT_MS: integer(500, 50, 10_000),
  REDIS_CONNECT_TIMEOUT_MS: integer(1_000, 100, 30_000),

  JWT_SECRET: secrets,
  JWT_ISSUER: text('sessionops'),
  JWT_AUDIENCE: text('sessionops-api'),
  JWT_CLOCK_TOLERANCE_SECONDS: integer(5, 0, 300),
  AUTH_ACCESS_TTL_SECONDS: integer(900, 1, DAY_SECONDS),
  AUTH_REFRESH_REUSE_GRACE_MS: integer(2_000, 0, 60_000),

  SESSION_IDLE_TTL_SECONDS: integer(1_209_600, 1, 365 * DAY_SECONDS),
  SESSION_MAX_LIFETIME_SECONDS: integer(2_592_000, 1, 365 * DAY_SECONDS),
  SESSION_TOUCH_INTERVAL_SECONDS: integer(60, 0, DAY_SECONDS),
  SESSION_MAX_PER_USER: integer(10, 1, 10_000),

  PASSWORD_HASH_CONCURRENCY: integer(4, 1, 64),
  PASSWORD_HASH_MEMORY_KIB: integer(19_456, 19_456, 1_048_576),
  PASSWORD_HASH_ITERATIONS: integer(2, 2, 20),

  RATE_LIMIT_LOGIN_FAILURES_PER_EMAIL_IP: integer(10, 1, 1_000_000),
  RATE_LIMIT_LOGIN_FAILURES_PER_IP: integer(100, 1, 1_000_000),
  RATE_LIMIT_LOGIN_WINDOW_SECONDS: integer(900, 1, DAY_SECONDS),
  RATE_LIMIT_REGISTRATIONS_PER_IP: integer(1_000, 1, 1_000_000),
  RATE_LIMIT_REGISTRATION_WINDOW_SECONDS: integer(3_600, 1, DAY_SECONDS),

  AUDIT_STREAM_MAX_LENGTH: integer(100_000, 100, 100_000_000),
  AUDIT_RECORD_REFRESHED: boolean(false),
});

export type ParsedEnvironment = z.output<typeof environmentSchema>;
