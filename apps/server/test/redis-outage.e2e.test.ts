import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startRedisServer, type RedisServerHandle } from '@sessionops/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { bearer, PASSWORD, register, uniqueEmail } from './support/accounts.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// With no offline queue a dead connection fails a command at once, and REDIS_COMMAND_TIMEOUT_MS (500) bounds one
// that hangs. 3 s is a generous ceiling for a loaded CI machine; the point is "seconds, not forever".
const FAIL_FAST_CEILING_MS = 3_000;
// Reconnection backs off to at most 1 s between attempts; 20 s leaves room for a slow restart.
const RECOVERY_CEILING_MS = 20_000;

async function timed<T>(action: () => PromiseLike<T>): Promise<{ result: T; elapsedMs: number }> {
  const startedAt = performance.now();
  const result = await action();
  return { result, elapsedMs: performance.now() - startedAt };
}

describe('a Redis outage', () => {
  let redis: RedisServerHandle;
  let test: TestApp;

  beforeAll(async () => {
    redis = await startRedisServer();
    test = await startTestApp({ REDIS_URL: redis.url, LOG_LEVEL: 'info' });
  });

  afterAll(async () => {
    await test.close();
    await redis.stop();
  });

  it('fails closed with 503 quickly while Redis is down, and recovers by itself when it returns', async () => {
    const account = await register(test);
    await test.http
      .get('/auth/me')
      .set(...bearer(account.accessToken))
      .expect(200);

    await redis.stop();

    const me = await timed(() => test.http.get('/auth/me').set(...bearer(account.accessToken)));
    expect(me.result.status).toBe(503);
    expect(me.result.body).toMatchObject({ statusCode: 503, code: 'STORE_UNAVAILABLE' });
    expect(me.result.headers['retry-after']).toBe('1');
    expect(me.elapsedMs).toBeLessThan(FAIL_FAST_CEILING_MS);
    const login = await timed(() =>
      test.http.post('/auth/login').send({ email: account.user.email, password: PASSWORD }),
    );
    expect(login.result.status).toBe(503);
    expect(login.elapsedMs).toBeLessThan(FAIL_FAST_CEILING_MS);
    await test.http.post('/auth/refresh').send({ refreshToken: account.refreshToken }).expect(503);
    await test.http.post('/auth/register').send({ email: uniqueEmail(), password: PASSWORD }).expect(503);
    await test.http.get('/health/ready').expect(503);
    await test.http.get('/health/live').expect(200);
    expect(test.logs.withEvent('redis.disconnected')).toHaveLength(1);

    await redis.start();

    const deadline = Date.now() + RECOVERY_CEILING_MS;
    while ((await test.http.get('/health/ready')).status !== 200) {
      if (Date.now() > deadline) throw new Error(`not ready ${RECOVERY_CEILING_MS} ms after Redis returned`);
      await sleep(100);
    }
    // The restarted Redis is empty: the old session is gone (401, not 503), and new accounts work again,
    // through Lua scripts that ioredis reloads after NOSCRIPT.
    const gone = await test.http
      .get('/auth/me')
      .set(...bearer(account.accessToken))
      .expect(401);
    expect(gone.body.code).toBe('SESSION_NOT_FOUND');
    const fresh = await register(test);
    await test.http
      .get('/auth/me')
      .set(...bearer(fresh.accessToken))
      .expect(200);
    await test.http.post('/auth/refresh').send({ refreshToken: fresh.refreshToken }).expect(200);
    expect(test.logs.withEvent('redis.reconnected')).toHaveLength(1);
  });

  it('answers 503 within the command timeout while Redis hangs, and carries on when it answers again', async () => {
    const account = await register(test);

    redis.pause();
    try {
      for (const probe of [
        () => test.http.get('/auth/me').set(...bearer(account.accessToken)),
        () => test.http.post('/auth/login').send({ email: account.user.email, password: PASSWORD }),
        () => test.http.post('/auth/refresh').send({ refreshToken: account.refreshToken }),
        () => test.http.get('/health/ready'),
      ]) {
        const answer = await timed(probe);
        expect(answer.result.status).toBe(503);
        expect(answer.elapsedMs).toBeLessThan(FAIL_FAST_CEILING_MS);
      }
    } finally {
      redis.resume();
    }

    await test.http
      .get('/auth/me')
      .set(...bearer(account.accessToken))
      .expect(200);
  });
});
