import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig, type AppConfig, type Environment } from '@sessionops/config';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { createApp, type AppOverrides } from '../../src/app.factory.js';
import { LogCapture } from './log-capture.js';

/** A running app on a loopback port, with a supertest client bound to it. */
export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  url: string;
  http: ReturnType<typeof request>;
  logs: LogCapture;
  close(): Promise<void>;
}

/**
 * Starts the app as production would (createApp, then listen), with a fresh secret, quiet logs captured in memory
 * and any variables the test sets. `LOG_LEVEL` may be raised by a test that inspects log lines.
 */
export async function startTestApp(env: Environment = {}, overrides: AppOverrides = {}): Promise<TestApp> {
  const { config } = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: randomBytes(32).toString('base64url'),
    LOG_LEVEL: 'warn',
    ...env,
  });
  const logs = new LogCapture();
  const app = await createApp(config, { logDestination: logs, ...overrides });
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  return { app, config, url, http: request(url), logs, close: () => app.close() };
}
