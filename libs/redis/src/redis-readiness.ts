import type { Redis, Cluster } from 'ioredis';
import { RedisUnavailableError } from './redis.errors.js';

/**
 * Connects (if the client is lazy) and resolves once a PING is answered, or rejects with
 * `RedisUnavailableError` after `timeoutMs`. The client keeps reconnecting in the background either way.
 */
export async function waitUntilReady(client: Redis | Cluster, timeoutMs: number, target: string): Promise<void> {
  if (client.status === 'wait') client.connect().catch(() => undefined);

  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      if (client.status === 'ready') {
        await client.ping();
        return;
      }
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new RedisUnavailableError(target, timeoutMs, lastError);
}
