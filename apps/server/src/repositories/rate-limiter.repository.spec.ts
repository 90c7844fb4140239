import { describe, expect, it } from '@jest/globals';
import { SessionStoreUnavailableError } from '@sessionops/sessions';
import { findFreePort } from '@sessionops/testing';
import { Redis } from 'ioredis';
import { RateLimiterRepository } from './rate-limiter.repository.js';

const limits = {
  loginFailuresPerEmailIp: 3,
  loginFailuresPerIp: 5,
  loginWindowSeconds: 60,
  registrationsPerIp: 2,
  registrationWindowSeconds: 60,
};

// The Redis variant is covered end to end against a real redis-server (test/rate-limit.e2e.test.ts); these
// tests pin the counting rules on the in-memory variant, which shares them.
describe(RateLimiterRepository.name, () => {
  describe('loginBlockedFor', () => {
    it('blocks a pair once its failures reach the limit, with a retry delay within the window', async () => {
      const limiter = new RateLimiterRepository({ client: null, keyPrefix: 'test', limits });
      for (let attempt = 0; attempt < 3; attempt += 1) {
        expect(await limiter.loginBlockedFor('ada@example.com', '10.0.0.1')).toBeNull();
        await limiter.recordLoginFailure('ada@example.com', '10.0.0.1');
      }

      const seconds = await limiter.loginBlockedFor('ada@example.com', '10.0.0.1');
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThanOrEqual(60);
      expect(await limiter.loginBlockedFor('ada@example.com', '10.0.0.2')).toBeNull();
      expect(await limiter.loginBlockedFor('bob@example.com', '10.0.0.1')).toBeNull();
    });

    it('blocks an address whose failures across e-mails reach the per-address limit', async () => {
      const limiter = new RateLimiterRepository({ client: null, keyPrefix: 'test', limits });
      for (let attempt = 0; attempt < 5; attempt += 1) {
        await limiter.recordLoginFailure(`user${attempt}@example.com`, '10.0.0.9');
      }

      expect(await limiter.loginBlockedFor('fresh@example.com', '10.0.0.9')).toBeGreaterThan(0);
      expect(await limiter.loginBlockedFor('fresh@example.com', '10.0.0.10')).toBeNull();
    });
  });

  describe('consumeRegistration', () => {
    it('allows the configured number of registrations per address, then reports the delay', async () => {
      const limiter = new RateLimiterRepository({ client: null, keyPrefix: 'test', limits });

      expect(await limiter.consumeRegistration('10.0.0.1')).toBeNull();
      expect(await limiter.consumeRegistration('10.0.0.1')).toBeNull();
      expect(await limiter.consumeRegistration('10.0.0.1')).toBeGreaterThan(0);
      expect(await limiter.consumeRegistration('10.0.0.2')).toBeNull();
    });
  });

  it('reports an unreachable Redis as an unavailable store', async () => {
    // Nothing listens on a fresh free port, and without an offline queue every command fails at once.
    const port = await findFreePort();
    const client = new Redis({ port, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    const limiter = new RateLimiterRepository({ client, keyPrefix: 'test', limits });

    await expect(limiter.loginBlockedFor('ada@example.com', '10.0.0.1')).rejects.toBeInstanceOf(
      SessionStoreUnavailableError,
    );
    await expect(limiter.consumeRegistration('10.0.0.1')).rejects.toBeInstanceOf(SessionStoreUnavailableError);
    client.disconnect();
  });
});
