import { Transform } from 'class-transformer';

/** Trims strings and leaves every other type alone, so validation still sees (and rejects) a non-string. */
export function Trim(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
}
