import { describe, expect, it } from '@jest/globals';
import { KeyRing } from './key-ring.repository.js';

const FIRST = 'a'.repeat(32);
const SECOND = 'b'.repeat(32);

describe(KeyRing.name, () => {
  it('signs with the first secret and finds every secret by its key id', () => {
    const ring = new KeyRing([FIRST, SECOND]);

    expect(ring.all).toHaveLength(2);
    expect(ring.current).toBe(ring.all[0]);
    expect(ring.find(ring.all[1]!.kid)).toBe(ring.all[1]);
    expect(ring.find('unknown')).toBeUndefined();
  });

  it('derives a stable, short key id that does not contain the secret', () => {
    const kid = new KeyRing([FIRST]).current.kid;

    expect(kid).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(new KeyRing([FIRST]).current.kid).toBe(kid);
    expect(new KeyRing([SECOND]).current.kid).not.toBe(kid);
  });

  it('derives different keys for each purpose', () => {
    const keys = new KeyRing([FIRST]).current;
    const material = [keys.accessTokenKey, keys.refreshMacKey, keys.graceCipherKey].map((key) =>
      key.export().toString('hex'),
    );

    expect(new Set(material).size).toBe(3);
    expect(keys.accessTokenKey.type).toBe('secret');
  });

  it('refuses an empty secret list', () => {
    expect(() => new KeyRing([])).toThrow(/INVARIANT/);
  });
});
