import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { AuditReader } from '@sessionops/audit';
import { generateSessionId, type UserRecord } from '@sessionops/sessions';
import { startRedisServer, type RedisServerHandle } from '@sessionops/testing';
import type { SessionDetails } from '../src/services/session-query.service.js';
import type { RevokeAllResult, RevokeOneResult, RevokeUserResult } from '../src/services/revocation.service.js';
import { runChild, runInProcess } from './support/capture-io.js';
import { connectServerSide, createSession, createUser, type ServerSide } from './support/seed.js';

describe('sessionctl sessions show and revoke', () => {
  let redis: RedisServerHandle;
  let side: ServerSide;
  let alice: UserRecord;
  let bob: UserRecord;

  beforeAll(async () => {
    redis = await startRedisServer();
    side = await connectServerSide(redis.url);
  });

  afterAll(async () => {
    await side.close();
    await redis.stop();
  });

  beforeEach(async () => {
    await side.client.flushdb();
    [alice, bob] = await Promise.all([createUser(side, 'alice@example.com'), createUser(side, 'bob@example.com')]);
  });

  const cli = (...argv: string[]) => runInProcess([...argv, '--redis', redis.url]);

  describe('show', () => {
    it('prints the whole record with its TTLs and state', async () => {
      const session = await createSession(side, alice.id, { ip: '198.51.100.4' });

      const run = await cli('sessions', 'show', session.id, '--json');

      expect(run.exitCode).toBe(0);
      const details = JSON.parse(run.stdout) as SessionDetails;
      expect(details).toMatchObject({ id: session.id, userId: alice.id, state: 'live', ip: '198.51.100.4' });
      // The record's TTL is its idle lifetime (14 days by default), give or take the time the test took.
      expect(details.recordTtlMs).toBeGreaterThan(13 * 86_400_000);
      expect(details.userIndexTtlMs).toBeGreaterThan(0);
      expect(run.stdout).not.toMatch(/hash/i);
    });

    it('shows a revoked session as a tombstone with its reason', async () => {
      const session = await createSession(side, alice.id);
      await side.store.revoke(session.id, 'logout');

      const details = JSON.parse((await cli('sessions', 'show', session.id, '--json')).stdout) as SessionDetails;

      expect(details.state).toBe('revoked');
      expect(details.revokedReason).toBe('logout');
    });

    it.each([
      ['an unknown', () => generateSessionId('someone')],
      ['a malformed', () => 'not-a-session-id'],
    ])('answers %s sid with exit 1 and "session … not found"', async (_kind, sessionId) => {
      const human = await cli('sessions', 'show', sessionId());
      const json = await cli('sessions', 'show', sessionId(), '--json');

      expect(human.exitCode).toBe(1);
      expect(human.stderr).toMatch(/error: session \S+ not found/);
      expect(json.exitCode).toBe(1);
      expect(JSON.parse(json.stdout)).toEqual({
        error: {
          code: 'SESSION_NOT_FOUND',
          message: expect.stringMatching(/^session \S+ not found$/),
          hint: expect.any(String),
        },
      });
    });
  });

  describe('revoke one', () => {
    it('revokes with reason operator, is rejected on the next check, and records the operator', async () => {
      const session = await createSession(side, alice.id);

      const run = await cli('sessions', 'revoke', session.id, '--reason', 'phished', '--json');

      expect(run.exitCode).toBe(0);
      expect((JSON.parse(run.stdout) as RevokeOneResult).outcome).toBe('revoked');
      expect(await side.store.authenticate(session.id, alice.id)).toEqual({
        ok: false,
        reason: 'revoked',
        revokedReason: 'operator',
      });
      const [entry] = await new AuditReader({ client: side.client, keyspace: side.keyspace }).latest(1);
      expect(entry).toMatchObject({ type: 'revoked', sessionId: session.id, reason: 'operator' });
      expect(entry.actor).toMatchObject({
        kind: 'operator',
        note: 'phished',
        id: expect.any(String),
        host: expect.any(String),
      });
    });

    it('reports an already revoked session without failing', async () => {
      const session = await createSession(side, alice.id);
      await cli('sessions', 'revoke', session.id);

      const again = await cli('sessions', 'revoke', session.id);

      expect(again.exitCode).toBe(0);
      expect(again.stdout).toMatch(/was already revoked \(operator\)/);
    });

    it('answers an unknown sid with exit 1', async () => {
      const run = await cli('sessions', 'revoke', generateSessionId(alice.id));

      expect(run.exitCode).toBe(1);
      expect(run.stderr).toMatch(/session \S+ not found/);
    });
  });

  describe('revoke --user', () => {
    it('revokes every session of the user except the named one, and leaves other users alone', async () => {
      const [keep, drop1, drop2] = [
        await createSession(side, alice.id),
        await createSession(side, alice.id),
        await createSession(side, alice.id),
      ];
      const bobs = await createSession(side, bob.id);

      const run = await cli('sessions', 'revoke', '--user', 'alice@example.com', '--except', keep.id, '--json');

      const result = JSON.parse(run.stdout) as RevokeUserResult;
      expect(run.exitCode).toBe(0);
      expect(result.sessions.map((session) => session.id).sort()).toEqual([drop1.id, drop2.id].sort());
      expect((await side.store.listForUser(alice.id)).map((session) => session.id)).toEqual([keep.id]);
      expect(await side.store.countForUser(bob.id)).toBe(1);
      expect((await side.store.get(bobs.id))?.revokedAt).toBeUndefined();
    });

    it('changes nothing with --dry-run', async () => {
      await createSession(side, alice.id);
      await createSession(side, alice.id);

      const run = await cli('sessions', 'revoke', '--user', alice.id, '--dry-run');

      expect(run.exitCode).toBe(0);
      expect(run.stdout).toMatch(/^would revoke 2 session\(s\) of alice@example.com\n/);
      expect(await side.store.countForUser(alice.id)).toBe(2);
    });
  });

  describe('revoke --all', () => {
    it('refuses without --yes, before touching Redis', async () => {
      await createSession(side, alice.id);

      const run = await runInProcess(['sessions', 'revoke', '--all', '--json', '--redis', 'redis://127.0.0.1:1']);

      expect(run.exitCode).toBe(1);
      expect(JSON.parse(run.stdout).error.code).toBe('CONFIRMATION_REQUIRED');
      expect(await side.store.count()).toBe(1);
    });

    it('counts what it would revoke with --dry-run', async () => {
      await Promise.all([createSession(side, alice.id), createSession(side, bob.id)]);

      const run = await cli('sessions', 'revoke', '--all', '--dry-run', '--json');

      expect(JSON.parse(run.stdout)).toEqual({ dryRun: true, liveSessions: 2 });
      expect(await side.store.count()).toBe(2);
    });

    it('kills every existing session at once, keeps sessions created afterwards, and purges the records', async () => {
      const before = await Promise.all([createSession(side, alice.id), createSession(side, bob.id)]);

      const run = await cli('sessions', 'revoke', '--all', '--yes', '--reason', 'key leak', '--json');
      const after = await createSession(side, alice.id);

      const result = JSON.parse(run.stdout) as Extract<RevokeAllResult, { dryRun: false }>;
      expect(run.exitCode).toBe(0);
      expect(result.purgedRecords).toBe(2);
      expect(run.stderr).toMatch(/not-before set to/);
      for (const session of before) {
        expect((await side.store.authenticate(session.id, session.userId)).ok).toBe(false);
      }
      expect((await side.store.authenticate(after.id, alice.id)).ok).toBe(true);
      const entries = await new AuditReader({ client: side.client, keyspace: side.keyspace }).latest(10);
      expect(entries.find((entry) => entry.type === 'revoked-all')?.actor).toMatchObject({
        kind: 'operator',
        note: 'key leak',
      });
    });

    it('revokes everything from a real process', async () => {
      const session = await createSession(side, alice.id);

      const run = await runChild(['sessions', 'revoke', '--all', '--yes', '--redis', redis.url]);

      expect(run.exitCode).toBe(0);
      expect(run.stdout).toMatch(/^revoked every session created before \S+; removed 1 record\(s\)/);
      expect((await side.store.authenticate(session.id, alice.id)).ok).toBe(false);
    });
  });

  describe('usage errors', () => {
    it.each([
      [['sessions', 'revoke']],
      [['sessions', 'revoke', '--all', '--user', 'x@example.com', '--yes']],
      [['sessions', 'revoke', 'sid', '--dry-run']],
      [['sessions', 'revoke', '--except', 'sid']],
      [['sessions', 'revoke', '--user', 'x@example.com', '--yes']],
    ])('exits 2 for %j', async (argv) => {
      const run = await runInProcess([...argv, '--json', '--redis', redis.url]);

      expect(run.exitCode).toBe(2);
      expect(JSON.parse(run.stdout).error.code).toBe('USAGE');
    });
  });
});
