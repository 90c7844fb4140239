import type { LuaScript } from '@sessionops/redis';

/**
 * Deletes one session record created before an instant, with its grace token and index entry.
 * KEYS: session, grace token, user index. ARGV: sessionId, instantMs. Replies 1 when deleted, 0 otherwise.
 */
export const PURGE_SESSION_SCRIPT: LuaScript = {
  numberOfKeys: 3,
  lua: `
-- Gone already, or created at or after the instant: nothing to purge.
local createdAt = redis.call('HGET', KEYS[1], 'createdAt')
if not createdAt or tonumber(createdAt) >= tonumber(ARGV[2]) then return 0 end

-- The record, its grace token and its index entry go together, so the index never points at nothing.
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('ZREM', KEYS[3], ARGV[1])
return 1
`,
};
