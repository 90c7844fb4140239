import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startRedisServer, type RedisServerHandle } from '@sessionops/testing';
import type { RoleChange, UserView } from '../src/services/user-admin.service.js';
import { runInProcess } from './support/capture-io.js';
import { connectServerSide, createSession, createUser, type ServerSide } from './support/seed.js';

describe('sessionctl users', () => {
  let redis: RedisServerHandle;
  let side: ServerSide;

  beforeAll(async () => {
    redis = await startRedisServer();
    side = await connectServerSide(redis.url);
    const ada = await createUser(side, 'ada@example.com');
    await createSession(side, ada.id);
  });

  afterAll(async () => {
    await side.close();
    await redis.stop();
  });

  const cli = (...argv: string[]) => runInProcess([...argv, '--redis', redis.url]);

  it('shows an account without its password hash', async () => {
    const run = await cli('users', 'show', 'Ada@Example.com', '--json');

    expect(run.exitCode).toBe(0);
    const user = JSON.parse(run.stdout) as UserView;
    expect(user).toMatchObject({ email: 'ada@example.com', displayName: 'ada', roles: ['user'], liveSessions: 1 });
    expect(run.stdout).not.toMatch(/password|placeholder/i);
  });

  it('makes the first admin, then reports the role as already there', async () => {
    const first = await cli('users', 'set-role', 'ada@example.com', 'admin', '--json');
    const second = await cli('users', 'set-role', 'ada@example.com', 'admin');

    expect((JSON.parse(first.stdout) as RoleChange).change).toBe('added');
    expect(second.stdout).toBe('ada@example.com already has role admin; roles: user, admin\n');
    expect((await side.users.findByEmail('ada@example.com'))?.roles).toEqual(['user', 'admin']);
  });

  it('takes a role away with --remove', async () => {
    await cli('users', 'set-role', 'ada@example.com', 'auditor');

    const run = await cli('users', 'set-role', 'ada@example.com', 'auditor', '--remove');

    expect(run.stdout).toMatch(/^removed role auditor from ada@example.com/);
    expect((await side.users.findByEmail('ada@example.com'))?.roles).not.toContain('auditor');
  });

  it('answers an unknown e-mail with exit 1 and USER_NOT_FOUND', async () => {
    const run = await cli('users', 'show', 'nobody@example.com', '--json');

    expect(run.exitCode).toBe(1);
    expect(JSON.parse(run.stdout).error.code).toBe('USER_NOT_FOUND');
  });

  it('rejects a malformed role with exit 2', async () => {
    const run = await cli('users', 'set-role', 'ada@example.com', 'Super User!');

    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/role "Super User!" is not valid/);
  });
});
