import type { Cluster, Redis } from 'ioredis';

/** A Lua script and how many of its arguments are keys. */
export interface LuaScript {
  /** Keys the script takes, or null when the count varies per call (e.g. every session in a user's index). */
  numberOfKeys: number | null;
  lua: string;
}

type ScriptClient = Redis | Cluster;
type ScriptCommand<T> = (...values: (string | number)[]) => Promise<T>;

// Scripts whose key count varies, per client: ioredis then expects the count before the keys.
const variableKeyScripts = new WeakMap<ScriptClient, Set<string>>();

/**
 * Registers scripts as client commands. ioredis sends EVALSHA and falls back to EVAL on NOSCRIPT, so a Redis that
 * restarted empty (or a new cluster node) gets the script again without any error reaching the caller. A name that
 * is already a command of this client keeps its first definition: give scripts distinctive names.
 */
export function defineScripts<Names extends string>(client: ScriptClient, scripts: Record<Names, LuaScript>): void {
  const variable = variableKeyScripts.get(client) ?? new Set<string>();
  variableKeyScripts.set(client, variable);
  for (const [name, script] of Object.entries<LuaScript>(scripts)) {
    if (typeof (client as unknown as Record<string, unknown>)[name] === 'function') continue;
    if (script.numberOfKeys === null) variable.add(name);
    client.defineCommand(name, { numberOfKeys: script.numberOfKeys ?? undefined, lua: script.lua });
  }
}

/** Calls a script registered with `defineScripts`, passing the key count itself when it varies. */
export function runScript<T>(client: ScriptClient, name: string, keys: string[], args: (string | number)[]) {
  const command = (client as unknown as Record<string, ScriptCommand<T>>)[name];
  if (typeof command !== 'function') throw new Error(`INVARIANT: script ${name} was not defined on this client`);
  const counted = variableKeyScripts.get(client)?.has(name) ? [String(keys.length), ...keys] : keys;
  return command.call(client, ...counted, ...args);
}
