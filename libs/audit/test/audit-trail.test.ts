import { beforeEach, describe, expect, it } from '@jest/globals';
import { createRedisClient, RedisKeyspace, waitUntilReady } from '@sessionops/redis';
import { SessionEvents, type SessionEvent } from '@sessionops/sessions';
import { useRedisHarness } from '@sessionops/testing';
import { AuditReader, AuditTrail, AuditWriteError, eventCounterKey, minuteBucket } from '../src/index.js';

const SESSION_ID = 'AAAAAAAAAAAAAAAA' + 'b'.repeat(22);
const AT = Date.UTC(2030, 0, 1, 12, 30, 15);

describe(AuditTrail.name, () => {
  const redis = useRedisHarness();
  const keyspace = new RedisKeyspace('audit-test:');

  beforeEach(async () => {
    await redis.client.flushdb();
  });

  it('appends revocations with their reason and operator to the stream', async () => {
    const events = new SessionEvents();
    const trail = new AuditTrail({ client: redis.client, keyspace });
    trail.attach(events);

    const actor = { kind: 'operator' as const, id: 'ops', host: 'bastion', note: 'laptop stolen' };
    events.publish({ type: 'revoked', sessionId: SESSION_ID, userId: 'u1', at: AT, reason: 'operator', actor });
    await trail.flush();

    const [entry] = await new AuditReader({ client: redis.client, keyspace }).latest(10);
    expect(entry).toMatchObject({ type: 'revoked', sessionId: SESSION_ID, userId: 'u1', reason: 'operator', at: AT });
    expect(entry.actor).toEqual(actor);
  });

  it('counts refreshed events without writing them to the stream unless asked to', async () => {
    const refreshed: SessionEvent = { type: 'refreshed', sessionId: SESSION_ID, userId: 'u1', at: AT, generation: 3 };
    const quiet = new AuditTrail({ client: redis.client, keyspace });
    const verbose = new AuditTrail({ client: redis.client, keyspace, recordRefreshed: true });

    await quiet.record(refreshed);
    expect(await redis.client.xlen(keyspace.auditStream())).toBe(0);
    await verbose.record(refreshed);

    const entries = await new AuditReader({ client: redis.client, keyspace }).latest(10);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ type: 'refreshed', generation: 3 });
    expect(await redis.client.get(eventCounterKey(keyspace, 'refreshed', minuteBucket(AT)))).toBe('2');
  });

  it('keeps per-minute counters that expire after the configured time', async () => {
    const trail = new AuditTrail({ client: redis.client, keyspace, counterTtlSeconds: 120 });

    await Promise.all(
      Array.from({ length: 25 }, (_, index) =>
        trail.record({ type: 'created', sessionId: SESSION_ID, userId: `u${index}`, at: AT }),
      ),
    );

    const key = eventCounterKey(keyspace, 'created', minuteBucket(AT));
    expect(await redis.client.get(key)).toBe('25');
    const ttl = await redis.client.ttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(120);
  });

  it('trims the stream to about maxLength entries', async () => {
    const trail = new AuditTrail({ client: redis.client, keyspace, maxLength: 100 });

    await Promise.all(
      Array.from({ length: 1_000 }, (_, index) =>
        trail.record({ type: 'created', sessionId: SESSION_ID, userId: `u${index}`, at: AT }),
      ),
    );

    // Approximate trimming removes whole radix-tree nodes (100 entries each by default), so the length stays
    // within one node of the cap instead of exactly at it.
    const length = await redis.client.xlen(keyspace.auditStream());
    expect(length).toBeGreaterThanOrEqual(100);
    expect(length).toBeLessThan(300);
  });

  it('reports failed writes to onError and never rejects', async () => {
    const broken = createRedisClient({ url: redis.server.url });
    await waitUntilReady(broken, 5_000, redis.server.url);
    broken.disconnect();
    const errors: AuditWriteError[] = [];
    const trail = new AuditTrail({ client: broken, keyspace, onError: (error) => errors.push(error) });
    const events = new SessionEvents();
    trail.attach(events);

    events.publish({ type: 'evicted', sessionId: SESSION_ID, userId: 'u1', at: AT, reason: 'evicted' });
    await trail.flush();

    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(AuditWriteError);
    expect(errors[0].eventType).toBe('evicted');
    expect(trail.failedWrites).toBe(1);
  });

  it('stops recording once detached', async () => {
    const events = new SessionEvents();
    const trail = new AuditTrail({ client: redis.client, keyspace });
    const detach = trail.attach(events);

    detach();
    events.publish({ type: 'created', sessionId: SESSION_ID, userId: 'u1', at: AT });
    await trail.flush();

    expect(await redis.client.xlen(keyspace.auditStream())).toBe(0);
  });
});
