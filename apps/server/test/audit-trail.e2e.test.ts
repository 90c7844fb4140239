import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditReader } from '@sessionops/audit';
import { createRedisClient, RedisKeyspace, waitUntilReady, type Redis } from '@sessionops/redis';
import { startRedisServer, type RedisServerHandle } from '@sessionops/testing';
import { bearer, login, register } from './support/accounts.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Audit writes are fire-and-forget on the server's connection; read until `count` entries of a session arrive. */
async function entriesOf(reader: AuditReader, sessionId: string, count: number) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const entries = (await reader.latest(100)).filter((entry) => entry.sessionId === sessionId);
    if (entries.length >= count || Date.now() > deadline) return entries;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the audit trail written by the server', () => {
  let redis: RedisServerHandle;
  let client: Redis;
  let reader: AuditReader;
  let test: TestApp;

  beforeAll(async () => {
    redis = await startRedisServer();
    test = await startTestApp({ REDIS_URL: redis.url });
    client = createRedisClient({ url: redis.url });
    await waitUntilReady(client, 5_000, redis.url);
    reader = new AuditReader({ client, keyspace: new RedisKeyspace(test.config.redis.keyPrefix) });
  });

  afterAll(async () => {
    client.disconnect();
    await test.close();
    await redis.stop();
  });

  it('records a login and a logout of a session with who asked for it', async () => {
    const account = await register(test);
    const second = await login(test, account.user.email);
    await test.http
      .post('/auth/logout')
      .set(...bearer(second.accessToken))
      .expect(204);

    const entries = await entriesOf(reader, second.sessionId, 2);

    expect(entries.map((entry) => entry.type)).toEqual(['created', 'revoked']);
    expect(entries[1]).toMatchObject({ reason: 'logout', userId: account.user.id, actor: { kind: 'user' } });
  });

  it('leaves routine refreshes out of the stream by default', async () => {
    const account = await register(test);
    await test.http.post('/auth/refresh').send({ refreshToken: account.refreshToken }).expect(200);
    await test.http
      .post('/auth/logout')
      .set(...bearer(account.accessToken))
      .expect(204);

    // The logout's entry arriving proves the refresh before it had its chance to be written too.
    const entries = await entriesOf(reader, account.sessionId, 2);

    expect(entries.map((entry) => entry.type)).toEqual(['created', 'revoked']);
  });
});
