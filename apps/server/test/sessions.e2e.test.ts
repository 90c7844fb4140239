import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startRedisServer, type RedisServerHandle } from '@sessionops/testing';
import { bearer, login, register } from './support/accounts.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe("the caller's sessions on Redis", () => {
  let redis: RedisServerHandle;
  let test: TestApp;

  beforeAll(async () => {
    redis = await startRedisServer();
    // Touch on every request, so lastSeenAt reflects use and eviction order can be steered.
    test = await startTestApp({ REDIS_URL: redis.url, SESSION_MAX_PER_USER: '3', SESSION_TOUCH_INTERVAL_SECONDS: '0' });
  });

  afterAll(async () => {
    await test.close();
    await redis.stop();
  });

  it('lists live sessions with ISO timestamps, the earlier expiry and the current one marked', async () => {
    const first = await register(test);
    const second = await login(test, first.user.email);

    const listed = await test.http
      .get('/sessions')
      .set(...bearer(second.accessToken))
      .expect(200);

    expect(listed.body).toHaveLength(2);
    const current = listed.body.find((session: { id: string }) => session.id === second.sessionId);
    expect(current).toEqual({
      id: second.sessionId,
      createdAt: expect.stringMatching(ISO_8601),
      lastSeenAt: expect.stringMatching(ISO_8601),
      expiresAt: expect.stringMatching(ISO_8601),
      ip: expect.any(String),
      userAgent: expect.any(String),
      current: true,
    });
    const other = listed.body.find((session: { id: string }) => session.id === first.sessionId);
    expect(other.current).toBe(false);
    // Idle TTL 14 days is earlier than the 30-day absolute cap: expiresAt is the idle expiry.
    const idleMs = Date.parse(current.expiresAt) - Date.parse(current.lastSeenAt);
    expect(idleMs).toBe(1_209_600_000);
  });

  it('revokes one own session by id, and answers 404 for a malformed id or anyone else’s session', async () => {
    const mine = await register(test);
    const other = await login(test, mine.user.email);
    const stranger = await register(test);

    await test.http
      .delete(`/sessions/${stranger.sessionId}`)
      .set(...bearer(mine.accessToken))
      .expect(404);
    const malformed = await test.http
      .delete('/sessions/not-a-session')
      .set(...bearer(mine.accessToken))
      .expect(404);
    expect(malformed.body.code).toBe('SESSION_NOT_FOUND');
    await test.http
      .get('/auth/me')
      .set(...bearer(stranger.accessToken))
      .expect(200);

    await test.http
      .delete(`/sessions/${other.sessionId}`)
      .set(...bearer(mine.accessToken))
      .expect(204);
    await test.http
      .get('/auth/me')
      .set(...bearer(other.accessToken))
      .expect(401);
    await test.http
      .delete(`/sessions/${other.sessionId}`)
      .set(...bearer(mine.accessToken))
      .expect(404);
  });

  it('revokes all other sessions of the caller and leaves other users untouched', async () => {
    const first = await register(test);
    const second = await login(test, first.user.email);
    const third = await login(test, first.user.email);
    const bystander = await register(test);

    await test.http
      .delete('/sessions')
      .set(...bearer(third.accessToken))
      .expect(204);

    await test.http
      .get('/auth/me')
      .set(...bearer(first.accessToken))
      .expect(401);
    await test.http
      .get('/auth/me')
      .set(...bearer(second.accessToken))
      .expect(401);
    await test.http
      .get('/auth/me')
      .set(...bearer(third.accessToken))
      .expect(200);
    await test.http
      .get('/auth/me')
      .set(...bearer(bystander.accessToken))
      .expect(200);
    const listed = await test.http
      .get('/sessions')
      .set(...bearer(third.accessToken))
      .expect(200);
    expect(listed.body.map((session: { id: string }) => session.id)).toEqual([third.sessionId]);
  });

  it('evicts the least recently used session when a login goes over SESSION_MAX_PER_USER (3)', async () => {
    const first = await register(test);
    const second = await login(test, first.user.email);
    const third = await login(test, first.user.email);
    // Using the oldest session makes the second one the least recently used.
    await test.http
      .get('/auth/me')
      .set(...bearer(first.accessToken))
      .expect(200);

    const fourth = await login(test, first.user.email);

    const evicted = await test.http
      .get('/auth/me')
      .set(...bearer(second.accessToken))
      .expect(401);
    expect(evicted.body.code).toBe('SESSION_REVOKED');
    for (const kept of [first, third, fourth]) {
      await test.http
        .get('/auth/me')
        .set(...bearer(kept.accessToken))
        .expect(200);
    }
    const listed = await test.http
      .get('/sessions')
      .set(...bearer(fourth.accessToken))
      .expect(200);
    expect(listed.body).toHaveLength(3);
  });
});
