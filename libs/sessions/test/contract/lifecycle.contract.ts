import { describe, expect, it } from '@jest/globals';
import { InvalidSessionIdError, generateSessionId } from '@sessionops/sessions';
import { newUserId, recordEvents, sessionInput, sleep, type SessionStoreFactory } from '../support/session-fixtures.js';

/** create, get, authenticate, touch and expiry. */
export function lifecycleContract(storeWith: SessionStoreFactory): void {
  describe('create', () => {
    it('returns the new record with both expiries and without any refresh-token hash', async () => {
      const store = await storeWith({ idleTtlSeconds: 100, maxLifetimeSeconds: 1000 });
      const userId = newUserId();
      const { input } = sessionInput(userId);

      const { session, evictedSessionIds } = await store.create(input);

      expect(evictedSessionIds).toEqual([]);
      expect(session).toEqual({
        id: input.id,
        userId,
        createdAt: session.createdAt,
        lastSeenAt: session.createdAt,
        idleExpiresAt: session.createdAt + 100_000,
        absoluteExpiresAt: session.createdAt + 1_000_000,
        ip: input.ip,
        userAgent: input.userAgent,
        refreshGeneration: 0,
      });
      expect(await store.get(input.id)).toEqual(session);
    });

    it('emits a created event carrying the actor', async () => {
      const store = await storeWith();
      const events = recordEvents(store);
      const userId = newUserId();
      const { input } = sessionInput(userId, { actor: { kind: 'user', id: userId } });

      const { session } = await store.create(input);

      expect(events).toEqual([
        { type: 'created', sessionId: input.id, userId, at: session.createdAt, actor: { kind: 'user', id: userId } },
      ]);
    });

    it("rejects a session id that does not carry its user's hash tag", async () => {
      const store = await storeWith();
      const { input } = sessionInput(newUserId(), { id: generateSessionId(newUserId()) });

      await expect(store.create(input)).rejects.toBeInstanceOf(InvalidSessionIdError);
    });
  });

  describe('get', () => {
    it('answers null for an unknown or malformed session id', async () => {
      const store = await storeWith();

      expect(await store.get(generateSessionId(newUserId()))).toBeNull();
      expect(await store.get('not a session id')).toBeNull();
    });
  });

  describe('authenticate', () => {
    it("accepts the owner's live session and returns its record", async () => {
      const store = await storeWith();
      const userId = newUserId();
      const { session } = await store.create(sessionInput(userId).input);

      expect(await store.authenticate(session.id, userId)).toEqual({ ok: true, session });
    });

    it('refuses a session that belongs to someone else', async () => {
      const store = await storeWith();
      const { session } = await store.create(sessionInput(newUserId()).input);

      expect(await store.authenticate(session.id, newUserId())).toEqual({ ok: false, reason: 'wrong-user' });
    });

    it('answers not-found for an unknown or malformed session id', async () => {
      const store = await storeWith();
      const userId = newUserId();

      expect(await store.authenticate(generateSessionId(userId), userId)).toEqual({ ok: false, reason: 'not-found' });
      expect(await store.authenticate('../etc/passwd', userId)).toEqual({ ok: false, reason: 'not-found' });
    });

    it('rejects a revoked session with its revocation reason', async () => {
      const store = await storeWith();
      const userId = newUserId();
      const { session } = await store.create(sessionInput(userId).input);
      await store.revoke(session.id, 'logout');

      const check = await store.authenticate(session.id, userId);

      expect(check).toEqual({ ok: false, reason: 'revoked', revokedReason: 'logout' });
    });

    it('leaves lastSeenAt alone within the touch interval', async () => {
      const store = await storeWith({ touchIntervalSeconds: 3600 });
      const userId = newUserId();
      const { session } = await store.create(sessionInput(userId).input);
      // Long enough for the store clock to move by several milliseconds.
      await sleep(30);

      const check = await store.authenticate(session.id, userId);

      expect(check).toEqual({ ok: true, session });
    });

    it('moves lastSeenAt, the idle expiry and the list order once the touch interval has passed', async () => {
      const store = await storeWith({ touchIntervalSeconds: 0, idleTtlSeconds: 100 });
      const userId = newUserId();
      const older = (await store.create(sessionInput(userId).input)).session;
      await sleep(15);
      const newer = (await store.create(sessionInput(userId).input)).session;
      expect((await store.listForUser(userId)).map((record) => record.id)).toEqual([newer.id, older.id]);
      await sleep(15);

      const check = await store.authenticate(older.id, userId);

      if (!check.ok) throw new Error(`expected a live session, got ${check.reason}`);
      expect(check.session.lastSeenAt).toBeGreaterThan(newer.lastSeenAt);
      expect(check.session.idleExpiresAt).toBe(check.session.lastSeenAt + 100_000);
      expect(await store.get(older.id)).toEqual(check.session);
      expect((await store.listForUser(userId)).map((record) => record.id)).toEqual([older.id, newer.id]);
    });

    it('slides the idle expiry with activity and ends the session once it sits idle', async () => {
      const store = await storeWith({ idleTtlSeconds: 2, touchIntervalSeconds: 0 });
      const userId = newUserId();
      const { session } = await store.create(sessionInput(userId).input);
      // Touched at ~1.2 s, the session lives until ~3.2 s; checked at ~2.4 s, after the unslid 2 s expiry.
      // Each sleep may overrun by up to 0.8 s on a loaded machine before the test could give a wrong answer.
      await sleep(1200);
      expect((await store.authenticate(session.id, userId)).ok).toBe(true);
      await sleep(1200);
      expect((await store.authenticate(session.id, userId)).ok).toBe(true);

      // Idle for 2.3 s: 0.3 s past the idle expiry, which is far more than the store clock's granularity.
      await sleep(2300);

      expect(await store.authenticate(session.id, userId)).toEqual({ ok: false, reason: 'not-found' });
      expect(await store.get(session.id)).toBeNull();
    });

    it('ends the session at its absolute expiry however active it is', async () => {
      const store = await storeWith({ idleTtlSeconds: 100, maxLifetimeSeconds: 1, touchIntervalSeconds: 0 });
      const userId = newUserId();
      const { session } = await store.create(sessionInput(userId).input);
      await sleep(500);
      const check = await store.authenticate(session.id, userId);
      if (!check.ok) throw new Error(`expected a live session, got ${check.reason}`);
      // Activity slides the idle expiry, never beyond the absolute one.
      expect(check.session.idleExpiresAt).toBe(session.absoluteExpiresAt);

      // 1.3 s after creation: 0.3 s past the absolute expiry, far more than the store clock's granularity.
      await sleep(800);

      expect(await store.authenticate(session.id, userId)).toEqual({ ok: false, reason: 'not-found' });
      expect(await store.countForUser(userId)).toBe(0);
    });
  });
}
