import { describe, expect, it } from '@jest/globals';
import type { SessionRecord } from '@sessionops/sessions';
import { collect, newUserId, sessionInput, sleep, type SessionStoreFactory } from '../support/session-fixtures.js';

const FORBIDDEN_FIELDS = ['refreshHash', 'prevRefreshHash', 'refreshTokenHash', 'rotatedAt'];

/** Reading many sessions: a user's list and count, the operator scan and count, and the store clock. */
export function listingContract(storeWith: SessionStoreFactory): void {
  describe('listForUser', () => {
    it('lists only live sessions of the user, most recently seen first, pruning expired ones', async () => {
      const store = await storeWith({ idleTtlSeconds: 1, maxLifetimeSeconds: 100 });
      const userId = newUserId();
      const expiring = (await store.create(sessionInput(userId).input)).session;
      // 0.3 s past the 1 s idle lifetime of the first session.
      await sleep(1300);
      const older = (await store.create(sessionInput(userId).input)).session;
      await sleep(10);
      const newer = (await store.create(sessionInput(userId).input)).session;
      await store.create(sessionInput(newUserId()).input);

      const listed = await store.listForUser(userId);

      expect(listed).toEqual([newer, older]);
      expect(listed.map((record) => record.id)).not.toContain(expiring.id);
      expect(await store.countForUser(userId)).toBe(2);
    });
  });

  describe('scan', () => {
    it('yields every live session in batches, tombstones only when asked, never a refresh hash', async () => {
      const store = await storeWith();
      const users = [newUserId(), newUserId(), newUserId()];
      const created: SessionRecord[] = [];
      for (const userId of users) {
        for (let index = 0; index < 3; index += 1)
          created.push((await store.create(sessionInput(userId).input)).session);
      }
      await store.revoke(created[0].id, 'admin');

      const batches = await collect(store.scan({ batchSize: 2 }));
      const withTombstones = (await collect(store.scan({ includeRevoked: true }))).flat();

      expect(batches.length).toBeGreaterThan(1);
      const live = batches.flat();
      expect(live.map((record) => record.id).sort()).toEqual(
        created
          .slice(1)
          .map((record) => record.id)
          .sort(),
      );
      expect(withTombstones).toHaveLength(9);
      expect(withTombstones.find((record) => record.id === created[0].id)?.revokedReason).toBe('admin');
      for (const record of withTombstones) {
        for (const field of FORBIDDEN_FIELDS) expect(record).not.toHaveProperty(field);
      }
      expect(await store.count()).toBe(8);
    });
  });

  describe('now', () => {
    it("answers the store clock in milliseconds, which on this machine agrees with the process's", async () => {
      const store = await storeWith();

      const storeNow = await store.now();

      // Same machine, same clock: the tolerance only covers the round trip and a loaded scheduler.
      expect(Math.abs(storeNow - Date.now())).toBeLessThan(5000);
      expect(Number.isInteger(storeNow)).toBe(true);
    });
  });

  describe('ping', () => {
    it('answers while the store is reachable', async () => {
      const store = await storeWith();

      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
