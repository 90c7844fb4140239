import type { LuaScript } from '@sessionops/redis';
import { LUA_NOW } from './lua-fragments.js';

/**
 * Sets the not-before instant: every session created before it is revoked.
 * KEYS: not-before. Replies {notBefore, now}.
 */
export const REVOKE_EVERYTHING_SCRIPT: LuaScript = {
  numberOfKeys: 1,
  lua: `${LUA_NOW}
local now = nowMs()
-- The next millisecond, so a session created within the current one, before this call, is revoked too.
local notBefore = now + 1

-- Never move the instant back: an earlier revoke-everything must not be undone.
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if current >= notBefore then return {current, now} end

redis.call('SET', KEYS[1], notBefore)
return {notBefore, now}
`,
};
