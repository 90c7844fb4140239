import { describe, expect, it } from '@jest/globals';
import { generateSessionId } from '@sessionops/sessions';
import { newUserId, recordEvents, sessionInput, sleep, type SessionStoreFactory } from '../support/session-fixtures.js';

/** revoke, revoke-all of a user, eviction at the cap, and the operator's revoke-everything. */
export function revocationContract(storeWith: SessionStoreFactory): void {
  describe('revoke', () => {
    it('leaves a tombstone with its reason, once, and emits one revoked event with the actor', async () => {
      const store = await storeWith();
      const userId = newUserId();
      const { session } = await store.create(sessionInput(userId).input);
      const events = recordEvents(store);
      const actor = { kind: 'admin' as const, id: newUserId() };

      expect(await store.revoke(session.id, 'admin', actor)).toBe(true);
      expect(await store.revoke(session.id, 'admin', actor)).toBe(false);

      const tombstone = await store.get(session.id);
      expect(tombstone).toEqual({ ...session, revokedAt: tombstone?.revokedAt, revokedReason: 'admin' });
      expect(tombstone?.revokedAt).toBeGreaterThanOrEqual(session.createdAt);
      expect(events).toEqual([
        { type: 'revoked', sessionId: session.id, userId, at: tombstone?.revokedAt, reason: 'admin', actor },
      ]);
      expect(await store.listForUser(userId)).toEqual([]);
    });

    it('answers false for an unknown or malformed session id', async () => {
      const store = await storeWith();

      expect(await store.revoke(generateSessionId(newUserId()), 'logout')).toBe(false);
      expect(await store.revoke('nope', 'logout')).toBe(false);
    });

    it('emits the event type that matches the reason, so a revocation is never counted twice', async () => {
      const store = await storeWith();
      const userId = newUserId();
      const first = (await store.create(sessionInput(userId).input)).session;
      const second = (await store.create(sessionInput(userId).input)).session;
      const events = recordEvents(store);

      await store.revoke(first.id, 'evicted');
      await store.revoke(second.id, 'reuse-detected');

      expect(events.map((event) => [event.type, 'sessionId' in event && event.sessionId])).toEqual([
        ['evicted', first.id],
        ['reuse-detected', second.id],
      ]);
    });

    it('drops the tombstone once its own lifetime has passed', async () => {
      const store = await storeWith({ tombstoneTtlSeconds: 1 });
      const { session } = await store.create(sessionInput(newUserId()).input);
      await store.revoke(session.id, 'logout');
      expect((await store.get(session.id))?.revokedReason).toBe('logout');

      // 0.4 s past the 1 s tombstone lifetime: far more than the store clock's granularity.
      await sleep(1400);

      expect(await store.get(session.id)).toBeNull();
    });
  });

  describe('revokeAllForUser', () => {
    it("revokes every session of the user but the one excepted, and no other user's", async () => {
      const store = await storeWith();
      const alice = newUserId();
      const bob = newUserId();
      const [kept, ...doomed] = await Promise.all([1, 2, 3].map(() => store.create(sessionInput(alice).input)));
      const bobs = await Promise.all([1, 2].map(() => store.create(sessionInput(bob).input)));
      const events = recordEvents(store);
      const actor = { kind: 'operator' as const, id: 'ops', host: 'bastion' };

      const revoked = await store.revokeAllForUser(alice, 'operator', { exceptSessionId: kept.session.id, actor });

      expect([...revoked].sort()).toEqual(doomed.map(({ session }) => session.id).sort());
      expect((await store.listForUser(alice)).map((record) => record.id)).toEqual([kept.session.id]);
      expect(await store.countForUser(bob)).toBe(2);
      for (const { session } of bobs) expect((await store.authenticate(session.id, bob)).ok).toBe(true);
      for (const { session } of doomed) expect((await store.get(session.id))?.revokedReason).toBe('operator');
      expect(events.map((event) => event.type === 'revoked' && [event.sessionId, event.reason, event.actor])).toEqual(
        expect.arrayContaining(revoked.map((sessionId) => [sessionId, 'operator', actor])),
      );
      expect(events).toHaveLength(2);
    });

    it('answers an empty list for a user without sessions', async () => {
      const store = await storeWith();

      expect(await store.revokeAllForUser(newUserId(), 'admin')).toEqual([]);
    });
  });

  describe('eviction at the cap', () => {
    it('evicts the least recently used live session, leaving an evicted tombstone', async () => {
      const store = await storeWith({ maxPerUser: 3, touchIntervalSeconds: 0 });
      const userId = newUserId();
      const ids: string[] = [];
      for (let created = 0; created < 3; created += 1) {
        ids.push((await store.create(sessionInput(userId).input)).session.id);
        // Distinct milliseconds, so the least recently used is unambiguous.
        await sleep(10);
      }
      // The oldest becomes the most recently used; the second is now the least recently used.
      await store.authenticate(ids[0], userId);
      const events = recordEvents(store);

      const { session, evictedSessionIds } = await store.create(sessionInput(userId).input);

      expect(evictedSessionIds).toEqual([ids[1]]);
      expect(await store.authenticate(ids[1], userId)).toEqual({
        ok: false,
        reason: 'revoked',
        revokedReason: 'evicted',
      });
      expect((await store.listForUser(userId)).map((record) => record.id).sort()).toEqual(
        [ids[0], ids[2], session.id].sort(),
      );
      expect(events.map((event) => [event.type, 'sessionId' in event && event.sessionId])).toEqual(
        expect.arrayContaining([
          ['evicted', ids[1]],
          ['created', session.id],
        ]),
      );
      expect(events).toHaveLength(2);
    });

    it('prunes expired sessions before counting against the cap', async () => {
      const store = await storeWith({ maxPerUser: 2, idleTtlSeconds: 1 });
      const userId = newUserId();
      await store.create(sessionInput(userId).input);
      await store.create(sessionInput(userId).input);
      // 0.3 s past the 1 s idle lifetime of both.
      await sleep(1300);

      const third = await store.create(sessionInput(userId).input);
      const fourth = await store.create(sessionInput(userId).input);

      expect([third.evictedSessionIds, fourth.evictedSessionIds]).toEqual([[], []]);
      expect(await store.countForUser(userId)).toBe(2);
    });
  });

  describe('revokeEverything', () => {
    it('revokes every session created before it, keeps later ones, and lets purgeBefore remove the old', async () => {
      const store = await storeWith();
      const userId = newUserId();
      const old = (await store.create(sessionInput(userId).input)).session;
      const events = recordEvents(store);
      const actor = { kind: 'operator' as const, id: 'ops' };
      expect(await store.notBefore()).toBe(0);

      const notBefore = await store.revokeEverything(actor);
      // The not-before instant is rounded up to the next millisecond; wait past it before creating.
      await sleep(10);
      const { session: fresh } = await store.create(sessionInput(userId).input);

      expect(await store.notBefore()).toBe(notBefore);
      expect(notBefore).toBeGreaterThan(old.createdAt);
      expect(await store.authenticate(old.id, userId)).toEqual({
        ok: false,
        reason: 'revoked',
        revokedReason: 'operator',
      });
      expect((await store.authenticate(fresh.id, userId)).ok).toBe(true);
      expect((await store.listForUser(userId)).map((record) => record.id)).toEqual([fresh.id]);
      expect(await store.get(old.id)).toMatchObject({ revokedAt: notBefore, revokedReason: 'operator' });
      expect(events[0]).toEqual({ type: 'revoked-all', at: expect.any(Number), notBefore, actor });

      expect(await store.purgeBefore(notBefore)).toBe(1);
      expect(await store.get(old.id)).toBeNull();
      expect(await store.get(fresh.id)).not.toBeNull();
      expect(await store.count()).toBe(1);
    });
  });
}
