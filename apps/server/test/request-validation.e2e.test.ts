import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startRedisServer, type RedisServerHandle } from '@sessionops/testing';
import { KeyRing } from '../src/repositories/key-ring.repository.js';
import { bearer, PASSWORD, register, uniqueEmail, type AuthBody } from './support/accounts.js';
import { decodeJwt, forgeJwt } from './support/forge-jwt.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('request validation and forged credentials on Redis', () => {
  let redis: RedisServerHandle;
  let test: TestApp;
  let account: AuthBody;

  beforeAll(async () => {
    redis = await startRedisServer();
    test = await startTestApp({ REDIS_URL: redis.url });
    account = await register(test);
  });

  afterAll(async () => {
    await test.close();
    await redis.stop();
  });

  describe('bodies', () => {
    it('answers malformed JSON with 400 INVALID_JSON in the standard error shape', async () => {
      const response = await test.http
        .post('/auth/login')
        .set('content-type', 'application/json')
        .send('{"email": "ada@example.com", ')
        .expect(400);

      expect(response.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'The request body is not valid JSON',
        code: 'INVALID_JSON',
      });
    });

    it('answers a body over HTTP_MAX_BODY_BYTES (100 kB) with 413', async () => {
      const response = await test.http
        .post('/auth/register')
        .send({ email: uniqueEmail(), password: PASSWORD, displayName: 'x'.repeat(100_001) })
        .expect(413);

      expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('rejects unknown fields with 400 naming them', async () => {
      const response = await test.http
        .post('/auth/register')
        .send({ email: uniqueEmail(), password: PASSWORD, isAdmin: true })
        .expect(400);

      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.message).toMatch(/isAdmin should not exist/);
    });

    it('never coerces: a number is not a password', async () => {
      const response = await test.http
        .post('/auth/login')
        .send({ email: account.user.email, password: 12345678 })
        .expect(400);

      expect(response.body.message).toMatch(/password must be a string/);
    });

    it('names every invalid field in one message', async () => {
      const response = await test.http
        .post('/auth/register')
        .send({ email: 'not-an-email', password: 'short', displayName: '' })
        .expect(400);

      expect(response.body.message).toMatch(/email/);
      expect(response.body.message).toMatch(/password must be longer than or equal to 8/);
      expect(response.body.message).toMatch(/displayName/);
    });

    it('rejects a password over 128 characters', async () => {
      await test.http
        .post('/auth/register')
        .send({ email: uniqueEmail(), password: 'p'.repeat(129) })
        .expect(400);
    });

    it('answers unknown routes with 404 in the standard shape', async () => {
      const response = await test.http.get('/no/such/thing').expect(404);

      expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found', code: 'NOT_FOUND' });
    });
  });

  describe('forged access tokens', () => {
    const kid = () => new KeyRing(test.config.jwt.secrets).current.kid;
    const claims = (overrides: Record<string, unknown> = {}) => ({
      ...decodeJwt(account.accessToken).claims,
      ...overrides,
    });
    const key = () => new KeyRing(test.config.jwt.secrets).current.accessTokenKey;

    async function expect401(token: string, code = 'TOKEN_INVALID'): Promise<void> {
      const response = await test.http.get('/auth/me').set(...bearer(token));
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 401, code });
    }

    it('accepts the genuine token, so the forgeries below fail for their forgery alone', async () => {
      await test.http
        .get('/auth/me')
        .set(...bearer(account.accessToken))
        .expect(200);
      await test.http
        .get('/auth/me')
        .set(...bearer(forgeJwt({ alg: 'HS256', typ: 'JWT', kid: kid() }, claims(), key())))
        .expect(200);
    });

    it('rejects alg none', async () => {
      await expect401(forgeJwt({ alg: 'none', typ: 'JWT', kid: kid() }, claims()));
      await expect401(forgeJwt({ alg: 'none', typ: 'JWT' }, claims()));
    });

    it('rejects a token signed with another key, under our kid or none', async () => {
      await expect401(forgeJwt({ alg: 'HS256', kid: kid() }, claims(), 'k'.repeat(48)));
      await expect401(forgeJwt({ alg: 'HS256' }, claims(), 'k'.repeat(48)));
    });

    it('rejects a stripped signature', async () => {
      const [header, payload] = account.accessToken.split('.');

      await expect401(`${header}.${payload}.`);
      await expect401(`${header}.${payload}`);
    });

    it('rejects an expired token', async () => {
      const past = Math.floor(Date.now() / 1000) - 3600;

      await expect401(
        forgeJwt({ alg: 'HS256', kid: kid() }, claims({ iat: past, exp: past + 900 }), key()),
        'TOKEN_EXPIRED',
      );
    });

    it('rejects a token for another audience or issuer', async () => {
      await expect401(forgeJwt({ alg: 'HS256', kid: kid() }, claims({ aud: 'someone-else' }), key()));
      await expect401(forgeJwt({ alg: 'HS256', kid: kid() }, claims({ iss: 'someone-else' }), key()));
    });

    it('rejects a genuine signature over a session of another user', async () => {
      const other = await register(test);

      await expect401(forgeJwt({ alg: 'HS256', kid: kid() }, claims({ sid: other.sessionId }), key()));
    });

    it('rejects a missing or non-bearer Authorization header', async () => {
      const missing = await test.http.get('/auth/me').expect(401);
      const basic = await test.http.get('/auth/me').set('authorization', 'Basic YWRhOnB3').expect(401);

      expect(missing.body.code).toBe('TOKEN_MISSING');
      expect(basic.body.code).toBe('TOKEN_MISSING');
    });
  });
});
