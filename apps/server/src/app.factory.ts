import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@sessionops/config';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppOverrides } from './app.module.js';
import { MetricsService } from './metrics/metrics.service.js';
import { mountOpenApi } from './openapi/openapi.document.js';
import { PasswordHasher } from './repositories/password-hasher.repository.js';

export type { AppOverrides } from './app.module.js';

/**
 * Builds and initialises the app (not listening): used by main.ts, by the e2e tests and by the benchmark, so each
 * can pass its own configuration (short lifetimes, a private REDIS_URL) and, in tests, its own stores.
 */
export async function createApp(config: AppConfig, overrides: AppOverrides = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, overrides), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.http.trustProxy);
  app.disable('x-powered-by');
  // API responses are small and never revalidated; hashing every body for an ETag is wasted work.
  app.set('etag', false);

  // Mounted first, so every request is timed, including those that fail in the body parser or match no route.
  app.use(app.get(MetricsService).middleware);
  app.useBodyParser('json', { limit: config.http.maxBodyBytes });
  mountOpenApi(app);

  await app.init();
  await app.get(PasswordHasher).warmUp();
  return app;
}
