import { createHash, createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';

/** Every key derived from one configured secret. */
export interface SecretKeys {
  /** A short, public name of the secret: a base64url prefix of its SHA-256. Sent as the JWT header `kid`. */
  kid: string;
  /** HS256 key for access tokens. A `KeyObject`, never the string: jsonwebtoken verifies ~45× faster with one. */
  accessTokenKey: KeyObject;
  /** HMAC-SHA256 key that authenticates refresh tokens. */
  refreshMacKey: KeyObject;
  /** AES-256-GCM key for the newest refresh token kept during the reuse grace window. */
  graceCipherKey: KeyObject;
}

// 8 base64url characters (48 bits) tell a handful of rotating secrets apart and reveal nothing about them.
const KID_LENGTH = 8;
const DERIVED_KEY_BYTES = 32;
// Fixed HKDF salt and labels: each purpose gets an independent key from the same secret.
const HKDF_SALT = 'sessionops/v1';
const REFRESH_MAC_INFO = 'refresh-token mac';
const GRACE_CIPHER_INFO = 'refresh-token grace encryption';

function derive(secret: string, info: string): KeyObject {
  const bytes = hkdfSync('sha256', secret, HKDF_SALT, info, DERIVED_KEY_BYTES);
  return createSecretKey(Buffer.from(bytes));
}

function keysOf(secret: string): SecretKeys {
  return {
    kid: createHash('sha256').update(secret).digest('base64url').slice(0, KID_LENGTH),
    accessTokenKey: createSecretKey(Buffer.from(secret)),
    refreshMacKey: derive(secret, REFRESH_MAC_INFO),
    graceCipherKey: derive(secret, GRACE_CIPHER_INFO),
  };
}

/**
 * The keys made once at startup from `JWT_SECRET` (a list: the first signs and encrypts, all verify and decrypt, so a
 * secret can be rotated without logging anyone out). Nothing on the request path builds a key.
 */
export class KeyRing {
  /** The keys that sign and encrypt: those of the first secret. */
  readonly current: SecretKeys;
  /** Every secret's keys, the current one first. */
  readonly all: readonly SecretKeys[];
  private readonly byKid = new Map<string, SecretKeys>();

  constructor(secrets: readonly string[]) {
    if (secrets.length === 0) throw new Error('INVARIANT: the key ring needs at least one secret');

    this.all = secrets.map(keysOf);
    for (const keys of this.all) {
      if (this.byKid.has(keys.kid)) throw new Error(`INVARIANT: two JWT secrets share the key id ${keys.kid}`);
      this.byKid.set(keys.kid, keys);
    }
    this.current = this.all[0]!;
  }

  /** The keys of the secret named by `kid`, or undefined for an unknown one. */
  find(kid: string): SecretKeys | undefined {
    return this.byKid.get(kid);
  }
}
