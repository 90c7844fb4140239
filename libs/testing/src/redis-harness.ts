import { afterAll, beforeAll } from '@jest/globals';
import { createRedisClient, RedisKeyspace, waitUntilReady, type Redis } from '@sessionops/redis';
import { startRedisServer, type RedisServerHandle, type RedisServerOptions } from './redis-server.js';

// A private server starts within a second; this bound only stops a broken environment from hanging the suite.
const READY_TIMEOUT_MS = 10_000;

/** A private redis-server and a client for one test file, started in `beforeAll` and stopped in `afterAll`. */
export interface RedisHarness {
  readonly server: RedisServerHandle;
  readonly client: Redis;
  /** A keyspace with a prefix no other call returns, so tests never see each other's keys. */
  freshKeyspace(): RedisKeyspace;
}

/** Registers the hooks of a `RedisHarness` in the calling test file; call it at the top of a `describe`. */
export function useRedisHarness(options: RedisServerOptions = {}): RedisHarness {
  let server: RedisServerHandle | undefined;
  let client: Redis | undefined;
  let prefixes = 0;

  beforeAll(async () => {
    server = await startRedisServer(options);
    client = createRedisClient({ url: server.url, connectionName: 'sessionops-test' });
    await waitUntilReady(client, READY_TIMEOUT_MS, server.url);
  });

  afterAll(async () => {
    client?.disconnect();
    await server?.stop();
  });

  return {
    get server() {
      if (!server) throw new Error('INVARIANT: the Redis harness is used before beforeAll');
      return server;
    },
    get client() {
      if (!client) throw new Error('INVARIANT: the Redis harness is used before beforeAll');
      return client;
    },
    freshKeyspace: () => new RedisKeyspace(`test${(prefixes += 1)}:`),
  };
}
