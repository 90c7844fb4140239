import type { Provider } from '@nestjs/common';
import type { AppConfig } from '@sessionops/config';
import { createRedisClient, RedisKeyspace, type Redis } from '@sessionops/redis';
import {
  MemorySessionStore,
  MemoryUsersRepository,
  RedisSessionStore,
  RedisUsersRepository,
  sessionStoreOptionsFromConfig,
  type SessionStore,
  type UsersRepository,
} from '@sessionops/sessions';
import { APP_CONFIG, REDIS_CLIENT, SESSION_STORE, USERS_REPOSITORY } from '../app.tokens.js';
import { RateLimiterRepository } from './rate-limiter.repository.js';

/** Stores supplied by the caller of `createApp` instead of those built from the configuration. */
export interface SessionBackendOverrides {
  sessionStore?: SessionStore;
  usersRepository?: UsersRepository;
}

function redisClient(config: AppConfig): Redis | null {
  if (config.redis.url === undefined) return null;
  return createRedisClient({
    url: config.redis.url,
    commandTimeoutMs: config.redis.commandTimeoutMs,
    connectTimeoutMs: config.redis.connectTimeoutMs,
    connectionName: 'sessionops-server',
  });
}

function sessionStore(config: AppConfig, client: Redis | null): SessionStore {
  const options = sessionStoreOptionsFromConfig(config);
  if (!client) return new MemorySessionStore(options);
  return new RedisSessionStore({ client, keyspace: new RedisKeyspace(config.redis.keyPrefix), ...options });
}

function usersRepository(config: AppConfig, client: Redis | null): UsersRepository {
  if (!client) return new MemoryUsersRepository();
  return new RedisUsersRepository({ client, keyspace: new RedisKeyspace(config.redis.keyPrefix) });
}

/**
 * Wires configuration to storage: with REDIS_URL, one ioredis client (fail-fast settings) shared by the session
 * store, the users repository and the rate limiter; without it, the in-memory twins (one process only).
 */
export function sessionBackendProviders(overrides: SessionBackendOverrides): Provider[] {
  return [
    { provide: REDIS_CLIENT, useFactory: redisClient, inject: [APP_CONFIG] },
    {
      provide: SESSION_STORE,
      useFactory: (config: AppConfig, client: Redis | null) => overrides.sessionStore ?? sessionStore(config, client),
      inject: [APP_CONFIG, REDIS_CLIENT],
    },
    {
      provide: USERS_REPOSITORY,
      useFactory: (config: AppConfig, client: Redis | null) =>
        overrides.usersRepository ?? usersRepository(config, client),
      inject: [APP_CONFIG, REDIS_CLIENT],
    },
    {
      provide: RateLimiterRepository,
      useFactory: (config: AppConfig, client: Redis | null) =>
        new RateLimiterRepository({
          client,
          keyPrefix: new RedisKeyspace(config.redis.keyPrefix).rateLimitPrefix(),
          limits: config.rateLimit,
        }),
      inject: [APP_CONFIG, REDIS_CLIENT],
    },
  ];
}
