import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startRedisServer, type RedisServerHandle } from '@sessionops/testing';
import { bearer, PASSWORD, uniqueEmail } from './support/accounts.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const WINDOW_SECONDS = 900;
const REGISTRATION_WINDOW_SECONDS = 3_600;

// TRUST_PROXY=loopback lets each test play a different client address through X-Forwarded-For, so the tests do
// not share counters. Small limits keep the number of argon2id hashes low.
describe('rate limits on Redis', () => {
  let redis: RedisServerHandle;
  let test: TestApp;

  const from = (ip: string) => ({
    register: (email: string) =>
      test.http.post('/auth/register').set('x-forwarded-for', ip).send({ email, password: PASSWORD }),
    login: (email: string, password = PASSWORD) =>
      test.http.post('/auth/login').set('x-forwarded-for', ip).send({ email, password }),
  });

  type Answer = { status: number; headers: Record<string, string>; body: { code: string } };

  function expectTooMany(response: Answer, windowSeconds = WINDOW_SECONDS) {
    expect(response.status).toBe(429);
    expect(response.body.code).toBe('TOO_MANY_ATTEMPTS');
    const retryAfter = Number(response.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  }

  beforeAll(async () => {
    redis = await startRedisServer();
    test = await startTestApp({
      REDIS_URL: redis.url,
      TRUST_PROXY: 'loopback',
      RATE_LIMIT_LOGIN_FAILURES_PER_EMAIL_IP: '3',
      RATE_LIMIT_LOGIN_FAILURES_PER_IP: '5',
      RATE_LIMIT_LOGIN_WINDOW_SECONDS: String(WINDOW_SECONDS),
      RATE_LIMIT_REGISTRATIONS_PER_IP: '2',
      RATE_LIMIT_REGISTRATION_WINDOW_SECONDS: String(REGISTRATION_WINDOW_SECONDS),
    });
  });

  afterAll(async () => {
    await test.close();
    await redis.stop();
  });

  it('blocks an (e-mail, address) pair after its failures, even with the right password, with Retry-After', async () => {
    const email = uniqueEmail();
    await from('10.0.1.1').register(email).expect(201);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await from('10.0.1.2').login(email, 'wrong password').expect(401);
    }

    expectTooMany(await from('10.0.1.2').login(email));
    await from('10.0.1.3').login(email).expect(200);
  });

  it('counts failures for an unknown e-mail the same way, so a 429 reveals nothing', async () => {
    const email = uniqueEmail('nobody');
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await from('10.0.2.1').login(email, 'wrong password').expect(401);
    }

    expectTooMany(await from('10.0.2.1').login(email));
  });

  it('blocks an address after its failures across e-mails', async () => {
    const email = uniqueEmail();
    await from('10.0.3.1').register(email).expect(201);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await from('10.0.3.2').login(uniqueEmail('guess'), 'wrong password').expect(401);
    }

    expectTooMany(await from('10.0.3.2').login(email));
  });

  it('does not count successful logins', async () => {
    const email = uniqueEmail();
    await from('10.0.4.1').register(email).expect(201);

    // Six successes from one address: more than either failure limit.
    for (let attempt = 0; attempt < 6; attempt += 1) await from('10.0.4.2').login(email).expect(200);

    await from('10.0.4.2').login(email, 'wrong password').expect(401);
  });

  it('limits registrations per address', async () => {
    await from('10.0.5.1').register(uniqueEmail()).expect(201);
    await from('10.0.5.1').register(uniqueEmail()).expect(201);

    expectTooMany(await from('10.0.5.1').register(uniqueEmail()), REGISTRATION_WINDOW_SECONDS);
    await from('10.0.5.2').register(uniqueEmail()).expect(201);
  });

  it('records the forwarded client address on the session when the proxy is trusted', async () => {
    const email = uniqueEmail();
    const registered = await from('203.0.113.9').register(email).expect(201);

    const sessions = await test.http
      .get('/sessions')
      .set(...bearer(registered.body.accessToken))
      .expect(200);

    expect(sessions.body[0].ip).toBe('203.0.113.9');
  });
});
