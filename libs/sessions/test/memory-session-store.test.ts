import { describe, expect, it } from '@jest/globals';
import { MemorySessionStore } from '@sessionops/sessions';
import { sessionStoreContract } from './session-store.contract.js';
import { newUserId, sessionInput } from './support/session-fixtures.js';

describe(MemorySessionStore.name, () => {
  sessionStoreContract(async (options) => new MemorySessionStore(options));

  describe('sweep', () => {
    it('removes expired sessions and tombstones nobody reads again, so memory does not grow', async () => {
      let now = 1_000_000;
      const store = new MemorySessionStore({ idleTtlSeconds: 10, tombstoneTtlSeconds: 5 }, () => now);
      const userId = newUserId();
      const { session: idle } = await store.create(sessionInput(userId).input);
      const { session: revoked } = await store.create(sessionInput(userId).input);
      await store.revoke(revoked.id, 'logout');
      now += 6_000;
      const { session: recent } = await store.create(sessionInput(userId).input);
      expect(store.size).toBe(3);

      // Now 11 s in: the idle session (10 s) and the tombstone (5 s after its revocation) are both over.
      now += 5_000;
      const removed = store.sweep();

      expect(removed).toBe(2);
      expect(store.size).toBe(1);
      expect(await store.get(idle.id)).toBeNull();
      expect(await store.get(recent.id)).not.toBeNull();
      await store.close();
    });
  });
});
