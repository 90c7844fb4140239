import { describe, expect, it } from '@jest/globals';
import { checkEvictionPolicy, checkPersistence, checkVersion, compareVersions } from './doctor.service.js';

describe(compareVersions.name, () => {
  it('compares numerically, part by part', () => {
    expect(compareVersions('6.2.0', '6.2.0')).toBe(0);
    expect(compareVersions('6.10.0', '6.2.0')).toBeGreaterThan(0);
    expect(compareVersions('6.0.16', '6.2.0')).toBeLessThan(0);
    expect(compareVersions('7.2', '6.2.0')).toBeGreaterThan(0);
    expect(compareVersions('garbage', '6.2.0')).toBeLessThan(0);
  });
});

describe(checkVersion.name, () => {
  it('fails below 6.2', () => {
    expect(checkVersion('6.0.16').status).toBe('fail');
    expect(checkVersion('6.2.14').status).toBe('ok');
  });
});

describe(checkEvictionPolicy.name, () => {
  it.each(['volatile-lru', 'volatile-ttl', 'allkeys-lru', 'allkeys-random'])('warns about %s', (policy) => {
    expect(checkEvictionPolicy(policy).status).toBe('warn');
  });

  it('accepts noeviction', () => {
    expect(checkEvictionPolicy('noeviction').status).toBe('ok');
  });
});

describe(checkPersistence.name, () => {
  it('accepts AOF or an RDB rule and warns when neither is on', () => {
    expect(checkPersistence(true, '').status).toBe('ok');
    expect(checkPersistence(false, '3600 1').status).toBe('ok');
    expect(checkPersistence(false, '').status).toBe('warn');
    expect(checkPersistence(false, null).message).toMatch(/could not be read/);
  });
});
