import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { shortSessionId, type SessionRecord, type UserRecord } from '@sessionops/sessions';
import { startRedisServer, type RedisServerHandle } from '@sessionops/testing';
import type { SessionView } from '../src/services/session-view.js';
import { runChild, runInProcess } from './support/capture-io.js';
import { connectServerSide, createSession, createUser, type ServerSide } from './support/seed.js';

describe('sessionctl sessions list', () => {
  let redis: RedisServerHandle;
  let side: ServerSide;
  let alice: UserRecord;
  let bob: UserRecord;
  const aliceSessions: SessionRecord[] = [];
  const bobSessions: SessionRecord[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    side = await connectServerSide(redis.url);
    [alice, bob] = await Promise.all([createUser(side, 'alice@example.com'), createUser(side, 'bob@example.com')]);
    for (let index = 0; index < 3; index += 1) aliceSessions.push(await createSession(side, alice.id));
    bobSessions.push(await createSession(side, bob.id, { userAgent: 'curl/8\u001b]0;owned\u0007\u202e' }));
    // A revoked session is a tombstone: never listed as live.
    const revoked = await createSession(side, bob.id);
    await side.store.revoke(revoked.id, 'logout');
  });

  afterAll(async () => {
    await side.close();
    await redis.stop();
  });

  const idsOf = (views: SessionView[]) => views.map((view) => view.id).sort();

  it('lists every live session as a JSON array with full ids', async () => {
    const run = await runInProcess(['sessions', 'list', '--json', '--redis', redis.url]);

    expect(run.exitCode).toBe(0);
    const views = JSON.parse(run.stdout) as SessionView[];
    expect(idsOf(views)).toEqual([...aliceSessions, ...bobSessions].map((session) => session.id).sort());
    expect(views.every((view) => view.state === 'live')).toBe(true);
    expect(JSON.stringify(views)).not.toMatch(/refresh(Token)?Hash/i);
  });

  it("lists one user's sessions by e-mail through the per-user index", async () => {
    const run = await runInProcess([
      'sessions',
      'list',
      '--user',
      'ALICE@example.com ',
      '--json',
      '--redis',
      redis.url,
    ]);

    expect(idsOf(JSON.parse(run.stdout) as SessionView[])).toEqual(aliceSessions.map((session) => session.id).sort());
  });

  it('lists by user id as well', async () => {
    const run = await runInProcess(['sessions', 'list', '--user', bob.id, '--json', '--redis', redis.url]);

    expect(idsOf(JSON.parse(run.stdout) as SessionView[])).toEqual([bobSessions[0].id]);
  });

  it('stops at --limit and says so on stderr', async () => {
    const run = await runInProcess(['sessions', 'list', '--limit', '2', '--ndjson', '--redis', redis.url]);

    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.map((line) => (JSON.parse(line) as SessionView).state)).toEqual(['live', 'live']);
    expect(run.stderr).toMatch(/--limit of 2 was reached/);
  });

  it('prints a table with short ids and defused user agents', async () => {
    const run = await runInProcess(['sessions', 'list', '--user', 'bob@example.com', '--redis', redis.url]);

    const [header, row, ...rest] = run.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^SID\s+USER\s+CREATED \(UTC\)\s+LAST SEEN \(UTC\)\s+EXPIRES \(UTC\)\s+IP\s+USER AGENT$/);
    expect(rest).toEqual([]);
    expect(row).toContain(shortSessionId(bobSessions[0].id));
    expect(row).not.toContain(bobSessions[0].id);
    expect(row).toContain('curl/8\uFFFD]0;owned\uFFFD\uFFFD');
    // eslint-disable-next-line no-control-regex
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
  });

  it('fails with USER_NOT_FOUND for an unknown e-mail', async () => {
    const run = await runInProcess([
      'sessions',
      'list',
      '--user',
      'nobody@example.com',
      '--json',
      '--redis',
      redis.url,
    ]);

    expect(run.exitCode).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({ error: expect.objectContaining({ code: 'USER_NOT_FOUND' }) });
  });

  it('stops with exit 130 when interrupted (Ctrl-C)', async () => {
    const interrupt = new AbortController();
    interrupt.abort();

    const run = await runInProcess(['sessions', 'list', '--ndjson', '--redis', redis.url], {
      signal: interrupt.signal,
    });

    expect(run.exitCode).toBe(130);
    expect(JSON.parse(run.stdout)).toEqual({ error: { code: 'INTERRUPTED', message: 'interrupted' } });
  });

  it('streams NDJSON from a real process, naming the Redis on stderr', async () => {
    const run = await runChild(['sessions', 'list', '--ndjson', '--limit', '0'], { REDIS_URL: redis.url });

    expect(run.exitCode).toBe(0);
    expect(run.stderr.split('\n')[0]).toBe(`redis: ${redis.url}`);
    const views = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as SessionView);
    expect(views).toHaveLength(aliceSessions.length + bobSessions.length);
  });
});
