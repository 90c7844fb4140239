import type { LuaScript } from '@sessionops/redis';

/**
 * Replaces the roles of an existing account.
 * KEYS: user. ARGV: roles as a JSON array. Replies the account's HGETALL, or nil when there is no account.
 */
export const SET_USER_ROLES_SCRIPT: LuaScript = {
  numberOfKeys: 1,
  lua: `
-- Only an existing account gets roles: HSET alone would create a half-written account.
if redis.call('EXISTS', KEYS[1]) == 0 then return false end

redis.call('HSET', KEYS[1], 'roles', ARGV[1])
return redis.call('HGETALL', KEYS[1])
`,
};
