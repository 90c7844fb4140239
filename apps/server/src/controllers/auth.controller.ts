import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthResponseDto } from '../dtos/auth-response.dto.js';
import { LoginDto } from '../dtos/login.dto.js';
import { MeDto } from '../dtos/me.dto.js';
import { RefreshResponseDto } from '../dtos/refresh-response.dto.js';
import { RefreshDto } from '../dtos/refresh.dto.js';
import { RegisterDto } from '../dtos/register.dto.js';
import { CurrentPrincipal } from '../guards/current-principal.decorator.js';
import type { Principal } from '../guards/principal.js';
import { Public } from '../guards/public.decorator.js';
import { ApiErrorResponses } from '../openapi/api-error-responses.decorator.js';
import { AuthService } from '../services/auth.service.js';
import { clientOf } from './request-client.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @Public()
  @ApiOperation({ summary: 'Create an account and log it in' })
  @ApiCreatedResponse({ type: AuthResponseDto, description: 'The account and the tokens of its first session' })
  @ApiErrorResponses(400, 409, 413, 429, 503)
  register(@Body() body: RegisterDto, @Req() request: Request): Promise<AuthResponseDto> {
    return this.auth.register(body, clientOf(request));
  }

  @Post('login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Log in with e-mail and password, opening a new session' })
  @ApiOkResponse({ type: AuthResponseDto, description: 'The account and the tokens of the new session' })
  @ApiErrorResponses(400, 401, 413, 429, 503)
  login(@Body() body: LoginDto, @Req() request: Request): Promise<AuthResponseDto> {
    return this.auth.login(body, clientOf(request));
  }

  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Exchange a refresh token for a new access token and a new refresh token',
    description:
      'Each refresh token works once. Presenting the previous one again within the grace window returns the same ' +
      'new pair; presenting it later revokes the session (REFRESH_TOKEN_REUSED).',
  })
  @ApiOkResponse({ type: RefreshResponseDto, description: 'The new tokens' })
  @ApiErrorResponses(400, 401, 413, 503)
  refreshTokens(@Body() body: RefreshDto): Promise<RefreshResponseDto> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke the current session' })
  @ApiNoContentResponse({ description: 'The session is revoked; its tokens stop working at once' })
  @ApiErrorResponses(401, 503)
  logout(@CurrentPrincipal() principal: Principal): Promise<void> {
    return this.auth.logout(principal);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The account behind the access token' })
  @ApiOkResponse({ type: MeDto, description: 'The caller' })
  @ApiErrorResponses(401, 503)
  getCurrentUser(@CurrentPrincipal() principal: Principal): MeDto {
    return this.auth.profile(principal);
  }
}
