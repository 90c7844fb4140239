export { findFreePort, startRedisServer, type RedisServerHandle, type RedisServerOptions } from './redis-server.js';
