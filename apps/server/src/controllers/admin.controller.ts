import { Controller, Delete, Get, HttpCode, HttpStatus, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { SessionDto } from '../dtos/session.dto.js';
import { CurrentPrincipal } from '../guards/current-principal.decorator.js';
import type { Principal } from '../guards/principal.js';
import { Roles } from '../guards/roles.decorator.js';
import { RolesGuard } from '../guards/roles.guard.js';
import { ApiErrorResponses } from '../openapi/api-error-responses.decorator.js';
import { SessionsService } from '../services/sessions.service.js';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@UseGuards(RolesGuard)
@Controller('admin')
export class AdminController {
  constructor(private readonly sessions: SessionsService) {}

  @Get('users/:userId/sessions')
  @ApiOperation({ summary: "List a user's live sessions" })
  @ApiParam({ name: 'userId', description: 'User id' })
  @ApiOkResponse({ type: [SessionDto], description: 'Most recently seen first' })
  @ApiErrorResponses(401, 403, 404, 503)
  listUserSessions(@CurrentPrincipal() principal: Principal, @Param('userId') userId: string): Promise<SessionDto[]> {
    return this.sessions.listForUser(principal, userId);
  }

  @Delete('users/:userId/sessions')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke every session of a user' })
  @ApiParam({ name: 'userId', description: 'User id' })
  @ApiNoContentResponse({ description: 'Every session of the user is revoked' })
  @ApiErrorResponses(401, 403, 404, 503)
  revokeUserSessions(@CurrentPrincipal() principal: Principal, @Param('userId') userId: string): Promise<void> {
    return this.sessions.revokeAllForUser(principal, userId);
  }

  @Delete('sessions/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke any one session' })
  @ApiParam({ name: 'id', description: 'Session id' })
  @ApiNoContentResponse({ description: 'The session is revoked' })
  @ApiErrorResponses(401, 403, 404, 503)
  revokeAnySession(@CurrentPrincipal() principal: Principal, @Param('id') sessionId: string): Promise<void> {
    return this.sessions.revokeAny(principal, sessionId);
  }
}
