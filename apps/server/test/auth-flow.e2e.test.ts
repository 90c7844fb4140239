import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SESSION_ID_LENGTH, type UsersRepository } from '@sessionops/sessions';
import { startRedisServer, type RedisServerHandle } from '@sessionops/testing';
import { USERS_REPOSITORY } from '../src/app.tokens.js';
import { decodeJwt } from './support/forge-jwt.js';
import { bearer, login, PASSWORD, register, uniqueEmail, type AuthBody } from './support/accounts.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('auth API on Redis', () => {
  let redis: RedisServerHandle;
  let test: TestApp;
  let users: UsersRepository;

  /** An account with the admin role, logged in again so its token is fresh. */
  async function admin(): Promise<AuthBody> {
    const account = await register(test);
    await users.setRoles(account.user.id, ['user', 'admin']);
    return login(test, account.user.email);
  }

  beforeAll(async () => {
    redis = await startRedisServer();
    // Touch on every request, so lastSeenAt reflects use and eviction order can be steered.
    test = await startTestApp({ REDIS_URL: redis.url, SESSION_MAX_PER_USER: '3', SESSION_TOUCH_INTERVAL_SECONDS: '0' });
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

  describe('sessions of the caller', () => {
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

  describe('admin routes', () => {
    it('refuses a caller without the admin role with 403', async () => {
      const account = await register(test);

      const response = await test.http
        .get(`/admin/users/${account.user.id}/sessions`)
        .set(...bearer(account.accessToken))
        .expect(403);
      expect(response.body.code).toBe('FORBIDDEN');
    });

    it('lists a user’s sessions and revokes one, rejecting its access token on the next request', async () => {
      const operator = await admin();
      const victim = await register(test);

      const listed = await test.http
        .get(`/admin/users/${victim.user.id}/sessions`)
        .set(...bearer(operator.accessToken))
        .expect(200);
      expect(listed.body.map((session: { id: string }) => session.id)).toEqual([victim.sessionId]);

      await test.http
        .delete(`/admin/sessions/${victim.sessionId}`)
        .set(...bearer(operator.accessToken))
        .expect(204);

      const after = await test.http
        .get('/auth/me')
        .set(...bearer(victim.accessToken))
        .expect(401);
      expect(after.body.code).toBe('SESSION_REVOKED');
      await test.http
        .delete(`/admin/sessions/${victim.sessionId}`)
        .set(...bearer(operator.accessToken))
        .expect(404);
    });

    it('revokes every session of one user and no one else’s', async () => {
      const operator = await admin();
      const victim = await register(test);
      const victimAgain = await login(test, victim.user.email);
      const bystander = await register(test);

      await test.http
        .delete(`/admin/users/${victim.user.id}/sessions`)
        .set(...bearer(operator.accessToken))
        .expect(204);

      await test.http
        .get('/auth/me')
        .set(...bearer(victim.accessToken))
        .expect(401);
      await test.http
        .get('/auth/me')
        .set(...bearer(victimAgain.accessToken))
        .expect(401);
      await test.http
        .get('/auth/me')
        .set(...bearer(bystander.accessToken))
        .expect(200);
      await test.http
        .get('/auth/me')
        .set(...bearer(operator.accessToken))
        .expect(200);
    });

    it('answers 404 for an unknown user', async () => {
      const operator = await admin();

      const response = await test.http
        .get('/admin/users/no-such-user/sessions')
        .set(...bearer(operator.accessToken))
        .expect(404);
      expect(response.body.code).toBe('USER_NOT_FOUND');
    });

    it('checks the current roles, not the token’s claim: a removed role stops working at once', async () => {
      const operator = await admin();
      await test.http
        .get(`/admin/users/${operator.user.id}/sessions`)
        .set(...bearer(operator.accessToken))
        .expect(200);

      await users.setRoles(operator.user.id, ['user']);

      await test.http
        .get(`/admin/users/${operator.user.id}/sessions`)
        .set(...bearer(operator.accessToken))
        .expect(403);
    });
  });

  describe('metrics', () => {
    /** The value of one sample line of the exposition, 0 when absent. */
    async function sample(series: string): Promise<number> {
      const text = (await test.http.get('/metrics').expect(200)).text;
      const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
      return line ? Number(line.slice(series.length + 1)) : 0;
    }

    it('counts created and revoked sessions from store events, by reason', async () => {
      const createdBefore = await sample('sessions_created_total');
      const logoutsBefore = await sample('sessions_revoked_total{reason="logout"}');

      const account = await register(test);
      await test.http
        .post('/auth/logout')
        .set(...bearer(account.accessToken))
        .expect(204);

      expect(await sample('sessions_created_total')).toBe(createdBefore + 1);
      expect(await sample('sessions_revoked_total{reason="logout"}')).toBe(logoutsBefore + 1);
    });

    it('labels request durations by route template, never by the ids in the path', async () => {
      const account = await register(test);
      await test.http
        .get(`/admin/users/${account.user.id}/sessions`)
        .set(...bearer(account.accessToken))
        .expect(403);

      const metrics = (await test.http.get('/metrics').expect(200)).text;

      expect(metrics).toContain('route="/admin/users/:userId/sessions",status="403"');
      expect(metrics).not.toContain(account.user.id);
    });
  });
});
