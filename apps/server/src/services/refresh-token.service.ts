import { Injectable } from '@nestjs/common';
import { SESSION_ID_LENGTH } from '@sessionops/sessions';
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { KeyRing } from '../repositories/key-ring.repository.js';

/** A refresh token, parsed and authenticated by its MAC (not yet checked against the store). */
export interface ParsedRefreshToken {
  sessionId: string;
  generation: number;
  /** SHA-256 (base64url) of the whole token: the only form the store ever sees. */
  hash: string;
}

/** A freshly made refresh token and the hash the store keeps. */
export interface IssuedRefreshToken {
  token: string;
  hash: string;
}

// 32 random bytes: 256 bits, as the issue requires for refresh tokens.
const SECRET_BYTES = 32;
const SECRET_LENGTH = 43;
// The MAC only has to resist forgery online, so 128 bits keep tokens short.
const MAC_BYTES = 16;
const MAC_LENGTH = 22;
// Generations are decimal without leading zeros, at most 9 digits: a session would need a billion refreshes.
const TOKEN_PATTERN = new RegExp(
  `^([A-Za-z0-9_-]{${SESSION_ID_LENGTH}})\\.(0|[1-9][0-9]{0,8})\\.([A-Za-z0-9_-]{${SECRET_LENGTH}})\\.([A-Za-z0-9_-]{${MAC_LENGTH}})$`,
);
const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12;
const CIPHERTEXT_VERSION = 'v1';

/**
 * Refresh tokens: `<sid>.<generation>.<secret>.<mac>`, where the MAC (HMAC-SHA256, truncated) is keyed by a key
 * derived from `JWT_SECRET`. The session id lets the store find the session without any index; the MAC turns
 * away forged or mangled tokens before they cost a store round trip; the store keeps only SHA-256 of the token.
 */
@Injectable()
export class RefreshTokenService {
  constructor(private readonly keys: KeyRing) {}

  /** A new token for `generation` of a session. */
  issue(sessionId: string, generation: number): IssuedRefreshToken {
    const body = `${sessionId}.${generation}.${randomBytes(SECRET_BYTES).toString('base64url')}`;
    const token = `${body}.${this.mac(body, 0)}`;
    return { token, hash: RefreshTokenService.hash(token) };
  }

  /** The parts of a well-formed token whose MAC verifies under any configured secret; null otherwise. */
  parse(token: string): ParsedRefreshToken | null {
    const match = TOKEN_PATTERN.exec(token);
    if (!match) return null;

    const [, sessionId, generation, , presentedMac] = match as unknown as [string, string, string, string, string];
    const body = token.slice(0, token.length - MAC_LENGTH - 1);
    const presented = Buffer.from(presentedMac, 'base64url');
    const verified = this.keys.all.some((_, index) =>
      timingSafeEqual(Buffer.from(this.mac(body, index), 'base64url'), presented),
    );
    if (!verified) return null;
    return { sessionId, generation: Number(generation), hash: RefreshTokenService.hash(token) };
  }

  /**
   * Encrypts the newest token for the grace window (AES-256-GCM under the current secret's derived key). The
   * session id is bound as associated data, so a ciphertext cannot be replayed for another session.
   */
  encrypt(sessionId: string, token: string): string {
    const keys = this.keys.current;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(CIPHER, keys.graceCipherKey, iv).setAAD(Buffer.from(sessionId));
    const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
    const parts = [CIPHERTEXT_VERSION, keys.kid, iv, sealed, cipher.getAuthTag()];
    return parts.map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  /** The token inside a ciphertext from `encrypt` (under any configured secret); null if it does not open. */
  decrypt(sessionId: string, ciphertext: string): string | null {
    const [version, kid, iv, sealed, tag] = ciphertext.split('.');
    const keys = kid === undefined ? undefined : this.keys.find(kid);
    if (version !== CIPHERTEXT_VERSION || !keys || iv === undefined || sealed === undefined || tag === undefined) {
      return null;
    }
    try {
      const decipher = createDecipheriv(CIPHER, keys.graceCipherKey, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(sessionId)).setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }

  /** SHA-256 of a token in base64url: what the store compares. */
  static hash(token: string): string {
    return createHash('sha256').update(token).digest('base64url');
  }

  private mac(body: string, keyIndex: number): string {
    const key = this.keys.all[keyIndex]!.refreshMacKey;
    return createHmac('sha256', key).update(body).digest().subarray(0, MAC_BYTES).toString('base64url');
  }
}
