import { InvalidArgumentError } from 'commander';

/** Commander argument parser for whole numbers >= 0. */
export function parseNonNegativeInteger(raw: string): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value)) {
    throw new InvalidArgumentError(`"${raw}" is not a whole number >= 0`);
  }
  return value;
}

/** Commander argument parser for whole numbers >= 1. */
export function parsePositiveInteger(raw: string): number {
  const value = parseNonNegativeInteger(raw);
  if (value < 1) throw new InvalidArgumentError(`"${raw}" is not a whole number >= 1`);
  return value;
}
