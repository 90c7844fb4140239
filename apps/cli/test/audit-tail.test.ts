import { beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { AuditTrail, type AuditEntry } from '@sessionops/audit';
import { RedisKeyspace } from '@sessionops/redis';
import { generateSessionId, shortSessionId } from '@sessionops/sessions';
import { startRedisServer, useRedisHarness } from '@sessionops/testing';
import { CapturedSink, runInProcess } from './support/capture-io.js';

describe('sessionctl audit tail', () => {
  const redis = useRedisHarness();
  let trail: AuditTrail;
  const keyspace = new RedisKeyspace('sessionops:');
  const sessionId = generateSessionId('user-1');

  beforeAll(async () => {
    trail = new AuditTrail({ client: redis.client, keyspace });
  });

  beforeEach(async () => {
    await redis.client.flushdb();
  });

  it('prints the newest events as a table, oldest first, with short session ids', async () => {
    await trail.record({ type: 'created', sessionId, userId: 'user-1', at: Date.UTC(2030, 0, 1) });
    const actor = { kind: 'operator' as const, id: 'ops', host: 'bastion', note: 'stolen \u001b[31mlaptop' };
    await trail.record({
      type: 'revoked',
      sessionId,
      userId: 'user-1',
      at: Date.UTC(2030, 0, 2),
      reason: 'operator',
      actor,
    });

    const run = await runInProcess(['audit', 'tail', '--redis', redis.server.url]);

    expect(run.exitCode).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TIME \(UTC\)\s+EVENT\s+SID\s+USER\s+REASON\s+ACTOR\s+NOTE$/);
    expect(lines[1]).toMatch(/^2030-01-01 00:00:00\s+created/);
    expect(lines[2]).toMatch(/revoked\s+\S+…\s+user-1\s+operator\s+operator ops@bastion\s+stolen \uFFFD\[31mlaptop/);
    expect(run.stdout).toContain(shortSessionId(sessionId));
    expect(run.stdout).not.toContain(sessionId);
  });

  it('prints a JSON array with full ids under --json', async () => {
    for (let index = 0; index < 5; index += 1) {
      await trail.record({ type: 'created', sessionId, userId: `user-${index}`, at: 1_000 + index });
    }

    const run = await runInProcess(['audit', 'tail', '--limit', '2', '--json', '--redis', redis.server.url]);

    const entries = JSON.parse(run.stdout) as AuditEntry[];
    expect(entries.map((entry) => entry.userId)).toEqual(['user-3', 'user-4']);
    expect(entries[0].sessionId).toBe(sessionId);
  });

  it('keeps printing new events with --follow until interrupted', async () => {
    await trail.record({ type: 'created', sessionId, userId: 'user-1', at: 1 });
    const stdout = new CapturedSink();
    const stderr = new CapturedSink();
    const interrupt = new AbortController();

    const running = runInProcess(['audit', 'tail', '--follow', '--json', '--redis', redis.server.url], {
      stdout,
      stderr,
      signal: interrupt.signal,
    });
    await stderr.waitFor(/following new events/);
    await trail.record({ type: 'reuse-detected', sessionId, userId: 'user-1', at: 2, reason: 'reuse-detected' });
    await stdout.waitFor(/reuse-detected/);
    interrupt.abort();
    const run = await running;

    expect(run.exitCode).toBe(0);
    const types = run.stdout
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as AuditEntry).type);
    expect(types).toEqual(['created', 'reuse-detected']);
  });

  it('ends with exit 1 and REDIS_UNAVAILABLE when Redis goes away while following', async () => {
    const doomed = await startRedisServer();
    const stderr = new CapturedSink();

    const running = runInProcess(['audit', 'tail', '--follow', '--redis', doomed.url], { stderr });
    await stderr.waitFor(/following new events/);
    await doomed.stop();
    const run = await running;

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/error: Lost the connection to Redis/);
    expect(run.stderr).not.toMatch(/this is a bug/);
  });

  it('rejects a limit that is not a positive whole number with exit 2', async () => {
    const run = await runInProcess(['audit', 'tail', '--limit', 'lots', '--json', '--redis', redis.server.url]);

    expect(run.exitCode).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      error: expect.objectContaining({ code: 'USAGE', message: expect.stringMatching(/lots/) }),
    });
  });
});
