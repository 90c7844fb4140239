import type { Cluster, Redis } from 'ioredis';

/** A Lua script and how many of its arguments are keys. */
export interface LuaScript {
  numberOfKeys: number;
  lua: string;
}

/**
 * Registers scripts as client commands. ioredis sends EVALSHA and falls back to EVAL on NOSCRIPT, so a Redis that
 * restarted empty (or a new cluster node) gets the script again without any error reaching the caller.
 */
export function defineScripts<Names extends string>(client: Redis | Cluster, scripts: Record<Names, LuaScript>): void {
  for (const [name, script] of Object.entries<LuaScript>(scripts)) {
    if (typeof (client as unknown as Record<string, unknown>)[name] === 'function') continue;
    client.defineCommand(name, { numberOfKeys: script.numberOfKeys, lua: script.lua });
  }
}

/** Calls a script registered with `defineScripts`. */
export function runScript<T>(client: Redis | Cluster, name: string, keys: string[], args: (string | number)[]) {
  const command = (client as unknown as Record<string, (...values: (string | number)[]) => Promise<T>>)[name];
  if (typeof command !== 'function') throw new Error(`INVARIANT: script ${name} was not defined on this client`);
  return command.call(client, ...keys, ...args);
}
