import { describe, expect, it } from '@jest/globals';
import { generateSessionId } from '@sessionops/sessions';
import { createHash } from 'node:crypto';
import { KeyRing } from '../repositories/key-ring.repository.js';
import { RefreshTokenService } from './refresh-token.service.js';

const CURRENT = 'c'.repeat(40);
const PREVIOUS = 'p'.repeat(40);
const service = new RefreshTokenService(new KeyRing([CURRENT, PREVIOUS]));
const sessionId = generateSessionId('user-1');

describe(RefreshTokenService.name, () => {
  describe('issue', () => {
    it('makes <sid>.<generation>.<256-bit secret>.<mac> and hashes it with SHA-256', () => {
      const { token, hash } = service.issue(sessionId, 3);
      const [sid, generation, secret, mac] = token.split('.');

      expect(sid).toBe(sessionId);
      expect(generation).toBe('3');
      expect(Buffer.from(secret!, 'base64url')).toHaveLength(32);
      expect(Buffer.from(mac!, 'base64url')).toHaveLength(16);
      expect(hash).toBe(createHash('sha256').update(token).digest('base64url'));
    });

    it('never makes the same token twice', () => {
      expect(service.issue(sessionId, 0).token).not.toBe(service.issue(sessionId, 0).token);
    });
  });

  describe('parse', () => {
    it('returns the session, generation and hash of a genuine token', () => {
      const { token, hash } = service.issue(sessionId, 7);

      expect(service.parse(token)).toEqual({ sessionId, generation: 7, hash });
    });

    it('accepts tokens made under a secret that is still listed', () => {
      const previous = new RefreshTokenService(new KeyRing([PREVIOUS]));
      const { token } = previous.issue(sessionId, 0);

      expect(service.parse(token)?.sessionId).toBe(sessionId);
    });

    it('rejects a token whose generation, secret or session was altered', () => {
      const { token } = service.issue(sessionId, 1);
      const [sid, , secret, mac] = token.split('.');
      const otherSession = generateSessionId('user-2');

      expect(service.parse(`${sid}.2.${secret}.${mac}`)).toBeNull();
      expect(service.parse(`${sid}.1.${secret!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}.${mac}`)).toBeNull();
      expect(service.parse(`${otherSession}.1.${secret}.${mac}`)).toBeNull();
    });

    it('rejects tokens from an unknown secret', () => {
      const stranger = new RefreshTokenService(new KeyRing(['x'.repeat(40)]));

      expect(service.parse(stranger.issue(sessionId, 0).token)).toBeNull();
    });

    it('rejects malformed strings', () => {
      const { token } = service.issue(sessionId, 0);

      for (const candidate of ['', 'abc', `${token}.`, token.replace('.0.', '.00.'), token.replace('.0.', '.-1.')]) {
        expect(service.parse(candidate)).toBeNull();
      }
    });
  });

  describe('encrypt', () => {
    it('round-trips the token for the same session only', () => {
      const { token } = service.issue(sessionId, 1);
      const ciphertext = service.encrypt(sessionId, token);

      expect(ciphertext).not.toContain(token.split('.')[2]);
      expect(service.decrypt(sessionId, ciphertext)).toBe(token);
      expect(service.decrypt(generateSessionId('user-2'), ciphertext)).toBeNull();
    });

    it('opens ciphertexts made under an older listed secret, and refuses tampered ones', () => {
      const previous = new RefreshTokenService(new KeyRing([PREVIOUS]));
      const ciphertext = previous.encrypt(sessionId, 'the-token');
      const parts = ciphertext.split('.');
      parts[3] = Buffer.from('tampered').toString('base64url');

      expect(service.decrypt(sessionId, ciphertext)).toBe('the-token');
      expect(service.decrypt(sessionId, parts.join('.'))).toBeNull();
      expect(service.decrypt(sessionId, 'not a ciphertext')).toBeNull();
    });
  });
});
