import { describe, expect, it } from '@jest/globals';
import { safeCell, stripControlCharacters } from './sanitise.js';

describe(stripControlCharacters.name, () => {
  it('replaces escape sequences, C1 controls, newlines and bidirectional overrides', () => {
    const hostile = 'a\u001b[31mb\u009bc\nd\re\u202ef\u2066g\u0007';

    expect(stripControlCharacters(hostile)).toBe('a\uFFFD[31mb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFD');
  });

  it('leaves ordinary text, accents and emoji alone', () => {
    expect(stripControlCharacters('Mozilla/5.0 (Mac; Zoë) 🚀')).toBe('Mozilla/5.0 (Mac; Zoë) 🚀');
  });
});

describe(safeCell.name, () => {
  it('cuts text longer than the cell with an ellipsis', () => {
    expect(safeCell('abcdefgh', 5)).toBe('abcd…');
    expect(safeCell('abc', 5)).toBe('abc');
  });
});
