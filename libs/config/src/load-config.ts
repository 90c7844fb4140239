import { randomBytes } from 'node:crypto';
import { ConfigError, type ConfigProblem } from './config.errors.js';
import { environmentSchema, type Environment, type ParsedEnvironment } from './config.schema.js';
import type { AppConfig, LoadedConfig } from './config.types.js';

const GENERATED_SECRET_BYTES = 48;

function parseTrustProxy(raw: string): boolean | number | string {
  if (raw === '' || /^(false|0|no|off)$/i.test(raw)) return false;
  if (/^true$/i.test(raw)) return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw;
}

function crossCheck(env: ParsedEnvironment): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (env.NODE_ENV === 'production' && env.JWT_SECRET.length === 0) {
    problems.push({ variable: 'JWT_SECRET', message: 'is required when NODE_ENV=production (32 bytes or more)' });
  }
  if (env.SESSION_MAX_LIFETIME_SECONDS < env.AUTH_ACCESS_TTL_SECONDS) {
    problems.push({
      variable: 'SESSION_MAX_LIFETIME_SECONDS',
      message: `must be at least AUTH_ACCESS_TTL_SECONDS (${env.AUTH_ACCESS_TTL_SECONDS})`,
    });
  }
  return problems;
}

function warningsFor(env: ParsedEnvironment): string[] {
  const warnings: string[] = [];
  if (env.SESSION_TOUCH_INTERVAL_SECONDS >= env.SESSION_IDLE_TTL_SECONDS) {
    warnings.push('SESSION_TOUCH_INTERVAL_SECONDS is not below SESSION_IDLE_TTL_SECONDS: active sessions may expire');
  }
  if (env.SESSION_IDLE_TTL_SECONDS > env.SESSION_MAX_LIFETIME_SECONDS) {
    warnings.push('SESSION_IDLE_TTL_SECONDS exceeds SESSION_MAX_LIFETIME_SECONDS: the absolute lifetime always wins');
  }
  return warnings;
}

/**
 * Reads and validates the environment once. Throws `ConfigError` listing every invalid variable together.
 * The caller passes the environment (usually `process.env`): this library never reads it by itself.
 */
export function loadConfig(source: Environment): LoadedConfig {
  const parsed = environmentSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      variable: String(issue.path[0] ?? '(environment)'),
      message: issue.message,
    }));
    throw new ConfigError(problems);
  }

  const env = parsed.data;
  const problems = crossCheck(env);
  if (problems.length > 0) throw new ConfigError(problems);

  const warnings = warningsFor(env);
  const secretGenerated = env.JWT_SECRET.length === 0;
  const secrets = secretGenerated ? [randomBytes(GENERATED_SECRET_BYTES).toString('base64url')] : env.JWT_SECRET;
  if (secretGenerated) {
    warnings.push('JWT_SECRET is not set: using a random secret, so tokens die with this process');
  }

  const config: AppConfig = {
    env: env.NODE_ENV,
    http: {
      host: env.HOST,
      port: env.PORT,
      trustProxy: parseTrustProxy(env.TRUST_PROXY),
      maxBodyBytes: env.HTTP_MAX_BODY_BYTES,
      shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    },
    log: { level: env.LOG_LEVEL, pretty: env.LOG_PRETTY },
    redis: {
      url: env.REDIS_URL,
      keyPrefix: env.REDIS_KEY_PREFIX,
      commandTimeoutMs: env.REDIS_COMMAND_TIMEOUT_MS,
      connectTimeoutMs: env.REDIS_CONNECT_TIMEOUT_MS,
    },
    jwt: {
      secrets,
      secretGenerated,
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
      clockToleranceSeconds: env.JWT_CLOCK_TOLERANCE_SECONDS,
      accessTtlSeconds: env.AUTH_ACCESS_TTL_SECONDS,
      refreshReuseGraceMs: env.AUTH_REFRESH_REUSE_GRACE_MS,
    },
    session: {
      idleTtlSeconds: env.SESSION_IDLE_TTL_SECONDS,
      maxLifetimeSeconds: env.SESSION_MAX_LIFETIME_SECONDS,
      touchIntervalSeconds: env.SESSION_TOUCH_INTERVAL_SECONDS,
      maxPerUser: env.SESSION_MAX_PER_USER,
    },
    password: {
      hashConcurrency: env.PASSWORD_HASH_CONCURRENCY,
      memoryKib: env.PASSWORD_HASH_MEMORY_KIB,
      iterations: env.PASSWORD_HASH_ITERATIONS,
    },
    rateLimit: {
      loginFailuresPerEmailIp: env.RATE_LIMIT_LOGIN_FAILURES_PER_EMAIL_IP,
      loginFailuresPerIp: env.RATE_LIMIT_LOGIN_FAILURES_PER_IP,
      loginWindowSeconds: env.RATE_LIMIT_LOGIN_WINDOW_SECONDS,
      registrationsPerIp: env.RATE_LIMIT_REGISTRATIONS_PER_IP,
      registrationWindowSeconds: env.RATE_LIMIT_REGISTRATION_WINDOW_SECONDS,
    },
    audit: { streamMaxLength: env.AUDIT_STREAM_MAX_LENGTH, recordRefreshed: env.AUDIT_RECORD_REFRESHED },
  };
  return { config, warnings };
}
