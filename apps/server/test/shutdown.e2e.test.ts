import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { once } from 'node:events';
import type { Redis } from '@sessionops/redis';
import { startRedisServer, type RedisServerHandle } from '@sessionops/testing';
import { REDIS_CLIENT } from '../src/app.tokens.js';
import { PasswordHasher } from '../src/repositories/password-hasher.repository.js';
import { PASSWORD, register } from './support/accounts.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('graceful shutdown', () => {
  let redis: RedisServerHandle;
  let test: TestApp;

  beforeAll(async () => {
    redis = await startRedisServer();
    test = await startTestApp({ REDIS_URL: redis.url, LOG_LEVEL: 'info' });
  });

  afterAll(async () => {
    await redis.stop();
  });

  it('finishes in-flight requests, then closes Redis', async () => {
    const account = await register(test);
    const client = test.app.get<Redis>(REDIS_CLIENT);

    // close() starts once the login is inside the server, verifying its password (argon2id, tens of ms).
    const hasher = test.app.get(PasswordHasher);
    const verify = hasher.verify.bind(hasher);
    const verifying = new Promise<void>((resolve) => {
      hasher.verify = (...args) => {
        resolve();
        return verify(...args);
      };
    });
    const pending = test.http
      .post('/auth/login')
      .send({ email: account.user.email, password: PASSWORD })
      .then((response) => response);
    await verifying;
    await test.close();

    expect((await pending).status).toBe(200);
    // QUIT was answered; the socket closes right after. A client left open would never get here (test timeout).
    if (client.status !== 'end') await once(client, 'end');
    expect(test.logs.withEvent('store.closed')).toHaveLength(1);
  });
});
