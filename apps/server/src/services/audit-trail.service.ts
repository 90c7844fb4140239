import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { AuditTrail } from '@sessionops/audit';
import type { AppConfig } from '@sessionops/config';
import { RedisKeyspace, type Redis } from '@sessionops/redis';
import type { SessionStore } from '@sessionops/sessions';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { APP_CONFIG, REDIS_CLIENT, SESSION_STORE } from '../app.tokens.js';

/**
 * Appends every session event to the Redis audit stream and the per-minute counters that `sessionctl audit tail`
 * and `sessionctl top` read. Only with Redis: the embedded store has no one else to read them. A failed write is
 * logged and never fails the request that caused the event.
 */
@Injectable()
export class AuditTrailService implements OnModuleInit, OnApplicationShutdown {
  private trail: AuditTrail | undefined;
  private detach: (() => void) | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS_CLIENT) private readonly client: Redis | null,
    @Inject(SESSION_STORE) private readonly store: SessionStore,
    @InjectPinoLogger('AuditTrail') private readonly logger: PinoLogger,
  ) {}

  onModuleInit(): void {
    if (!this.client) return;

    this.trail = new AuditTrail({
      client: this.client,
      keyspace: new RedisKeyspace(this.config.redis.keyPrefix),
      maxLength: this.config.audit.streamMaxLength,
      recordRefreshed: this.config.audit.recordRefreshed,
      onError: (error) =>
        this.logger.warn({ event: 'audit.write_failed', type: error.eventType, err: error.cause }, error.message),
    });
    this.detach = this.trail.attach(this.store.events);
  }

  /**
   * Nest runs this after the HTTP server has finished its in-flight requests, so their events are recorded too. Their
   * writes were sent already; Redis answers them before the QUIT that closes the shared client.
   */
  async onApplicationShutdown(): Promise<void> {
    this.detach?.();
    await this.trail?.flush();
  }
}
