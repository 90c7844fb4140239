import { describe, expect, it } from '@jest/globals';
import { safeJson } from './json-text.js';

describe(safeJson.name, () => {
  it('escapes characters a terminal would interpret, and parses back to the same value', () => {
    const value = { userAgent: 'x\u202ey\u009bz\u001b' };

    const text = safeJson(value);

    expect(text).toBe('{"userAgent":"x\\u202ey\\u009bz\\u001b"}');
    expect(JSON.parse(text)).toEqual(value);
  });
});
