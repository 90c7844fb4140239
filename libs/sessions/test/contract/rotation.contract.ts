import { describe, expect, it } from '@jest/globals';
import { generateSessionId, type RotateRefreshTokenInput, type SessionStore } from '@sessionops/sessions';
import {
  hashOf,
  newRefreshToken,
  newUserId,
  recordEvents,
  sessionInput,
  sleep,
  type SessionStoreFactory,
} from '../support/session-fixtures.js';

/** A rotation request that presents `token` of `generation` and offers a fresh replacement. */
function rotation(sessionId: string, token: string, generation: number) {
  const nextToken = newRefreshToken();
  const input: RotateRefreshTokenInput = {
    sessionId,
    presentedHash: hashOf(token),
    presentedGeneration: generation,
    nextHash: hashOf(nextToken),
    // The store treats the ciphertext as opaque; the token itself stands in for it here.
    nextTokenCiphertext: `sealed:${nextToken}`,
  };
  return { input, nextToken };
}

async function createSession(store: SessionStore) {
  const userId = newUserId();
  const { input, refreshToken } = sessionInput(userId);
  const { session } = await store.create(input);
  return { session, userId, refreshToken };
}

/** Refresh-token rotation: compare-and-swap, the grace window and reuse detection. */
export function rotationContract(storeWith: SessionStoreFactory): void {
  describe('rotateRefreshToken', () => {
    it('rotates the current token, counts it as activity and emits one refreshed event', async () => {
      const store = await storeWith({ touchIntervalSeconds: 3600 });
      const { session, userId, refreshToken } = await createSession(store);
      const events = recordEvents(store);
      await sleep(15);
      const first = rotation(session.id, refreshToken, 0);

      const result = await store.rotateRefreshToken(first.input);

      if (result.outcome !== 'rotated') throw new Error(`expected rotated, got ${result.outcome}`);
      expect(result.session.refreshGeneration).toBe(1);
      expect(result.session.lastSeenAt).toBeGreaterThan(session.lastSeenAt);
      expect(await store.get(session.id)).toEqual(result.session);
      expect(events).toEqual([
        { type: 'refreshed', sessionId: session.id, userId, at: result.session.lastSeenAt, generation: 1 },
      ]);
      const second = await store.rotateRefreshToken(rotation(session.id, first.nextToken, 1).input);
      expect(second.outcome === 'rotated' && second.session.refreshGeneration).toBe(2);
    });

    it('answers the previous token within the grace window with the same newest token, changing nothing', async () => {
      const store = await storeWith({ refreshReuseGraceMs: 2000 });
      const { session, refreshToken } = await createSession(store);
      const first = rotation(session.id, refreshToken, 0);
      const rotated = await store.rotateRefreshToken(first.input);
      const events = recordEvents(store);

      const replay = await store.rotateRefreshToken(rotation(session.id, refreshToken, 0).input);

      expect(replay).toEqual({
        outcome: 'grace',
        session: rotated.outcome === 'rotated' && rotated.session,
        tokenCiphertext: first.input.nextTokenCiphertext,
      });
      expect(events).toEqual([]);
      expect((await store.get(session.id))?.refreshGeneration).toBe(1);
    });

    it('revokes the session when the previous token comes back after the grace window', async () => {
      const store = await storeWith({ refreshReuseGraceMs: 300 });
      const { session, userId, refreshToken } = await createSession(store);
      await store.rotateRefreshToken(rotation(session.id, refreshToken, 0).input);
      const events = recordEvents(store);
      // 0.2 s past the 0.3 s grace window: far more than the store clock's granularity.
      await sleep(500);

      const replay = await store.rotateRefreshToken(rotation(session.id, refreshToken, 0).input);

      expect(replay).toEqual({ outcome: 'reuse-detected', sessionId: session.id, userId });
      expect(await store.authenticate(session.id, userId)).toEqual({
        ok: false,
        reason: 'revoked',
        revokedReason: 'reuse-detected',
      });
      expect(events).toEqual([
        { type: 'reuse-detected', sessionId: session.id, userId, at: expect.any(Number), reason: 'reuse-detected' },
      ]);
    });

    it('revokes the session at once when a token two generations old comes back', async () => {
      const store = await storeWith();
      const { session, userId, refreshToken } = await createSession(store);
      const first = rotation(session.id, refreshToken, 0);
      await store.rotateRefreshToken(first.input);
      await store.rotateRefreshToken(rotation(session.id, first.nextToken, 1).input);

      const replay = await store.rotateRefreshToken(rotation(session.id, refreshToken, 0).input);

      expect(replay).toEqual({ outcome: 'reuse-detected', sessionId: session.id, userId });
      expect((await store.get(session.id))?.revokedReason).toBe('reuse-detected');
    });

    it('rejects unknown, malformed, mismatching and revoked tokens without revoking anything', async () => {
      const store = await storeWith();
      const { session, userId, refreshToken } = await createSession(store);
      const unknown = rotation(generateSessionId(userId), refreshToken, 0).input;
      const malformed = rotation('short', refreshToken, 0).input;
      const forged = rotation(session.id, newRefreshToken(), 0).input;

      expect(await store.rotateRefreshToken(unknown)).toEqual({ outcome: 'rejected', reason: 'not-found' });
      expect(await store.rotateRefreshToken(malformed)).toEqual({ outcome: 'rejected', reason: 'not-found' });
      expect(await store.rotateRefreshToken(forged)).toEqual({ outcome: 'rejected', reason: 'mismatch' });
      expect((await store.authenticate(session.id, userId)).ok).toBe(true);
      await store.revoke(session.id, 'logout');
      const afterLogout = await store.rotateRefreshToken(rotation(session.id, refreshToken, 0).input);
      expect(afterLogout).toEqual({ outcome: 'rejected', reason: 'revoked' });
    });

    it('rejects a session that expired', async () => {
      const store = await storeWith({ idleTtlSeconds: 1 });
      const { session, refreshToken } = await createSession(store);
      // 0.3 s past the 1 s idle lifetime.
      await sleep(1300);

      const result = await store.rotateRefreshToken(rotation(session.id, refreshToken, 0).input);

      expect(result).toEqual({ outcome: 'rejected', reason: 'not-found' });
    });

    it('lets exactly one of 50 concurrent rotations of one token rotate and answers the rest with its token', async () => {
      const store = await storeWith({ refreshReuseGraceMs: 2000 });
      const { session, refreshToken } = await createSession(store);
      const events = recordEvents(store);
      const attempts = Array.from({ length: 50 }, () => rotation(session.id, refreshToken, 0).input);

      const results = await Promise.all(attempts.map((input) => store.rotateRefreshToken(input)));

      const winners = results.flatMap((result, index) => (result.outcome === 'rotated' ? [attempts[index]] : []));
      expect(winners).toHaveLength(1);
      const graced = results.filter((result) => result.outcome === 'grace');
      expect(graced).toHaveLength(49);
      for (const result of graced) expect(result.tokenCiphertext).toBe(winners[0].nextTokenCiphertext);
      expect(events.filter((event) => event.type === 'refreshed')).toHaveLength(1);
      expect((await store.get(session.id))?.refreshGeneration).toBe(1);
    });

    it('rejects rotation of a session created before the not-before instant', async () => {
      const store = await storeWith();
      const { session, refreshToken } = await createSession(store);
      await store.revokeEverything();

      const result = await store.rotateRefreshToken(rotation(session.id, refreshToken, 0).input);

      expect(result).toEqual({ outcome: 'rejected', reason: 'revoked' });
    });
  });
}
