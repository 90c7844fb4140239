import { describe, expect, it } from '@jest/globals';
import { waitUntilReady } from '@sessionops/redis';
import { useRedisHarness } from '@sessionops/testing';
import {
  RedisSessionStore,
  RedisUsersRepository,
  SessionStoreUnavailableError,
  generateSessionId,
} from '@sessionops/sessions';
import { collect, newUserId, sessionInput } from './support/session-fixtures.js';

// The client gives up on a command after 500 ms (createRedisClient's default) and refuses at once while
// disconnected. Two seconds leaves room for a loaded machine while still telling "fails fast" from "hangs
// until the server is back" (which would never answer here) or "waits for a reconnect loop".
const FAIL_FAST_BOUND_MS = 2000;

// A restarted private server accepts connections within a second or two; this only bounds a broken environment.
const RECOVERY_TIMEOUT_MS = 15_000;

describe(`${RedisSessionStore.name} while Redis is down`, () => {
  const redis = useRedisHarness();

  it('rejects every method with SessionStoreUnavailableError, quickly, and works again once Redis is back', async () => {
    const keyspace = redis.freshKeyspace();
    const store = new RedisSessionStore({ client: redis.client, keyspace });
    const users = new RedisUsersRepository({ client: redis.client, keyspace });
    const userId = newUserId();
    const { session } = await store.create(sessionInput(userId).input);
    const sessionId = generateSessionId(userId);
    const rotation = { sessionId, presentedHash: 'a', presentedGeneration: 0, nextHash: 'b', nextTokenCiphertext: 'c' };
    const calls: Record<string, () => Promise<unknown>> = {
      create: () => store.create(sessionInput(userId).input),
      get: () => store.get(session.id),
      authenticate: () => store.authenticate(session.id, userId),
      rotateRefreshToken: () => store.rotateRefreshToken(rotation),
      revoke: () => store.revoke(session.id, 'logout'),
      revokeAllForUser: () => store.revokeAllForUser(userId, 'admin'),
      revokeEverything: () => store.revokeEverything(),
      notBefore: () => store.notBefore(),
      purgeBefore: () => store.purgeBefore(0),
      listForUser: () => store.listForUser(userId),
      countForUser: () => store.countForUser(userId),
      scan: () => collect(store.scan()),
      count: () => store.count(),
      now: () => store.now(),
      ping: () => store.ping(),
      'users.create': () => users.create({ email: 'down@example.test', displayName: 'Down', passwordHash: 'x' }),
      'users.findById': () => users.findById(userId),
      'users.findByEmail': () => users.findByEmail('down@example.test'),
      'users.setRoles': () => users.setRoles(userId, ['admin']),
      'users.count': () => users.count(),
    };

    await redis.server.stop();

    const outcomes = [];
    for (const [name, call] of Object.entries(calls)) {
      const started = performance.now();
      const error = await call().then(
        () => undefined,
        (rejection: unknown) => rejection,
      );
      const elapsedMs = performance.now() - started;
      outcomes.push({
        name,
        unavailable: error instanceof SessionStoreUnavailableError,
        fast: elapsedMs < FAIL_FAST_BOUND_MS,
      });
    }
    expect(outcomes).toEqual(Object.keys(calls).map((name) => ({ name, unavailable: true, fast: true })));

    await redis.server.start();
    await waitUntilReady(redis.client, RECOVERY_TIMEOUT_MS, redis.server.url);

    // The restarted server is empty and knows no scripts: they are sent again without any error reaching us.
    const { session: fresh } = await store.create(sessionInput(userId).input);
    expect(await store.authenticate(fresh.id, userId)).toEqual({ ok: true, session: fresh });
    expect(await store.authenticate(session.id, userId)).toEqual({ ok: false, reason: 'not-found' });
  });
});
