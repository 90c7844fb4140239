export { findFreePort, startRedisServer, type RedisServerHandle, type RedisServerOptions } from './redis-server.js';
export { useRedisHarness, type RedisHarness } from './redis-harness.js';
