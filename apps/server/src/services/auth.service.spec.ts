import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '@sessionops/config';
import {
  generateSessionId,
  MemoryUsersRepository,
  type RotateRefreshTokenInput,
  type RotateRefreshTokenResult,
  type SessionRecord,
  type SessionStore,
} from '@sessionops/sessions';
import type { PinoLogger } from 'nestjs-pino';
import { ApiException } from '../errors/api.exception.js';
import { KeyRing } from '../repositories/key-ring.repository.js';
import type { PasswordHasher } from '../repositories/password-hasher.repository.js';
import type { RateLimiterRepository } from '../repositories/rate-limiter.repository.js';
import { AccessTokenService } from './access-token.service.js';
import { AuthService } from './auth.service.js';
import { RefreshTokenService } from './refresh-token.service.js';

const { config } = loadConfig({ JWT_SECRET: 'k'.repeat(40) });
const keys = new KeyRing(config.jwt.secrets);
const refreshTokens = new RefreshTokenService(keys);
const accessTokens = new AccessTokenService(config, keys);

/**
 * AuthService.refresh over a store that answers a chosen rotation outcome. What the outcomes mean is the store's
 * business (tested against Redis in libs/sessions and end to end); this pins how each one is answered.
 */
async function refreshWith(
  answer: (input: RotateRefreshTokenInput, session: SessionRecord) => RotateRefreshTokenResult,
) {
  const users = new MemoryUsersRepository();
  const user = await users.create({ email: 'ada@example.com', displayName: 'Ada', passwordHash: 'x' });
  const sessionId = generateSessionId(user.id);
  const session = { id: sessionId, userId: user.id } as SessionRecord;
  const store = {
    rotateRefreshToken: async (input: RotateRefreshTokenInput) => answer(input, session),
  } as SessionStore;
  const service = new AuthService(
    users,
    store,
    {} as PasswordHasher,
    {} as RateLimiterRepository,
    accessTokens,
    refreshTokens,
    {} as PinoLogger,
  );
  const presented = refreshTokens.issue(sessionId, 4).token;
  try {
    return { result: await service.refresh(presented), session, presented };
  } catch (error) {
    if (error instanceof ApiException) return { error: `${error.getStatus()} ${error.code}`, session, presented };
    throw error;
  }
}

describe(AuthService.name, () => {
  describe('refresh', () => {
    it('hands the store the presented hash and generation, and the next token (generation + 1) encrypted', async () => {
      let seen: RotateRefreshTokenInput | undefined;
      const { result, presented } = await refreshWith((input, session) => {
        seen = input;
        return { outcome: 'rotated', session };
      });

      expect(seen?.presentedHash).toBe(RefreshTokenService.hash(presented));
      expect(seen?.presentedGeneration).toBe(4);
      expect(result?.refreshToken.split('.')[1]).toBe('5');
      expect(seen?.nextHash).toBe(RefreshTokenService.hash(result!.refreshToken));
      expect(refreshTokens.decrypt(seen!.sessionId, seen!.nextTokenCiphertext)).toBe(result?.refreshToken);
    });

    it('answers a grace replay with the newest token the store kept, not a new one', async () => {
      const { result, session } = await refreshWith((input, stored) => ({
        outcome: 'grace',
        session: stored,
        tokenCiphertext: refreshTokens.encrypt(input.sessionId, 'the-newest-token'),
      }));

      expect(result?.refreshToken).toBe('the-newest-token');
      expect(result?.sessionId).toBe(session.id);
      expect(accessTokens.verify(result!.accessToken).sessionId).toBe(session.id);
    });

    it('maps every refusal to a 401 with its own code', async () => {
      const reused = await refreshWith((input) => ({
        outcome: 'reuse-detected',
        sessionId: input.sessionId,
        userId: 'u',
      }));
      const revoked = await refreshWith(() => ({ outcome: 'rejected', reason: 'revoked' }));
      const expired = await refreshWith(() => ({ outcome: 'rejected', reason: 'expired' }));
      const mismatch = await refreshWith(() => ({ outcome: 'rejected', reason: 'mismatch' }));
      const unknown = await refreshWith(() => ({ outcome: 'rejected', reason: 'not-found' }));
      const unreadable = await refreshWith((_input, session) => ({
        outcome: 'grace',
        session,
        tokenCiphertext: 'v1.unknown.x.y.z',
      }));

      expect(reused.error).toBe('401 REFRESH_TOKEN_REUSED');
      expect(revoked.error).toBe('401 SESSION_REVOKED');
      expect(expired.error).toBe('401 SESSION_EXPIRED');
      expect(mismatch.error).toBe('401 REFRESH_TOKEN_INVALID');
      expect(unknown.error).toBe('401 REFRESH_TOKEN_INVALID');
      expect(unreadable.error).toBe('401 REFRESH_TOKEN_INVALID');
    });
  });
});
