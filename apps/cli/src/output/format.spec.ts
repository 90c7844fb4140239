import { describe, expect, it } from '@jest/globals';
import { formatBytes, formatDuration, formatInstant } from './format.js';

describe(formatDuration.name, () => {
  it.each([
    [-5, '0s'],
    [850, '850ms'],
    [12_000, '12s'],
    [125_000, '2m 5s'],
    [3_600_000, '1h'],
    [(3 * 24 + 4) * 3_600_000 + 59_000, '3d 4h'],
  ])('writes %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe(formatBytes.name, () => {
  it('uses binary units', () => {
    expect(formatBytes(440)).toBe('440 B');
    expect(formatBytes(1_536)).toBe('1.5 KiB');
    expect(formatBytes(44_000_000)).toBe('42.0 MiB');
  });
});

describe(formatInstant.name, () => {
  it('keeps date and time to the second', () => {
    expect(formatInstant('2030-01-02T03:04:05.678Z')).toBe('2030-01-02 03:04:05');
  });
});
