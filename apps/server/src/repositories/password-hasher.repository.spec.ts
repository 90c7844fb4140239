import { describe, expect, it } from '@jest/globals';
import { PasswordHasher } from './password-hasher.repository.js';

const hasher = new PasswordHasher({ memoryKib: 19_456, iterations: 2, concurrency: 2 });

describe(PasswordHasher.name, () => {
  it('hashes with argon2id, 19 MiB, two passes and parallelism 1', async () => {
    const phc = await hasher.hash('correct horse');

    expect(phc).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const phc = await hasher.hash('correct horse');

    expect(await hasher.verify(phc, 'correct horse')).toBe(true);
    expect(await hasher.verify(phc, 'battery staple')).toBe(false);
  });

  it('answers false for an unknown account after spending a verification', async () => {
    await hasher.warmUp();

    expect(await hasher.verify(undefined, '\u0000 sessionops timing guard \u0000')).toBe(false);
    expect(await hasher.verify(undefined, 'anything')).toBe(false);
  });

  it('answers false for a corrupt stored hash instead of throwing', async () => {
    expect(await hasher.verify('not-a-phc-string', 'anything')).toBe(false);
  });
});
