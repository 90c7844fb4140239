import { Controller, Delete, Get, HttpCode, HttpStatus, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { SessionDto } from '../dtos/session.dto.js';
import { CurrentPrincipal } from '../guards/current-principal.decorator.js';
import type { Principal } from '../guards/principal.js';
import { ApiErrorResponses } from '../openapi/api-error-responses.decorator.js';
import { SessionsService } from '../services/sessions.service.js';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get()
  @ApiOperation({ summary: "List the caller's live sessions" })
  @ApiOkResponse({ type: [SessionDto], description: 'Most recently seen first; the current one has current: true' })
  @ApiErrorResponses(401, 503)
  listMySessions(@CurrentPrincipal() principal: Principal): Promise<SessionDto[]> {
    return this.sessions.listOwn(principal);
  }

  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: "Revoke all the caller's sessions except the current one" })
  @ApiNoContentResponse({ description: 'The other sessions are revoked' })
  @ApiErrorResponses(401, 503)
  revokeMyOtherSessions(@CurrentPrincipal() principal: Principal): Promise<void> {
    return this.sessions.revokeOthers(principal);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke one of the caller’s sessions' })
  @ApiParam({ name: 'id', description: 'Session id' })
  @ApiNoContentResponse({ description: 'The session is revoked' })
  @ApiErrorResponses(401, 404, 503)
  revokeMySession(@CurrentPrincipal() principal: Principal, @Param('id') sessionId: string): Promise<void> {
    return this.sessions.revokeOwn(principal, sessionId);
  }
}
