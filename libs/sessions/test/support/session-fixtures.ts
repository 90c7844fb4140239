import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  generateSessionId,
  type CreateSessionInput,
  type SessionEvent,
  type SessionStore,
  type SessionStoreOptions,
} from '@sessionops/sessions';

/** Builds stores for one contract run; every call returns an empty store isolated from the others. */
export type SessionStoreFactory = (options?: SessionStoreOptions) => Promise<SessionStore>;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A fresh user id, so tests never share a per-user index. */
export const newUserId = () => randomUUID();

export const newRefreshToken = () => randomBytes(32).toString('base64url');

export const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Input for `create` with a new id and first refresh token; the token is returned for rotation tests. */
export function sessionInput(userId: string, overrides: Partial<CreateSessionInput> = {}) {
  const refreshToken = newRefreshToken();
  const input: CreateSessionInput = {
    id: generateSessionId(userId),
    userId,
    ip: '203.0.113.7',
    userAgent: 'contract-test/1.0',
    refreshTokenHash: hashOf(refreshToken),
    ...overrides,
  };
  return { input, refreshToken };
}

/** Records every event a store publishes from now on. */
export function recordEvents(store: SessionStore): SessionEvent[] {
  const events: SessionEvent[] = [];
  store.events.subscribe((event) => events.push(event));
  return events;
}

export async function collect<T>(batches: AsyncIterable<T[]>): Promise<T[][]> {
  const all: T[][] = [];
  for await (const batch of batches) all.push(batch);
  return all;
}
