import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '@sessionops/config';
import { generateSessionId } from '@sessionops/sessions';
import { decodeJwt, forgeJwt } from '../../test/support/forge-jwt.js';
import { ApiException } from '../errors/api.exception.js';
import { KeyRing } from '../repositories/key-ring.repository.js';
import { AccessTokenService } from './access-token.service.js';

const SECRET = 's'.repeat(40);
const OLD_SECRET = 'o'.repeat(40);
const { config } = loadConfig({ JWT_SECRET: `${SECRET},${OLD_SECRET}`, AUTH_ACCESS_TTL_SECONDS: '60' });
const keys = new KeyRing(config.jwt.secrets);
const service = new AccessTokenService(config, keys);
const principal = {
  userId: 'user-1',
  sessionId: generateSessionId('user-1'),
  roles: ['admin'],
  email: 'ada@example.com',
  displayName: 'Ada',
};

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof ApiException) return `${error.getStatus()} ${error.code}`;
    throw error;
  }
  return undefined;
}

function claims(overrides: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: principal.userId,
    sid: principal.sessionId,
    roles: [],
    email: 'ada@example.com',
    name: 'Ada',
    iss: 'sessionops',
    aud: 'sessionops-api',
    iat: now,
    exp: now + 60,
    ...overrides,
  };
}

describe(AccessTokenService.name, () => {
  it('signs HS256 tokens with every documented claim and the key id of the first secret', () => {
    const { header, claims: body } = decodeJwt(service.sign(principal));

    expect(header).toEqual({ alg: 'HS256', typ: 'JWT', kid: keys.current.kid });
    expect(body).toMatchObject({ sub: 'user-1', sid: principal.sessionId, roles: ['admin'] });
    expect(body).toMatchObject({ email: 'ada@example.com', name: 'Ada' });
    expect(body).toMatchObject({ iss: 'sessionops', aud: 'sessionops-api' });
    expect(Number(body.exp) - Number(body.iat)).toBe(60);
  });

  it('verifies its own tokens back into the principal', () => {
    expect(service.verify(service.sign(principal))).toEqual(principal);
  });

  it('accepts a token signed by an older secret that is still listed', () => {
    const old = keys.all[1]!;
    const token = forgeJwt({ alg: 'HS256', typ: 'JWT', kid: old.kid }, claims(), old.accessTokenKey);

    expect(service.verify(token).userId).toBe('user-1');
  });

  it('rejects alg none, a stripped signature, a wrong key and an unknown kid as invalid', () => {
    const kid = keys.current.kid;
    const signed = forgeJwt({ alg: 'HS256', kid }, claims(), keys.current.accessTokenKey);

    expect(codeOf(() => service.verify(forgeJwt({ alg: 'none', kid }, claims())))).toBe('401 TOKEN_INVALID');
    expect(codeOf(() => service.verify(signed.slice(0, signed.lastIndexOf('.') + 1)))).toBe('401 TOKEN_INVALID');
    expect(codeOf(() => service.verify(forgeJwt({ alg: 'HS256', kid }, claims(), 'w'.repeat(40))))).toBe(
      '401 TOKEN_INVALID',
    );
    const foreignKid = forgeJwt({ alg: 'HS256', kid: 'nobody00' }, claims(), keys.current.accessTokenKey);
    expect(codeOf(() => service.verify(foreignKid))).toBe('401 TOKEN_INVALID');
    const noKid = forgeJwt({ alg: 'HS256' }, claims(), keys.current.accessTokenKey);
    expect(codeOf(() => service.verify(noKid))).toBe('401 TOKEN_INVALID');
  });

  it('rejects a token for another audience or issuer', () => {
    const sign = (overrides: Record<string, unknown>) =>
      forgeJwt({ alg: 'HS256', kid: keys.current.kid }, claims(overrides), keys.current.accessTokenKey);

    expect(codeOf(() => service.verify(sign({ aud: 'another-api' })))).toBe('401 TOKEN_INVALID');
    expect(codeOf(() => service.verify(sign({ iss: 'someone-else' })))).toBe('401 TOKEN_INVALID');
  });

  it('reports an expired token as expired, beyond the clock tolerance', () => {
    // Expired 60 s ago: well past the default 5 s tolerance.
    const past = Math.floor(Date.now() / 1000) - 120;
    const token = forgeJwt({ alg: 'HS256', kid: keys.current.kid }, claims({ iat: past, exp: past + 60 }), SECRET);

    expect(codeOf(() => service.verify(token))).toBe('401 TOKEN_EXPIRED');
  });

  it('rejects correctly signed tokens whose claims have the wrong shape', () => {
    const sign = (overrides: Record<string, unknown>) =>
      forgeJwt({ alg: 'HS256', kid: keys.current.kid }, claims(overrides), keys.current.accessTokenKey);

    expect(codeOf(() => service.verify(sign({ sid: 'not-a-session-id' })))).toBe('401 TOKEN_INVALID');
    expect(codeOf(() => service.verify(sign({ roles: 'admin' })))).toBe('401 TOKEN_INVALID');
    expect(codeOf(() => service.verify(sign({ sub: 42 })))).toBe('401 TOKEN_INVALID');
    expect(codeOf(() => service.verify(sign({ email: undefined })))).toBe('401 TOKEN_INVALID');
  });

  it('rejects garbage', () => {
    expect(codeOf(() => service.verify('garbage'))).toBe('401 TOKEN_INVALID');
    expect(codeOf(() => service.verify('a.b.c'))).toBe('401 TOKEN_INVALID');
  });

  describe('verification cache', () => {
    it('answers a repeated token with the principal it verified, without extending its life', async () => {
      const { config: shortLived } = loadConfig({
        JWT_SECRET: SECRET,
        AUTH_ACCESS_TTL_SECONDS: '1',
        JWT_CLOCK_TOLERANCE_SECONDS: '0',
      });
      const shortService = new AccessTokenService(shortLived, new KeyRing(shortLived.jwt.secrets));
      const token = shortService.sign(principal);
      expect(shortService.verify(token)).toEqual(principal);
      expect(shortService.verify(token)).toEqual(principal);

      // jsonwebtoken compares whole seconds, so a 1 s token is refused between 1 and 2 s after signing; 2.1 s is past
      // that with 100 ms to spare, so a cached entry outliving its token is caught.
      await new Promise((resolve) => setTimeout(resolve, 2_100));

      expect(codeOf(() => shortService.verify(token))).toBe('401 TOKEN_EXPIRED');
    });

    it('still rejects a token that differs by one byte from one it accepted', () => {
      const token = service.sign(principal);
      expect(service.verify(token)).toEqual(principal);
      const last = token.at(-1) === 'A' ? 'B' : 'A';

      expect(codeOf(() => service.verify(token.slice(0, -1) + last))).toBe('401 TOKEN_INVALID');
    });
  });
});
