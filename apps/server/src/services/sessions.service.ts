import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { isSessionId, type Actor, type SessionStore, type UsersRepository } from '@sessionops/sessions';
import { SESSION_STORE, USERS_REPOSITORY } from '../app.tokens.js';
import { SessionDto } from '../dtos/session.dto.js';
import { ApiException } from '../errors/api.exception.js';
import type { Principal } from '../guards/principal.js';

const sessionNotFound = () => new ApiException(HttpStatus.NOT_FOUND, 'SESSION_NOT_FOUND', 'No such session');

/** Listing and revoking sessions, for their owner and for administrators. */
@Injectable()
export class SessionsService {
  constructor(
    @Inject(SESSION_STORE) private readonly store: SessionStore,
    @Inject(USERS_REPOSITORY) private readonly users: UsersRepository,
  ) {}

  /** The caller's live sessions, most recently seen first, the current one marked. */
  async listOwn(principal: Principal): Promise<SessionDto[]> {
    const sessions = await this.store.listForUser(principal.userId);
    return sessions.map((session) => SessionDto.from(session, principal.sessionId));
  }

  /** Revokes one of the caller's sessions (reason `user`). 404 for a malformed id or anyone else's session. */
  async revokeOwn(principal: Principal, sessionId: string): Promise<void> {
    if (!isSessionId(sessionId)) throw sessionNotFound();
    const session = await this.store.get(sessionId);
    // Someone else's session is "not found", so ids cannot be probed.
    if (!session || session.userId !== principal.userId || session.revokedAt !== undefined) throw sessionNotFound();

    const revoked = await this.store.revoke(sessionId, 'user', this.actor(principal, 'user'));
    if (!revoked) throw sessionNotFound();
  }

  /** Revokes every session of the caller except the current one. */
  async revokeOthers(principal: Principal): Promise<void> {
    const options = { exceptSessionId: principal.sessionId, actor: this.actor(principal, 'user') };
    await this.store.revokeAllForUser(principal.userId, 'user', options);
  }

  /** Any user's live sessions (admin). 404 for an unknown user. */
  async listForUser(principal: Principal, userId: string): Promise<SessionDto[]> {
    await this.requireUser(userId);

    const sessions = await this.store.listForUser(userId);
    return sessions.map((session) => SessionDto.from(session, principal.sessionId));
  }

  /** Revokes every session of a user (admin, reason `admin`). 404 for an unknown user. */
  async revokeAllForUser(principal: Principal, userId: string): Promise<void> {
    await this.requireUser(userId);

    await this.store.revokeAllForUser(userId, 'admin', { actor: this.actor(principal, 'admin') });
  }

  /** Revokes any one session (admin, reason `admin`). 404 for a malformed id or a session that is not live. */
  async revokeAny(principal: Principal, sessionId: string): Promise<void> {
    if (!isSessionId(sessionId)) throw sessionNotFound();

    const revoked = await this.store.revoke(sessionId, 'admin', this.actor(principal, 'admin'));
    if (!revoked) throw sessionNotFound();
  }

  private async requireUser(userId: string): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user) throw new ApiException(HttpStatus.NOT_FOUND, 'USER_NOT_FOUND', 'No such user');
  }

  private actor(principal: Principal, kind: 'user' | 'admin'): Actor {
    return { kind, id: principal.userId };
  }
}
