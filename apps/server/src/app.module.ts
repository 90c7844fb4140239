import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import type { AppConfig } from '@sessionops/config';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { APP_CONFIG } from './app.tokens.js';
import { AdminController } from './controllers/admin.controller.js';
import { AuthController } from './controllers/auth.controller.js';
import { SessionsController } from './controllers/sessions.controller.js';
import { createValidationPipe } from './dtos/validation.pipe.js';
import { AllExceptionsFilter } from './filters/all-exceptions.filter.js';
import { AccessTokenGuard } from './guards/access-token.guard.js';
import { RolesGuard } from './guards/roles.guard.js';
import { HealthController } from './health/health.controller.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { MetricsService } from './metrics/metrics.service.js';
import { loggerParams } from './middleware/logger.options.js';
import { KeyRing } from './repositories/key-ring.repository.js';
import { PasswordHasher } from './repositories/password-hasher.repository.js';
import { SessionBackendLifecycle } from './repositories/session-backend.lifecycle.js';
import { sessionBackendProviders, type SessionBackendOverrides } from './repositories/session-backend.providers.js';
import { AccessTokenService } from './services/access-token.service.js';
import { AuthService } from './services/auth.service.js';
import { RefreshTokenService } from './services/refresh-token.service.js';
import { AuditTrailService } from './services/audit-trail.service.js';
import { SessionEventLogService } from './services/session-event-log.service.js';
import { SessionsService } from './services/sessions.service.js';

/** What `createApp` may replace: the stores, and where logs go (tests capture them). */
export interface AppOverrides extends SessionBackendOverrides {
  logDestination?: DestinationStream;
}

/** The whole API in one module: the app is small, and one module keeps every dependency visible. */
@Module({})
export class AppModule {
  static register(config: AppConfig, overrides: AppOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [LoggerModule.forRoot(loggerParams(config, overrides.logDestination))],
      controllers: [AuthController, SessionsController, AdminController, HealthController, MetricsController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        ...sessionBackendProviders(overrides),
        SessionBackendLifecycle,
        { provide: KeyRing, useFactory: (c: AppConfig) => new KeyRing(c.jwt.secrets), inject: [APP_CONFIG] },
        {
          provide: PasswordHasher,
          useFactory: (c: AppConfig) =>
            new PasswordHasher({
              memoryKib: c.password.memoryKib,
              iterations: c.password.iterations,
              concurrency: c.password.hashConcurrency,
            }),
          inject: [APP_CONFIG],
        },
        AccessTokenService,
        RefreshTokenService,
        AuthService,
        SessionsService,
        SessionEventLogService,
        AuditTrailService,
        MetricsService,
        RolesGuard,
        { provide: APP_GUARD, useClass: AccessTokenGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
