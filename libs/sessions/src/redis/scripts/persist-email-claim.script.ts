import type { LuaScript } from '@sessionops/redis';

/**
 * Makes an e-mail claim permanent if it is still the caller's.
 * KEYS: e-mail. ARGV: the claiming user id. Replies 1 when persisted, 0 when the claim is no longer the caller's.
 */
export const PERSIST_EMAIL_CLAIM_SCRIPT: LuaScript = {
  numberOfKeys: 1,
  lua: `
-- A claim that expired and was taken by another registration must stay theirs.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end

redis.call('PERSIST', KEYS[1])
return 1
`,
};
