/**
 * Injection tokens for the values the app wires at startup. Interfaces vanish at runtime, so the stores and the
 * configuration are provided under these symbols instead of their types.
 */

/** The typed `AppConfig`, read once by `loadConfig`. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** The `SessionStore` (Redis or in-memory). */
export const SESSION_STORE = Symbol('SESSION_STORE');

/** The `UsersRepository` (Redis or in-memory). */
export const USERS_REPOSITORY = Symbol('USERS_REPOSITORY');

/** The shared ioredis client, or `null` in embedded mode. */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
