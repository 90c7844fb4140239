import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { UserRecord } from '@sessionops/sessions';
import { startRedisServer, type RedisServerHandle } from '@sessionops/testing';
import type { DashboardSnapshot } from '../src/services/dashboard.service.js';
import type { SessionStats } from '../src/services/session-stats.service.js';
import { runInProcess } from './support/capture-io.js';
import { connectServerSide, createSession, createUser, type ServerSide } from './support/seed.js';

describe('sessionctl sessions stats and top', () => {
  let redis: RedisServerHandle;
  let side: ServerSide;
  let heavy: UserRecord;

  beforeAll(async () => {
    redis = await startRedisServer();
    side = await connectServerSide(redis.url);
    heavy = await createUser(side, 'heavy@example.com');
    const others = await Promise.all([1, 2, 3, 4].map((index) => createUser(side, `user${index}@example.com`)));
    for (let index = 0; index < 6; index += 1) await createSession(side, heavy.id);
    for (const user of others) await createSession(side, user.id);
    const revoked = await createSession(side, others[0].id);
    await side.store.revoke(revoked.id, 'admin');
    await side.trail.flush();
  });

  afterAll(async () => {
    await side.close();
    await redis.stop();
  });

  describe('stats', () => {
    it('counts live sessions and users and measures memory per session', async () => {
      const run = await runInProcess(['sessions', 'stats', '--json', '--redis', redis.url]);

      expect(run.exitCode).toBe(0);
      const stats = JSON.parse(run.stdout) as SessionStats;
      expect(stats.liveSessions).toBe(10);
      expect(stats.usersWithSessions).toBe(5);
      expect(stats.sessionsPerUser).toEqual({ max: 6, p99: 6, mean: 2 });
      expect(stats.age.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(10);
      expect(stats.age[0]).toEqual({ label: '< 1h', count: 10 });
      // Default lifetimes: 14 days idle, so every fresh session has between 7 and 14 days left.
      expect(stats.remainingLifetime.find((bucket) => bucket.label === '7d–14d')?.count).toBe(10);
      expect(stats.memoryPerSession?.sampled).toBe(10);
      expect(stats.memoryPerSession?.meanBytes).toBeGreaterThan(100);
      expect(stats.perMinute?.created).toBeGreaterThan(0);
      expect(stats.perMinute?.revoked).toBeGreaterThan(0);
      expect(stats.notBefore).toBeNull();
    });

    it('prints the figures and histograms for people', async () => {
      const run = await runInProcess(['sessions', 'stats', '--redis', redis.url]);

      expect(run.stdout).toMatch(/live sessions\s+10\n/);
      expect(run.stdout).toMatch(/sessions per user\s+max 6, p99 6, mean 2/);
      expect(run.stdout).toMatch(/age\n\s+< 1h\s+10\s+█+\n/);
      expect(run.stdout).toMatch(/remaining lifetime\n/);
    });
  });

  describe('top', () => {
    it('prints one JSON snapshot with --once: census, top users, rates and newest events', async () => {
      const run = await runInProcess(['top', '--once', '--json', '--redis', redis.url]);

      expect(run.exitCode).toBe(0);
      const lines = run.stdout.trim().split('\n');
      expect(lines).toHaveLength(1);
      const snapshot = JSON.parse(lines[0]) as DashboardSnapshot;
      expect(snapshot.liveSessions?.count).toBe(10);
      expect(snapshot.topUsers[0]).toEqual({ userId: heavy.id, sessions: 6 });
      expect(snapshot.last15Minutes.created).toBeGreaterThan(0);
      expect(snapshot.latestEvents[0]).toMatchObject({ type: 'revoked', reason: 'admin' });
    });

    it('prints plain lines at each refresh without a terminal', async () => {
      const run = await runInProcess(['top', '--iterations', '3', '--interval-ms', '20', '--redis', redis.url]);

      expect(run.exitCode).toBe(0);
      const lines = run.stdout.trim().split('\n');
      expect(lines).toHaveLength(3);
      for (const line of lines) expect(line).toMatch(/^\S+Z live=10 counted=\S+-ago created\/min=[\d.]+ /);
      // No cursor movement or screen clearing off a terminal.
      expect(run.stdout + run.stderr).not.toContain('\u001b');
    });

    it('stops when interrupted', async () => {
      const interrupt = new AbortController();
      setTimeout(() => interrupt.abort(), 200);

      const run = await runInProcess(['top', '--interval-ms', '50', '--redis', redis.url], {
        signal: interrupt.signal,
      });

      expect(run.exitCode).toBe(0);
      expect(run.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(1);
    });
  });
});
