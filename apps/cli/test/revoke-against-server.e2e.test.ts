import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startRedisServer, type RedisServerHandle } from '@sessionops/testing';
import { randomBytes } from 'node:crypto';
import { runChild } from './support/capture-io.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';

interface Login {
  accessToken: string;
  sessionId: string;
  user: { id: string; email: string };
}

const PASSWORD = 'correct horse battery staple';

describe('sessionctl against a running server', () => {
  let redis: RedisServerHandle;
  let server: ServerProcess;

  const post = async (path: string, body: unknown): Promise<Login> => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBeLessThan(300);
    return (await response.json()) as Login;
  };
  const register = () =>
    post('/auth/register', { email: `op-${randomBytes(4).toString('hex')}@example.test`, password: PASSWORD });
  const login = (email: string) => post('/auth/login', { email, password: PASSWORD });
  const me = async (accessToken: string) => {
    const response = await fetch(`${server.url}/auth/me`, { headers: { authorization: `Bearer ${accessToken}` } });
    return { status: response.status, code: ((await response.json()) as { code?: string }).code };
  };
  const sessionctl = (...argv: string[]) => runChild([...argv, '--redis', redis.url]);

  beforeAll(async () => {
    redis = await startRedisServer();
    server = await startServerProcess({ REDIS_URL: redis.url });
  });

  afterAll(async () => {
    await server.stop();
    await redis.stop();
  });

  it('cuts one session off: the server refuses its access token on the very next request', async () => {
    const victim = await register();
    const bystander = await login(victim.user.email);
    expect((await me(victim.accessToken)).status).toBe(200);

    const run = await sessionctl('sessions', 'revoke', victim.sessionId, '--reason', 'laptop stolen');

    expect(run.exitCode).toBe(0);
    expect(await me(victim.accessToken)).toEqual({ status: 401, code: 'SESSION_REVOKED' });
    expect((await me(bystander.accessToken)).status).toBe(200);
  });

  it('cuts a whole account off and leaves other accounts alone', async () => {
    const account = await register();
    const other = await login(account.user.email);
    const stranger = await register();

    const run = await sessionctl('sessions', 'revoke', '--user', account.user.email);

    expect(run.exitCode).toBe(0);
    expect((await me(account.accessToken)).status).toBe(401);
    expect((await me(other.accessToken)).status).toBe(401);
    expect((await me(stranger.accessToken)).status).toBe(200);
  });

  it('revokes everything at once with --all, while new logins keep working afterwards', async () => {
    const before = await register();

    const run = await sessionctl('sessions', 'revoke', '--all', '--yes');
    const after = await login(before.user.email);

    expect(run.exitCode).toBe(0);
    // The command has also purged the old records by now, so the old session is not merely revoked but gone.
    expect(await me(before.accessToken)).toEqual({ status: 401, code: 'SESSION_NOT_FOUND' });
    expect((await me(after.accessToken)).status).toBe(200);
  });
});
