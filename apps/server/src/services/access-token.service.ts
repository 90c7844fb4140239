import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JwtSecretRequestType, JwtService } from '@nestjs/jwt';
import type { AppConfig } from '@sessionops/config';
import { isSessionId } from '@sessionops/sessions';
import { LRUCache } from 'lru-cache';
import type { KeyObject } from 'node:crypto';
import { APP_CONFIG } from '../app.tokens.js';
import { ApiException } from '../errors/api.exception.js';
import type { Principal } from '../guards/principal.js';
import { KeyRing } from '../repositories/key-ring.repository.js';

const ALGORITHM = 'HS256';
// Headers differ only by secret (and by client libraries' field order): a few dozen is plenty.
const MAX_REMEMBERED_HEADERS = 64;
// Why 10,000: one entry per access token in active use on this process (a few hundred bytes each); a busier process
// only verifies the overflow again, it never accepts more.
const MAX_VERIFIED_TOKENS = 10_000;

function invalid(): ApiException {
  return new ApiException(HttpStatus.UNAUTHORIZED, 'TOKEN_INVALID', 'The access token is invalid');
}

/** The `kid` of a JWT header segment (base64url JSON), read without trusting anything else in the token. */
function kidOf(headerSegment: string): string | undefined {
  try {
    const header: unknown = JSON.parse(Buffer.from(headerSegment, 'base64url').toString('utf8'));
    const kid = (header as { kid?: unknown } | null)?.kid;
    return typeof kid === 'string' ? kid : undefined;
  } catch {
    return undefined;
  }
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * Signs and verifies access tokens: HS256 JWTs with `sub`, `sid`, `roles`, `email`, `name`, `iss`, `aud`, `iat`,
 * `exp` and a `kid` header naming the secret. Only HS256 is accepted (never `none`), and only with a key from the
 * key ring. `email` and `name` let GET /auth/me answer from the token after the one session check, without a
 * second store round trip; they are the client's own data, which it already holds.
 */
@Injectable()
export class AccessTokenService {
  private readonly jwt: JwtService;
  /**
   * Principals of tokens that passed every check, by exact token string, each kept only until its `exp` (plus the
   * clock tolerance). A client sends the same token for its whole lifetime, so repeat requests skip the HMAC and JSON
   * work; a changed byte is a different key and is verified in full. Failures are never cached.
   */
  private readonly verified = new LRUCache<string, Principal>({ max: MAX_VERIFIED_TOKENS });
  private readonly clockToleranceMs: number;
  /** Access-token lifetime in seconds, returned to clients as `expiresIn`. */
  readonly ttlSeconds: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig, keys: KeyRing) {
    const { issuer, audience, clockToleranceSeconds, accessTtlSeconds } = config.jwt;
    this.ttlSeconds = accessTtlSeconds;
    this.clockToleranceMs = clockToleranceSeconds * 1000;
    // Every token signed with one secret has the same header segment, so the key found for a segment is
    // remembered: the hot path then skips decoding the header. Bounded, since forged headers are unlimited.
    const keyByHeader = new Map<string, KeyObject>();
    const keyFor = (type: JwtSecretRequestType, token: string | object | Buffer): KeyObject => {
      if (type === JwtSecretRequestType.SIGN) return keys.current.accessTokenKey;
      const headerSegment = typeof token === 'string' ? token.slice(0, token.indexOf('.')) : '';
      const remembered = keyByHeader.get(headerSegment);
      if (remembered) return remembered;

      const kid = kidOf(headerSegment);
      const found = kid === undefined ? undefined : keys.find(kid);
      if (!found) throw invalid();
      if (keyByHeader.size < MAX_REMEMBERED_HEADERS) keyByHeader.set(headerSegment, found.accessTokenKey);
      return found.accessTokenKey;
    };
    this.jwt = new JwtService({
      secretOrKeyProvider: keyFor,
      signOptions: { algorithm: ALGORITHM, issuer, audience, expiresIn: accessTtlSeconds, keyid: keys.current.kid },
      verifyOptions: { algorithms: [ALGORITHM], issuer, audience, clockTolerance: clockToleranceSeconds },
    });
  }

  /** A new access token for a live session. */
  sign(principal: Principal): string {
    const { sessionId: sid, roles, email, displayName: name } = principal;
    return this.jwt.sign({ sid, roles, email, name }, { subject: principal.userId });
  }

  /**
   * Checks signature, algorithm, key, issuer, audience and expiry, then the claim shapes. Throws a 401
   * `ApiException` (`TOKEN_EXPIRED` or `TOKEN_INVALID`); never touches the session store.
   */
  verify(token: string): Principal {
    const remembered = this.verified.get(token);
    if (remembered) return remembered;

    let claims: Record<string, unknown>;
    try {
      claims = this.jwt.verify<Record<string, unknown>>(token);
    } catch (error) {
      if (error instanceof ApiException) throw error;
      if ((error as Error).name === 'TokenExpiredError') {
        throw new ApiException(HttpStatus.UNAUTHORIZED, 'TOKEN_EXPIRED', 'The access token has expired');
      }
      throw invalid();
    }

    const { sub, sid, roles, email, name, exp } = claims;
    if (typeof sub !== 'string' || !isSessionId(sid) || !isStringArray(roles)) throw invalid();
    if (typeof email !== 'string' || typeof name !== 'string' || typeof exp !== 'number') throw invalid();

    // Frozen: one cached object is handed to every request that presents this token.
    const principal = Object.freeze({
      userId: sub,
      sessionId: sid,
      roles: Object.freeze(roles),
      email,
      displayName: name,
    });
    // Forgotten at the instant jsonwebtoken would start answering "expired"; lru-cache checks the age on every get.
    const ttlMs = Math.floor(exp * 1000 + this.clockToleranceMs - Date.now());
    if (ttlMs > 0) this.verified.set(token, principal, { ttl: ttlMs });
    return principal;
  }
}
