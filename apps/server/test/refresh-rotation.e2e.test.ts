import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateSessionId } from '@sessionops/sessions';
import { startRedisServer, type RedisServerHandle } from '@sessionops/testing';
import { RefreshTokenService } from '../src/services/refresh-token.service.js';
import { bearer, register } from './support/accounts.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const CONCURRENT_REFRESHES = 50;

// Default grace window (2000 ms): every replay below happens well inside it.
describe('POST /auth/refresh on Redis', () => {
  let redis: RedisServerHandle;
  let test: TestApp;

  beforeAll(async () => {
    redis = await startRedisServer();
    test = await startTestApp({ REDIS_URL: redis.url });
  });

  afterAll(async () => {
    await test.close();
    await redis.stop();
  });

  it(`turns ${CONCURRENT_REFRESHES} concurrent refreshes of one token into exactly one new token family`, async () => {
    const account = await register(test);

    const responses = await Promise.all(
      Array.from({ length: CONCURRENT_REFRESHES }, () =>
        test.http.post('/auth/refresh').send({ refreshToken: account.refreshToken }),
      ),
    );

    expect(responses.map((response) => response.status)).toEqual(Array(CONCURRENT_REFRESHES).fill(200));
    const refreshTokens = new Set(responses.map((response) => response.body.refreshToken as string));
    expect(refreshTokens.size).toBe(1);
    const [successor] = [...refreshTokens];
    expect(successor).not.toBe(account.refreshToken);
    expect(successor?.split('.')[1]).toBe('1');
    // Every answer carries a working access token for the same session.
    for (const response of responses.slice(0, 5)) {
      await test.http
        .get('/auth/me')
        .set(...bearer(response.body.accessToken))
        .expect(200);
    }

    const next = await test.http.post('/auth/refresh').send({ refreshToken: successor }).expect(200);
    expect(next.body.refreshToken.split('.')[1]).toBe('2');
    expect(next.body.sessionId).toBe(account.sessionId);
  });

  it('answers a replay of the previous token within the grace window with the same newest token', async () => {
    const account = await register(test);
    const first = await test.http.post('/auth/refresh').send({ refreshToken: account.refreshToken }).expect(200);

    const replay = await test.http.post('/auth/refresh').send({ refreshToken: account.refreshToken }).expect(200);

    expect(replay.body.refreshToken).toBe(first.body.refreshToken);
    expect(replay.body.accessToken).toEqual(expect.any(String));
    await test.http
      .get('/auth/me')
      .set(...bearer(account.accessToken))
      .expect(200);
  });

  it('answers 401 for refresh tokens that are malformed, forged or unknown, never 400', async () => {
    const account = await register(test);
    const [sid, generation, secret, mac] = account.refreshToken.split('.');
    const flipped = `${secret!.slice(0, -1)}${secret!.endsWith('A') ? 'B' : 'A'}`;
    // A genuine MAC (the test knows the secret) over a session that does not exist.
    const minted = test.app.get(RefreshTokenService).issue(generateSessionId('nobody'), 0);
    const candidates = [
      '',
      'garbage',
      `${sid}.${generation}.${flipped}.${mac}`,
      `${sid}.${Number(generation) + 1}.${secret}.${mac}`,
      minted.token,
      'x'.repeat(10_000),
    ];

    for (const refreshToken of candidates) {
      const response = await test.http.post('/auth/refresh').send({ refreshToken });
      expect({ refreshToken: refreshToken.slice(0, 20), status: response.status, code: response.body.code }).toEqual({
        refreshToken: refreshToken.slice(0, 20),
        status: 401,
        code: 'REFRESH_TOKEN_INVALID',
      });
    }
  });

  it('answers 400 when the body itself is wrong: a number, or a missing token', async () => {
    const number = await test.http.post('/auth/refresh').send({ refreshToken: 12345 }).expect(400);
    const missing = await test.http.post('/auth/refresh').send({}).expect(400);

    expect(number.body.code).toBe('VALIDATION_FAILED');
    expect(missing.body.message).toMatch(/refreshToken/);
  });

  it('refuses to refresh a session that was logged out', async () => {
    const account = await register(test);
    await test.http
      .post('/auth/logout')
      .set(...bearer(account.accessToken))
      .expect(204);

    const response = await test.http.post('/auth/refresh').send({ refreshToken: account.refreshToken }).expect(401);

    expect(response.body.code).toBe('SESSION_REVOKED');
  });
});
