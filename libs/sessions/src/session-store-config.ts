import type { AppConfig } from '@sessionops/config';
import type { SessionStoreOptions } from './session.types.js';

/**
 * The store options a deployment's configuration implies. The server and the CLI both build their stores from this,
 * so a tombstone written by either lives as long, and a cap or grace window is the same for both.
 */
export function sessionStoreOptionsFromConfig(config: AppConfig): SessionStoreOptions {
  return {
    idleTtlSeconds: config.session.idleTtlSeconds,
    maxLifetimeSeconds: config.session.maxLifetimeSeconds,
    touchIntervalSeconds: config.session.touchIntervalSeconds,
    maxPerUser: config.session.maxPerUser,
    refreshReuseGraceMs: config.jwt.refreshReuseGraceMs,
    // A revoked session is remembered at least as long as its access tokens stay valid, so they are refused with
    // SESSION_REVOKED (not just "not found") until they would have expired anyway.
    tombstoneTtlSeconds: config.jwt.accessTtlSeconds,
  };
}
