import type { AppConfig } from '@sessionops/config';
import type { Redis } from '@sessionops/redis';
import { SessionStoreUnavailableError } from '@sessionops/sessions';
import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** Where counters live and how far they go. */
export interface RateLimiterOptions {
  /** Shared Redis client, or null for in-process counters (embedded mode: one process only). */
  client: Redis | null;
  /** Prefix of every counter key (`RedisKeyspace.rateLimitPrefix()`). */
  keyPrefix: string;
  limits: AppConfig['rateLimit'];
}

/** Null when the request may go ahead; otherwise the whole seconds until it may (for `Retry-After`). */
export type RetryAfterSeconds = number | null;

function retryAfter(result: RateLimiterRes): number {
  return Math.max(1, Math.ceil(result.msBeforeNext / 1000));
}

// Counter keys name the e-mail by a hash, so Redis never holds addresses in key names.
function emailDigest(email: string): string {
  return createHash('sha256').update(email).digest('base64url').slice(0, 22);
}

/**
 * Counters behind the login and registration limits (rate-limiter-flexible: one atomic INCR-with-expiry script per
 * count on Redis, a Map in embedded mode). Login counts failures only, so successful logins are never throttled.
 * A Redis that cannot answer throws `SessionStoreUnavailableError`: the caller fails closed with 503.
 */
export class RateLimiterRepository {
  private readonly failuresPerEmailIp: RateLimiterAbstract;
  private readonly failuresPerIp: RateLimiterAbstract;
  private readonly registrationsPerIp: RateLimiterAbstract;

  constructor(options: RateLimiterOptions) {
    const { client, keyPrefix, limits } = options;
    const make = (name: string, points: number, duration: number): RateLimiterAbstract => {
      const common = { keyPrefix: `${keyPrefix}:${name}`, points, duration };
      return client ? new RateLimiterRedis({ ...common, storeClient: client }) : new RateLimiterMemory(common);
    };
    this.failuresPerEmailIp = make('login-email-ip', limits.loginFailuresPerEmailIp, limits.loginWindowSeconds);
    this.failuresPerIp = make('login-ip', limits.loginFailuresPerIp, limits.loginWindowSeconds);
    this.registrationsPerIp = make('register-ip', limits.registrationsPerIp, limits.registrationWindowSeconds);
  }

  /**
   * Whether a login for this pair may be attempted at all: checked before the password, so a blocked pair gets
   * 429 even with the right password (anything else would let an attacker keep guessing and learn the answer).
   */
  async loginBlockedFor(email: string, ip: string): Promise<RetryAfterSeconds> {
    const [pair, address] = await this.guard('rate-limit.get', () =>
      Promise.all([this.failuresPerEmailIp.get(`${emailDigest(email)}:${ip}`), this.failuresPerIp.get(ip)]),
    );
    const blocked = [
      pair && pair.consumedPoints >= this.failuresPerEmailIp.points ? retryAfter(pair) : 0,
      address && address.consumedPoints >= this.failuresPerIp.points ? retryAfter(address) : 0,
    ];
    const seconds = Math.max(...blocked);
    return seconds > 0 ? seconds : null;
  }

  /** Counts one failed login (unknown e-mail included) for the pair and for the address. */
  async recordLoginFailure(email: string, ip: string): Promise<void> {
    await this.guard('rate-limit.penalty', () =>
      Promise.all([this.failuresPerEmailIp.penalty(`${emailDigest(email)}:${ip}`), this.failuresPerIp.penalty(ip)]),
    );
  }

  /** Counts one registration attempt from `ip`; non-null when the limit was already reached. */
  async consumeRegistration(ip: string): Promise<RetryAfterSeconds> {
    try {
      await this.guard('rate-limit.consume', () => this.registrationsPerIp.consume(ip));
      return null;
    } catch (error) {
      if (error instanceof RateLimiterRes) return retryAfter(error);
      throw error;
    }
  }

  // rate-limiter-flexible rejects with a RateLimiterRes when a limit is hit and with an Error when the store fails.
  private async guard<T>(operation: string, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      if (error instanceof RateLimiterRes) throw error;
      throw new SessionStoreUnavailableError(operation, error);
    }
  }
}
