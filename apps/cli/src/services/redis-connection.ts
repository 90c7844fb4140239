import { createRedisClient, waitUntilReady, type Redis } from '@sessionops/redis';
import { CliError } from '../errors.js';
import type { CliSettings } from './cli-config.js';

/**
 * Connects with the library's fail-fast client and waits at most `budgetMs` for a PING. On failure the client is
 * torn down (no reconnect loop keeps the process alive) and a `REDIS_UNAVAILABLE` error names the redacted URL and
 * the last socket error.
 */
export async function connectRedis(settings: CliSettings, budgetMs: number): Promise<Redis> {
  const client = createRedisClient({
    url: settings.url,
    commandTimeoutMs: settings.commandTimeoutMs,
    connectTimeoutMs: Math.min(settings.connectTimeoutMs, budgetMs),
    connectionName: 'sessionctl',
  });
  let lastError: Error | undefined;
  // Without a listener ioredis prints every failed reconnect to the console; the last one goes into our message.
  client.on('error', (error: Error) => {
    lastError = error;
  });

  try {
    await waitUntilReady(client, budgetMs, settings.redactedUrl);
  } catch (error) {
    client.disconnect();
    const detail = lastError ? ` (${lastError.message})` : '';
    throw new CliError(
      'REDIS_UNAVAILABLE',
      `Redis at ${settings.redactedUrl} did not answer within ${budgetMs} ms${detail}`,
      'Check that Redis runs and that --redis or REDIS_URL names it.',
      undefined,
      { cause: error },
    );
  }
  return client;
}

/** Closes politely (QUIT after pending replies), falling back to a hard disconnect when Redis is gone. */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}
