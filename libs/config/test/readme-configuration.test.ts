import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { environmentSchema } from '../src/config.schema.js';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const documented = new Set([...readme.matchAll(/^\|\s*`([A-Z][A-Z0-9_]+)`\s*\|/gm)].map((match) => match[1]));

describe('README configuration table', () => {
  it('documents every variable the schema reads', () => {
    const missing = Object.keys(environmentSchema.shape).filter((name) => !documented.has(name));

    expect(missing).toEqual([]);
  });

  it('documents no variable the schema does not read', () => {
    const unknown = [...documented].filter((name) => !(name in environmentSchema.shape));

    expect(unknown).toEqual([]);
  });
});
