import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { shortSessionId, type SessionEvent, type SessionStore } from '@sessionops/sessions';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { SESSION_STORE } from '../app.tokens.js';

/**
 * Turns session events into log lines: info for state changes, warn for a reuse detection (a stolen refresh token,
 * or a client that lost a response for longer than the grace window). Session ids are shortened; tokens never
 * appear. Listeners run inside the request that caused the event, so lines carry its request id.
 */
@Injectable()
export class SessionEventLogService implements OnModuleInit, OnApplicationShutdown {
  private unsubscribe: (() => void) | undefined;

  constructor(
    @Inject(SESSION_STORE) private readonly store: SessionStore,
    @InjectPinoLogger('SessionEvents') private readonly logger: PinoLogger,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.store.events.subscribe((event) => this.log(event));
  }

  // After the HTTP server has finished its in-flight requests (Nest's last hook), so their events are still logged.
  onApplicationShutdown(): void {
    this.unsubscribe?.();
  }

  private log(event: SessionEvent): void {
    switch (event.type) {
      case 'created':
        this.logger.info(
          { event: 'session.created', sid: shortSessionId(event.sessionId), userId: event.userId },
          'Session created',
        );
        return;
      case 'refreshed':
        // One per refresh: debug keeps a busy server's default log quiet.
        if (!this.logger.logger.isLevelEnabled('debug')) return;
        this.logger.debug(
          { event: 'session.refreshed', sid: shortSessionId(event.sessionId), generation: event.generation },
          'Refresh token rotated',
        );
        return;
      case 'revoked':
      case 'evicted':
        this.logger.info(
          {
            event: `session.${event.type}`,
            sid: shortSessionId(event.sessionId),
            userId: event.userId,
            reason: event.reason,
          },
          'Session revoked',
        );
        return;
      case 'reuse-detected':
        this.logger.warn(
          { event: 'session.reuse_detected', sid: shortSessionId(event.sessionId), userId: event.userId },
          'A refresh token was used again after its rotation; the session is revoked',
        );
        return;
      case 'revoked-all':
        this.logger.warn(
          { event: 'session.revoked_all', notBefore: new Date(event.notBefore).toISOString(), actor: event.actor },
          'Every session was revoked',
        );
        return;
    }
  }
}
