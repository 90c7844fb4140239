import { Controller, Get, Header, HttpStatus, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SessionStoreUnavailableError, type SessionStore } from '@sessionops/sessions';
import { SESSION_STORE } from '../app.tokens.js';
import { ApiException } from '../errors/api.exception.js';
import { Public } from '../guards/public.decorator.js';
import { ApiErrorResponses } from '../openapi/api-error-responses.decorator.js';
import { HealthStatusDto } from './health-status.dto.js';

const LIVE: HealthStatusDto = { status: 'ok' };

/**
 * Probes for orchestrators. Liveness says the process serves HTTP; readiness says it can serve requests that need
 * the session store, so a load balancer can stop routing to it while Redis is away.
 */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(@Inject(SESSION_STORE) private readonly store: SessionStore) {}

  @Get('live')
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Liveness probe: the process answers HTTP' })
  @ApiOkResponse({ type: HealthStatusDto, description: 'Alive' })
  @ApiErrorResponses(400)
  checkLiveness(): HealthStatusDto {
    return LIVE;
  }

  @Get('ready')
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Readiness probe: the session store answers' })
  @ApiOkResponse({ type: HealthStatusDto, description: 'Ready to serve' })
  @ApiErrorResponses(400, 503)
  async checkReadiness(): Promise<HealthStatusDto> {
    try {
      await this.store.ping();
    } catch (error) {
      if (!(error instanceof SessionStoreUnavailableError)) throw error;
      throw new ApiException(
        HttpStatus.SERVICE_UNAVAILABLE,
        'STORE_UNAVAILABLE',
        'The session store is unreachable',
        1,
      );
    }
    return { status: 'ok', store: this.store.kind };
  }
}
