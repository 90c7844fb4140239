import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@sessionops/config';
import { redactRedisUrl, waitUntilReady, type Redis } from '@sessionops/redis';
import type { SessionStore } from '@sessionops/sessions';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { APP_CONFIG, REDIS_CLIENT, SESSION_STORE } from '../app.tokens.js';

/**
 * Starts and stops the storage: connects Redis without refusing to start when it is down (requests get 503 and
 * /health/ready says so until it returns; ioredis reconnects by itself), reports connection changes once each
 * rather than per retry, and closes everything after the HTTP server has finished its in-flight requests.
 */
@Injectable()
export class SessionBackendLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private connected = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS_CLIENT) private readonly client: Redis | null,
    @Inject(SESSION_STORE) private readonly store: SessionStore,
    @InjectPinoLogger('SessionBackend') private readonly logger: PinoLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.client) {
      this.logger.warn(
        { event: 'store.selected', store: this.store.kind },
        'Session store: in-memory: single process, lost on restart (set REDIS_URL to share sessions)',
      );
      return;
    }

    const target = redactRedisUrl(this.config.redis.url ?? '');
    this.watch(this.client, target);
    this.logger.info(
      { event: 'store.selected', store: this.store.kind, redis: target },
      `Session store: Redis at ${target}`,
    );
    try {
      // Waiting briefly makes the first requests after startup find a ready connection.
      await waitUntilReady(this.client, this.config.redis.connectTimeoutMs, target);
    } catch {
      this.logger.warn(
        { event: 'redis.unreachable_at_start', redis: target },
        'Redis is not reachable yet: requests get 503 until it is; reconnecting in the background',
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    if (this.client) {
      this.connected = false;
      // QUIT lets replies in flight arrive; a client that is not connected has nothing to wait for.
      if (this.client.status === 'ready') {
        await this.client.quit().catch(() => this.client?.disconnect());
      } else {
        this.client.disconnect();
      }
    }
    this.logger.info({ event: 'store.closed', store: this.store.kind }, 'Session store closed');
  }

  private watch(client: Redis, target: string): void {
    let everReady = false;
    client.on('ready', () => {
      const event = everReady ? 'redis.reconnected' : 'redis.connected';
      this.logger.info({ event, redis: target }, 'Redis is ready');
      everReady = true;
      this.connected = true;
    });
    // One warning per outage: ioredis reports every failed reconnect attempt as an error, logged at debug only.
    client.on('close', () => {
      if (!this.connected) return;
      this.connected = false;
      this.logger.warn({ event: 'redis.disconnected', redis: target }, 'Redis connection lost; reconnecting');
    });
    client.on('error', (error: Error) => {
      this.logger.debug({ event: 'redis.error', redis: target, err: error }, 'Redis connection error');
    });
  }
}
