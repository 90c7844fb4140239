import { createHmac, type KeyObject } from 'node:crypto';

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Builds a JWT by hand, so tests can make the tokens an attacker would: any header (`alg: none`, a foreign `kid`),
 * any claims, signed with any key or not at all.
 */
export function forgeJwt(header: Record<string, unknown>, claims: Record<string, unknown>, key?: KeyObject | string) {
  const unsigned = `${encode(header)}.${encode(claims)}`;
  if (key === undefined) return `${unsigned}.`;
  const signature = createHmac('sha256', key).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

/** The claims and header of a token, decoded without checking anything. */
export function decodeJwt(token: string): { header: Record<string, unknown>; claims: Record<string, unknown> } {
  const [header, claims] = token
    .split('.')
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
  return { header, claims };
}
