import { describe, expect, it } from '@jest/globals';
import { createRedisClient, runScript, waitUntilReady } from '@sessionops/redis';
import { RedisSessionStore, type SessionStoreOptions } from '@sessionops/sessions';
import { useRedisHarness } from '@sessionops/testing';
import { sessionStoreContract } from './session-store.contract.js';
import { hashOf, newRefreshToken, newUserId, sessionInput, sleep } from './support/session-fixtures.js';

describe(RedisSessionStore.name, () => {
  const redis = useRedisHarness();
  const storeWith = (options: SessionStoreOptions = {}) => {
    const keyspace = redis.freshKeyspace();
    return { store: new RedisSessionStore({ client: redis.client, keyspace, ...options }), keyspace };
  };

  sessionStoreContract(async (options) => storeWith(options).store);

  describe('key layout', () => {
    it('stores a session as a hash with only the refresh hash, indexed by lastSeenAt under an index that outlives it', async () => {
      const { store, keyspace } = storeWith({ idleTtlSeconds: 100, maxLifetimeSeconds: 1000 });
      const userId = newUserId();
      const { input, refreshToken } = sessionInput(userId);

      const { session } = await store.create(input);

      const hash = await redis.client.hgetall(keyspace.session(session.id));
      expect(hash).toEqual({
        userId,
        createdAt: String(session.createdAt),
        lastSeenAt: String(session.createdAt),
        idleExpiresAt: String(session.idleExpiresAt),
        absoluteExpiresAt: String(session.absoluteExpiresAt),
        ip: input.ip,
        userAgent: input.userAgent,
        refreshHash: hashOf(refreshToken),
        generation: '0',
      });
      expect(JSON.stringify(hash)).not.toContain(refreshToken);
      expect(await redis.client.zscore(keyspace.userSessions(userId), session.id)).toBe(String(session.lastSeenAt));
      const sessionTtl = await redis.client.pttl(keyspace.session(session.id));
      // The key expires with the idle lifetime (100 s); a second covers the time since creation.
      expect(sessionTtl).toBeGreaterThan(99_000);
      expect(await redis.client.pttl(keyspace.userSessions(userId))).toBeGreaterThanOrEqual(sessionTtl);
    });

    it('raises the index TTL when activity extends a session beyond it', async () => {
      const { store, keyspace } = storeWith({ idleTtlSeconds: 2, touchIntervalSeconds: 0 });
      const userId = newUserId();
      const { session } = await store.create(sessionInput(userId).input);
      await sleep(500);

      await store.authenticate(session.id, userId);

      const sessionTtl = await redis.client.pttl(keyspace.session(session.id));
      const indexTtl = await redis.client.pttl(keyspace.userSessions(userId));
      // The touch moved the session's expiry 0.5 s later than at creation, past the index's first TTL.
      expect(sessionTtl).toBeGreaterThan(1500);
      expect(indexTtl).toBeGreaterThanOrEqual(sessionTtl);
    });

    it('keeps the encrypted newest token only for the grace window, and drops it with the refresh hashes on revoke', async () => {
      const { store, keyspace } = storeWith({ refreshReuseGraceMs: 5000, tombstoneTtlSeconds: 900 });
      const userId = newUserId();
      const { input, refreshToken } = sessionInput(userId);
      await store.create(input);
      const nextToken = newRefreshToken();
      const rotation = { presentedHash: hashOf(refreshToken), presentedGeneration: 0, nextHash: hashOf(nextToken) };
      await store.rotateRefreshToken({ sessionId: input.id, ...rotation, nextTokenCiphertext: 'sealed' });

      expect(await redis.client.get(keyspace.refreshGrace(input.id))).toBe('sealed');
      const graceTtl = await redis.client.pttl(keyspace.refreshGrace(input.id));
      expect(graceTtl).toBeGreaterThan(0);
      expect(graceTtl).toBeLessThanOrEqual(5000);
      expect(await redis.client.hget(keyspace.session(input.id), 'prevRefreshHash')).toBe(hashOf(refreshToken));

      await store.revoke(input.id, 'logout');

      const tombstone = await redis.client.hgetall(keyspace.session(input.id));
      expect(tombstone).toMatchObject({ revokedReason: 'logout', generation: '1' });
      expect(tombstone).not.toHaveProperty('refreshHash');
      expect(tombstone).not.toHaveProperty('prevRefreshHash');
      expect(await redis.client.exists(keyspace.refreshGrace(input.id))).toBe(0);
      expect(await redis.client.exists(keyspace.userSessions(userId))).toBe(0);
      // The tombstone lives for tombstoneTtlSeconds (900 s); a second covers the time since the revocation.
      expect(await redis.client.pttl(keyspace.session(input.id))).toBeGreaterThan(899_000);
    });

    it('purges old records together with their grace tokens and index entries', async () => {
      const { store, keyspace } = storeWith();
      const userId = newUserId();
      const { input, refreshToken } = sessionInput(userId);
      await store.create(input);
      const rotation = { presentedHash: hashOf(refreshToken), presentedGeneration: 0, nextHash: hashOf('next') };
      await store.rotateRefreshToken({ sessionId: input.id, ...rotation, nextTokenCiphertext: 'sealed' });
      const notBefore = await store.revokeEverything();

      expect(await store.purgeBefore(notBefore, { batchSize: 10 })).toBe(1);

      const keys = [keyspace.session(input.id), keyspace.refreshGrace(input.id), keyspace.userSessions(userId)];
      expect(await redis.client.exists(...keys)).toBe(0);
    });

    it('scans session records only, never grace tokens', async () => {
      const { store } = storeWith();
      const { input, refreshToken } = sessionInput(newUserId());
      await store.create(input);
      const rotation = { presentedHash: hashOf(refreshToken), presentedGeneration: 0, nextHash: hashOf('next') };
      await store.rotateRefreshToken({ sessionId: input.id, ...rotation, nextTokenCiphertext: 'sealed' });

      expect(await store.count()).toBe(1);
    });
  });

  describe('scripts', () => {
    it('loads its scripts again, transparently, after Redis forgot them (NOSCRIPT)', async () => {
      const { store } = storeWith();
      const userId = newUserId();
      const { session } = await store.create(sessionInput(userId).input);
      expect((await store.authenticate(session.id, userId)).ok).toBe(true);

      await redis.client.script('FLUSH');

      expect((await store.authenticate(session.id, userId)).ok).toBe(true);
      expect((await store.create(sessionInput(userId).input)).evictedSessionIds).toEqual([]);
      expect(await store.revoke(session.id, 'logout')).toBe(true);
    });

    it('refuses to act on an index that changed after it was read, naming the members it holds now', async () => {
      const { store, keyspace } = storeWith();
      const userId = newUserId();
      const { session } = await store.create(sessionInput(userId).input);
      const { input } = sessionInput(userId);
      const keys = [keyspace.userSessions(userId), keyspace.session(input.id)];
      const args = [input.id, userId, input.ip, input.userAgent, input.refreshTokenHash, 60_000, 60_000, 10, 60_000];

      // The caller read the index before `session` was added, so it passes no member keys at all.
      const reply = await runScript(redis.client, 'sessionopsCreateSession', keys, args);

      expect(reply).toEqual(['stale', session.id]);
      expect(await store.get(input.id)).toBeNull();
    });

    it('keeps the cap when two processes create sessions for one user at the same time', async () => {
      const otherClient = createRedisClient({ url: redis.server.url });
      await waitUntilReady(otherClient, 10_000, redis.server.url);
      const keyspace = redis.freshKeyspace();
      const options = { keyspace, maxPerUser: 5 };
      const stores = [
        new RedisSessionStore({ client: redis.client, ...options }),
        new RedisSessionStore({ client: otherClient, ...options }),
      ];
      const userId = newUserId();

      try {
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, index) => stores[index % 2].create(sessionInput(userId).input)),
        );

        const evicted = results.flatMap((result) => result.evictedSessionIds);
        expect(evicted).toHaveLength(15);
        expect(new Set(evicted).size).toBe(15);
        expect(await stores[0].countForUser(userId)).toBe(5);
        expect(await redis.client.zcard(keyspace.userSessions(userId))).toBe(5);
      } finally {
        otherClient.disconnect();
      }
    });
  });
});
