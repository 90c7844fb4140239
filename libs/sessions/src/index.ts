export type { SessionStore } from './session-store.js';
export * from './session.types.js';
export { SessionEvents, type SessionEvent, type SessionEventType } from './session.events.js';
export {
  SessionStoreUnavailableError,
  InvalidSessionIdError,
  InvalidSessionStoreOptionsError,
  SessionIndexContentionError,
} from './session.errors.js';
export { generateSessionId, isSessionId, shortSessionId, SESSION_ID_LENGTH, SESSION_ID_SOURCE } from './session-id.js';
export { resolveSessionStoreOptions } from './session-store-options.js';
export { MemorySessionStore, type MemorySessionStoreOptions } from './memory/memory-session-store.js';
export type { UsersRepository } from './users/users-repository.js';
export {
  DEFAULT_USER_ROLES,
  newUserRecord,
  normaliseEmail,
  type UserRecord,
  type CreateUserInput,
} from './users/user.types.js';
export { EmailTakenError } from './users/users.errors.js';
export { MemoryUsersRepository } from './users/memory-users-repository.js';
export { RedisSessionStore, type RedisSessionStoreOptions } from './redis/redis-session-store.js';
export { SESSION_SCRIPTS, USER_SCRIPTS } from './redis/scripts/index.js';
export { RedisUsersRepository, type RedisUsersRepositoryOptions } from './users/redis-users-repository.js';
export { sessionStoreOptionsFromConfig } from './session-store-config.js';
