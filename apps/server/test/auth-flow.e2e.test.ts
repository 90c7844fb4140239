import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SESSION_ID_LENGTH, type UsersRepository } from '@sessionops/sessions';
import { startRedisServer, type RedisServerHandle } from '@sessionops/testing';
import { USERS_REPOSITORY } from '../src/app.tokens.js';
import { decodeJwt } from './support/forge-jwt.js';
import { bearer, login, PASSWORD, register, uniqueEmail } from './support/accounts.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('auth API on Redis', () => {
  let redis: RedisServerHandle;
  let test: TestApp;
  let users: UsersRepository;

  beforeAll(async () => {
    redis = await startRedisServer();
    test = await startTestApp({ REDIS_URL: redis.url });
    users = test.app.get<UsersRepository>(USERS_REPOSITORY);
  });

  afterAll(async () => {
    await test.close();
    await redis.stop();
  });

  it('answers readiness with the Redis store', async () => {
    expect((await test.http.get('/health/ready').expect(200)).body).toEqual({ status: 'ok', store: 'redis' });
  });

  describe('register → login → me → refresh → logout', () => {
    it('walks the whole flow with the documented shapes', async () => {
      const email = uniqueEmail('Flow');
      const registered = await test.http
        .post('/auth/register')
        .send({ email: `  ${email.toUpperCase()} `, password: PASSWORD, displayName: 'Ada Lovelace' })
        .expect(201);
      expect(registered.body).toEqual({
        user: {
          id: expect.any(String),
          email: email.toLowerCase(),
          displayName: 'Ada Lovelace',
          roles: ['user'],
          createdAt: expect.stringMatching(ISO_8601),
        },
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        sessionId: expect.stringMatching(new RegExp(`^[A-Za-z0-9_-]{${SESSION_ID_LENGTH}}$`)),
        expiresIn: 900,
      });
      const { claims, header } = decodeJwt(registered.body.accessToken);
      expect(header).toMatchObject({ alg: 'HS256', kid: expect.any(String) });
      expect(claims).toMatchObject({ sub: registered.body.user.id, sid: registered.body.sessionId });
      expect(claims).toMatchObject({ iss: 'sessionops', aud: 'sessionops-api', roles: ['user'] });

      const loggedIn = await login(test, email);
      expect(loggedIn.user).toEqual(registered.body.user);
      expect(loggedIn.sessionId).not.toBe(registered.body.sessionId);

      const me = await test.http
        .get('/auth/me')
        .set(...bearer(loggedIn.accessToken))
        .expect(200);
      expect(me.body).toEqual({
        id: registered.body.user.id,
        email: email.toLowerCase(),
        displayName: 'Ada Lovelace',
        roles: ['user'],
        sessionId: loggedIn.sessionId,
      });

      const refreshed = await test.http.post('/auth/refresh').send({ refreshToken: loggedIn.refreshToken }).expect(200);
      expect(refreshed.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        sessionId: loggedIn.sessionId,
        expiresIn: 900,
      });
      expect(refreshed.body.refreshToken).not.toBe(loggedIn.refreshToken);
      await test.http
        .get('/auth/me')
        .set(...bearer(refreshed.body.accessToken))
        .expect(200);

      await test.http
        .post('/auth/logout')
        .set(...bearer(refreshed.body.accessToken))
        .expect(204);
      // The other session (from registration) is untouched by this logout.
      await test.http
        .get('/auth/me')
        .set(...bearer(registered.body.accessToken))
        .expect(200);
    });

    it('rejects the access token on the very next request after logout', async () => {
      const account = await register(test);
      await test.http
        .get('/auth/me')
        .set(...bearer(account.accessToken))
        .expect(200);

      await test.http
        .post('/auth/logout')
        .set(...bearer(account.accessToken))
        .expect(204);

      const after = await test.http
        .get('/auth/me')
        .set(...bearer(account.accessToken))
        .expect(401);
      expect(after.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: expect.any(String),
        code: 'SESSION_REVOKED',
      });
      const refresh = await test.http.post('/auth/refresh').send({ refreshToken: account.refreshToken }).expect(401);
      expect(refresh.body.code).toBe('SESSION_REVOKED');
    });

    it('answers 401 with one message for an unknown e-mail and for a wrong password', async () => {
      const account = await register(test);

      const wrong = await test.http.post('/auth/login').send({ email: account.user.email, password: 'nope-nope' });
      const unknown = await test.http.post('/auth/login').send({ email: uniqueEmail(), password: PASSWORD });

      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    });

    it('defaults the display name to the part of the e-mail before the @', async () => {
      const account = await register(test, 'grace.hopper@example.test');

      expect(account.user.displayName).toBe('grace.hopper');
    });
  });

  describe('registration races', () => {
    it('makes exactly one account when one e-mail registers twice at once', async () => {
      const email = uniqueEmail('race');

      const responses = await Promise.all(
        [0, 1].map(() => test.http.post('/auth/register').send({ email, password: PASSWORD })),
      );

      expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
      const conflict = responses.find((response) => response.status === 409);
      expect(conflict?.body.code).toBe('EMAIL_TAKEN');
      const winner = responses.find((response) => response.status === 201);
      expect((await users.findByEmail(email))?.id).toBe(winner?.body.user.id);
    });
  });
});
