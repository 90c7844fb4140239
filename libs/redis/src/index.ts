export { createRedisClient, failFastOptions, redactRedisUrl, type RedisConnectionOptions } from './redis-connection.js';
export { waitUntilReady } from './redis-readiness.js';
export { RedisUnavailableError } from './redis.errors.js';
export { RedisKeyspace, USER_TAG_LENGTH } from './keyspace.js';
export { defineScripts, runScript, type LuaScript } from './redis-scripts.js';
export type { Redis, Cluster } from 'ioredis';
