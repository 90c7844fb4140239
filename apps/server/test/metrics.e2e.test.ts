import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startRedisServer, type RedisServerHandle } from '@sessionops/testing';
import { bearer, register } from './support/accounts.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('metrics on Redis', () => {
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
