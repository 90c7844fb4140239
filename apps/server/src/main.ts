import { ConfigError, loadConfig, type AppConfig } from '@sessionops/config';
import { PinoLogger } from 'nestjs-pino';
import { pino } from 'pino';
import { createApp } from './app.factory.js';

/** Reads the configuration once; on any invalid variable logs them all as fatal and exits 1. */
function configOrExit(): { config: AppConfig; warnings: string[] } {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    pino().fatal({ event: 'config.invalid', problems: error.problems }, error.message);
    process.exit(1);
  }
}

async function bootstrap(): Promise<void> {
  const { config, warnings } = configOrExit();
  const app = await createApp(config);
  const logger = await app.resolve(PinoLogger);
  logger.setContext('Bootstrap');
  for (const warning of warnings) logger.warn({ event: 'config.warning' }, warning);

  // Nest closes the HTTP server (in-flight requests finish, idle keep-alive sockets close), then Redis, and
  // exits with 0; process.exit lets pino flush its last lines.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ event: 'server.stopping', signal }, 'Shutting down');
      // A request that never finishes must not keep the process alive forever.
      setTimeout(() => process.exit(1), config.http.shutdownTimeoutMs).unref();
    });
  }

  await app.listen(config.http.port, config.http.host);
  const url = await app.getUrl();
  logger.info({ event: 'server.listening', url, env: config.env }, `Listening on ${url}`);
}

bootstrap().catch((error: unknown) => {
  pino().fatal({ event: 'server.start_failed', err: error }, 'The server could not start');
  process.exit(1);
});
