import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { UsersRepository } from '@sessionops/sessions';
import { startRedisServer, type RedisServerHandle } from '@sessionops/testing';
import { USERS_REPOSITORY } from '../src/app.tokens.js';
import { bearer, login, register, type AuthBody } from './support/accounts.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('admin routes on Redis', () => {
  let redis: RedisServerHandle;
  let test: TestApp;
  let users: UsersRepository;

  /** An account given the admin role (as the CLI would), logged in again so its token is fresh. */
  async function admin(): Promise<AuthBody> {
    const account = await register(test);
    await users.setRoles(account.user.id, ['user', 'admin']);
    return login(test, account.user.email);
  }

  beforeAll(async () => {
    redis = await startRedisServer();
    test = await startTestApp({ REDIS_URL: redis.url });
    users = test.app.get<UsersRepository>(USERS_REPOSITORY);
  });

  afterAll(async () => {
    await test.close();
    await redis.stop();
  });

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
