import { InvalidSessionStoreOptionsError } from './session.errors.js';
import {
  DEFAULT_SESSION_STORE_OPTIONS,
  type ResolvedSessionStoreOptions,
  type SessionStoreOptions,
} from './session.types.js';

/** The smallest value each option accepts, with the reason where it is not obvious. */
const MINIMUMS: Record<keyof ResolvedSessionStoreOptions, number> = {
  idleTtlSeconds: 1,
  maxLifetimeSeconds: 1,
  touchIntervalSeconds: 0,
  // Redis rejects a zero expiry, and a tombstone must outlive at least one request.
  tombstoneTtlSeconds: 1,
  maxPerUser: 1,
  // 0 turns the grace window off: every replay of the previous token counts as reuse.
  refreshReuseGraceMs: 0,
};

/** Lifetimes in the units the stores work in, derived once from the options. */
export interface SessionStoreTimings {
  idleTtlMs: number;
  maxLifetimeMs: number;
  touchIntervalMs: number;
  tombstoneTtlMs: number;
  graceMs: number;
}

/**
 * Fills in the defaults and checks every option, reporting all problems together.
 * Throws `InvalidSessionStoreOptionsError`.
 */
export function resolveSessionStoreOptions(options: SessionStoreOptions = {}): ResolvedSessionStoreOptions {
  const resolved: ResolvedSessionStoreOptions = { ...DEFAULT_SESSION_STORE_OPTIONS };
  const problems: string[] = [];
  for (const name of Object.keys(MINIMUMS) as (keyof ResolvedSessionStoreOptions)[]) {
    const value = options[name];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value < MINIMUMS[name]) {
      problems.push(`${name} must be a whole number of at least ${MINIMUMS[name]}, got ${String(value)}`);
      continue;
    }
    resolved[name] = value;
  }
  if (problems.length > 0) throw new InvalidSessionStoreOptionsError(problems);

  return resolved;
}

/** Converts the second-based options to milliseconds, the unit of every stored timestamp. */
export function sessionStoreTimings(options: ResolvedSessionStoreOptions): SessionStoreTimings {
  return {
    idleTtlMs: options.idleTtlSeconds * 1000,
    maxLifetimeMs: options.maxLifetimeSeconds * 1000,
    touchIntervalMs: options.touchIntervalSeconds * 1000,
    tombstoneTtlMs: options.tombstoneTtlSeconds * 1000,
    graceMs: options.refreshReuseGraceMs,
  };
}
