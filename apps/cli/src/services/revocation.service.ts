import { isSessionId, type Actor, type SessionStore } from '@sessionops/sessions';
import { sessionNotFound } from './session-query.service.js';
import { toSessionView, type SessionView } from './session-view.js';

/** Result of revoking one session. */
export interface RevokeOneResult {
  outcome: 'revoked' | 'already-revoked';
  session: SessionView;
}

/** Result of revoking (or, with `dryRun`, listing) a user's sessions. */
export interface RevokeUserResult {
  userId: string;
  dryRun: boolean;
  /** Revoked, or that would be revoked under `dryRun`. */
  sessions: SessionView[];
  keptSessionId?: string;
}

/** Result of `revoke --all`. */
export type RevokeAllResult =
  { dryRun: true; liveSessions: number } | { dryRun: false; notBefore: string; purgedRecords: number; purgeMs: number };

/** Reports the stages of `revoke --all`, for progress on stderr. */
export interface RevokeAllProgress {
  revokedEverything(notBeforeMs: number): void;
}

/** Every revocation the CLI makes: always reason `operator`, with the operator as the audit actor. */
export class RevocationService {
  constructor(
    private readonly store: SessionStore,
    private readonly actor: Actor,
  ) {}

  /** Revokes one session. Unknown, expired or malformed ids throw `SESSION_NOT_FOUND`. */
  async revokeOne(sessionId: string): Promise<RevokeOneResult> {
    const before = isSessionId(sessionId) ? await this.store.get(sessionId) : null;
    if (!before) throw sessionNotFound(sessionId);

    const revoked = before.revokedAt === undefined && (await this.store.revoke(sessionId, 'operator', this.actor));
    // Read again: the tombstone carries the revocation time, and a concurrent revocation or expiry shows up here.
    const after = await this.store.get(sessionId);
    if (!after) throw sessionNotFound(sessionId);
    const now = await this.store.now();
    return { outcome: revoked ? 'revoked' : 'already-revoked', session: toSessionView(after, now) };
  }

  /** Revokes every live session of a user through the per-user index, optionally keeping one. */
  async revokeUser(
    userId: string,
    options: { exceptSessionId?: string; dryRun?: boolean } = {},
  ): Promise<RevokeUserResult> {
    const dryRun = options.dryRun ?? false;
    const live = await this.store.listForUser(userId);
    const now = await this.store.now();
    const targets = live.filter((session) => session.id !== options.exceptSessionId);
    const kept = options.exceptSessionId ? { keptSessionId: options.exceptSessionId } : {};
    if (dryRun) return { userId, dryRun, sessions: targets.map((record) => toSessionView(record, now)), ...kept };

    const revokedIds = new Set(
      await this.store.revokeAllForUser(userId, 'operator', {
        exceptSessionId: options.exceptSessionId,
        actor: this.actor,
      }),
    );
    // The listing above gives the details; the store's answer is the truth about what was revoked.
    const sessions = live.filter((record) => revokedIds.has(record.id)).map((record) => toSessionView(record, now));
    return { userId, dryRun, sessions, ...kept };
  }

  /**
   * Revokes every session at once by setting the store's not-before instant (servers check it with the session in
   * one round trip, so nothing created before it authenticates again), then removes the records created before it.
   * Sessions created after the instant are untouched. With `dryRun`, only counts live sessions.
   */
  async revokeAll(options: { dryRun?: boolean; progress?: RevokeAllProgress } = {}): Promise<RevokeAllResult> {
    if (options.dryRun) return { dryRun: true, liveSessions: await this.store.count() };

    const notBeforeMs = await this.store.revokeEverything(this.actor);
    options.progress?.revokedEverything(notBeforeMs);
    const startedAt = Date.now();
    const purgedRecords = await this.store.purgeBefore(notBeforeMs);
    return {
      dryRun: false,
      notBefore: new Date(notBeforeMs).toISOString(),
      purgedRecords,
      purgeMs: Date.now() - startedAt,
    };
  }
}
