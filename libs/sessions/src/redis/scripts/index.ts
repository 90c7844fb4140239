import type { LuaScript } from '@sessionops/redis';
import { CHECK_SESSION_SCRIPT } from './check-session.script.js';
import { CREATE_SESSION_SCRIPT } from './create-session.script.js';
import { PURGE_SESSION_SCRIPT } from './purge-session.script.js';
import { REVOKE_EVERYTHING_SCRIPT } from './revoke-everything.script.js';
import { REVOKE_SESSION_SCRIPT } from './revoke-session.script.js';
import { REVOKE_USER_SESSIONS_SCRIPT } from './revoke-user-sessions.script.js';
import { ROTATE_REFRESH_TOKEN_SCRIPT } from './rotate-refresh-token.script.js';
import { PERSIST_EMAIL_CLAIM_SCRIPT } from './persist-email-claim.script.js';
import { SET_USER_ROLES_SCRIPT } from './set-user-roles.script.js';

/**
 * The session scripts under the names they are registered with on a client. The names carry the package, because
 * `defineScripts` keeps the first command of a name and other libraries register scripts on the same client.
 */
export const SESSION_SCRIPTS = {
  sessionopsCreateSession: CREATE_SESSION_SCRIPT,
  sessionopsCheckSession: CHECK_SESSION_SCRIPT,
  sessionopsRotateRefreshToken: ROTATE_REFRESH_TOKEN_SCRIPT,
  sessionopsRevokeSession: REVOKE_SESSION_SCRIPT,
  sessionopsRevokeUserSessions: REVOKE_USER_SESSIONS_SCRIPT,
  sessionopsRevokeEverything: REVOKE_EVERYTHING_SCRIPT,
  sessionopsPurgeSession: PURGE_SESSION_SCRIPT,
} satisfies Record<string, LuaScript>;

export type SessionScriptName = keyof typeof SESSION_SCRIPTS;

/** The users repository's scripts, each on one key. */
export const USER_SCRIPTS = {
  sessionopsSetUserRoles: SET_USER_ROLES_SCRIPT,
  sessionopsPersistEmailClaim: PERSIST_EMAIL_CLAIM_SCRIPT,
} satisfies Record<string, LuaScript>;

export type UserScriptName = keyof typeof USER_SCRIPTS;
