import { beforeEach, describe, expect, it } from '@jest/globals';
import { RedisKeyspace } from '@sessionops/redis';
import { useRedisHarness } from '@sessionops/testing';
import { AuditReader, AuditTrail, type AuditEntry } from '../src/index.js';

const SESSION_ID = 'AAAAAAAAAAAAAAAA' + 'c'.repeat(22);

describe(AuditReader.name, () => {
  const redis = useRedisHarness();
  const keyspace = new RedisKeyspace('reader-test:');

  beforeEach(async () => {
    await redis.client.flushdb();
  });

  describe('latest', () => {
    it('returns the newest entries, oldest first', async () => {
      const trail = new AuditTrail({ client: redis.client, keyspace });
      for (let index = 0; index < 5; index += 1) {
        await trail.record({ type: 'created', sessionId: SESSION_ID, userId: `u${index}`, at: 1_000 + index });
      }

      const entries = await new AuditReader({ client: redis.client, keyspace }).latest(3);

      expect(entries.map((entry) => entry.userId)).toEqual(['u2', 'u3', 'u4']);
    });
  });

  describe('follow', () => {
    it('yields entries appended after the starting id and ends when aborted', async () => {
      const reader = new AuditReader({ client: redis.client, keyspace });
      const trail = new AuditTrail({ client: redis.client, keyspace });
      await trail.record({ type: 'created', sessionId: SESSION_ID, userId: 'before', at: 1 });
      const [last] = await reader.latest(1);
      const controller = new AbortController();
      const seen: AuditEntry[] = [];

      const following = (async () => {
        for await (const batch of reader.follow(last.id, controller.signal, { blockMs: 200 })) {
          seen.push(...batch);
          if (seen.length >= 2) controller.abort();
        }
      })();
      await trail.record({ type: 'revoked', sessionId: SESSION_ID, userId: 'after', at: 2, reason: 'logout' });
      await trail.record({
        type: 'reuse-detected',
        sessionId: SESSION_ID,
        userId: 'after',
        at: 3,
        reason: 'reuse-detected',
      });
      await following;

      expect(seen.map((entry) => entry.type)).toEqual(['revoked', 'reuse-detected']);
    });

    it('ends at once when aborted while waiting for entries', async () => {
      const reader = new AuditReader({ client: redis.client, keyspace });
      const controller = new AbortController();
      const batches: AuditEntry[][] = [];

      const following = (async () => {
        for await (const batch of reader.follow('$', controller.signal, { blockMs: 60_000 })) batches.push(batch);
      })();
      setTimeout(() => controller.abort(), 100);
      // Were the abort not to close the blocking connection, this would wait the full 60 s BLOCK and time out.
      await following;

      expect(batches).toEqual([]);
    });
  });

  describe('rates', () => {
    it('sums the per-minute counters of the window', async () => {
      const trail = new AuditTrail({ client: redis.client, keyspace });
      const [seconds] = await redis.client.time();
      const now = Number(seconds) * 1_000;
      const writes = [
        ...Array.from({ length: 6 }, () =>
          trail.record({ type: 'created', sessionId: SESSION_ID, userId: 'u', at: now }),
        ),
        ...Array.from({ length: 4 }, () =>
          trail.record({ type: 'created', sessionId: SESSION_ID, userId: 'u', at: now - 60_000 }),
        ),
        // Outside the three-minute window: never counted.
        trail.record({ type: 'created', sessionId: SESSION_ID, userId: 'u', at: now - 10 * 60_000 }),
        trail.record({ type: 'revoked', sessionId: SESSION_ID, userId: 'u', at: now, reason: 'admin' }),
      ];
      await Promise.all(writes);

      // Three minutes, not two, so that a minute turning between the writes and the read cannot drop a bucket.
      const rates = await new AuditReader({ client: redis.client, keyspace }).rates(3);

      expect(rates.totals.created).toBe(10);
      expect(rates.totals.revoked).toBe(1);
      expect(rates.totals['reuse-detected']).toBe(0);
      // The window is two whole minutes plus the part of the current minute that has gone by.
      expect(rates.windowMinutes).toBeGreaterThanOrEqual(2);
      expect(rates.windowMinutes).toBeLessThanOrEqual(3);
      expect(rates.perMinute.created).toBeCloseTo(10 / rates.windowMinutes, 6);
    });
  });
});
