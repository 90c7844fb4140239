import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { shortSessionId } from '@sessionops/sessions';
import { startRedisServer, type RedisServerHandle } from '@sessionops/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { bearer, register } from './support/accounts.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const GRACE_MS = 200;
// The grace decision is made on Redis TIME inside the script; waiting 300 ms past the window leaves room for the
// few milliseconds between this process's clock and the script's, even on a loaded machine.
const PAST_GRACE_MS = GRACE_MS + 300;

describe('refresh-token reuse detection on Redis', () => {
  let redis: RedisServerHandle;
  let test: TestApp;

  function refresh(refreshToken: string) {
    return test.http.post('/auth/refresh').send({ refreshToken });
  }

  beforeAll(async () => {
    redis = await startRedisServer();
    test = await startTestApp({
      REDIS_URL: redis.url,
      AUTH_REFRESH_REUSE_GRACE_MS: String(GRACE_MS),
      LOG_LEVEL: 'info',
    });
  });

  afterAll(async () => {
    await test.close();
    await redis.stop();
  });

  it('revokes the session when the previous token comes back after the grace window', async () => {
    const account = await register(test);
    const rotated = (await refresh(account.refreshToken)).body;
    await sleep(PAST_GRACE_MS);

    const replay = await refresh(account.refreshToken);

    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('REFRESH_TOKEN_REUSED');
    const me = await test.http
      .get('/auth/me')
      .set(...bearer(rotated.accessToken))
      .expect(401);
    expect(me.body.code).toBe('SESSION_REVOKED');
    const successor = await refresh(rotated.refreshToken);
    expect(successor.status).toBe(401);
    expect(successor.body.code).toBe('SESSION_REVOKED');
  });

  it('treats any older token as theft, even inside the grace window', async () => {
    const account = await register(test);
    const first = (await refresh(account.refreshToken)).body;
    const second = (await refresh(first.refreshToken)).body;

    const replay = await refresh(account.refreshToken);

    expect(replay.body.code).toBe('REFRESH_TOKEN_REUSED');
    await test.http
      .get('/auth/me')
      .set(...bearer(second.accessToken))
      .expect(401);
  });

  it('logs the detection at warn with the short session id and user id, and never a token', async () => {
    const account = await register(test);
    await refresh(account.refreshToken).expect(200);
    await sleep(PAST_GRACE_MS);
    await refresh(account.refreshToken).expect(401);

    const detections = test.logs
      .withEvent('session.reuse_detected')
      .filter((entry) => entry.userId === account.user.id);
    expect(detections).toEqual([
      expect.objectContaining({ level: 40, sid: shortSessionId(account.sessionId), reqId: expect.any(String) }),
    ]);
    const everything = test.logs.lines.join('\n');
    expect(everything).not.toContain(account.refreshToken);
    expect(everything).not.toContain(account.sessionId);
  });

  it('counts each detection once in both reuse and revocation metrics', async () => {
    const metrics = (await test.http.get('/metrics').expect(200)).text;

    // Three detections in this file so far, one per test above.
    expect(metrics).toMatch(/^session_reuse_detected_total 3$/m);
    expect(metrics).toMatch(/^sessions_revoked_total\{reason="reuse-detected"\} 3$/m);
  });
});
