import { type CanActivate, type ExecutionContext, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { SessionCheck, SessionStore } from '@sessionops/sessions';
import { SESSION_STORE } from '../app.tokens.js';
import { ApiException } from '../errors/api.exception.js';
import { AccessTokenService } from '../services/access-token.service.js';
import type { AuthenticatedRequest } from './authenticated-request.js';
import { IS_PUBLIC } from './public.decorator.js';

const BEARER_PREFIX = 'bearer ';

function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined || header.length <= BEARER_PREFIX.length) return undefined;
  if (header.slice(0, BEARER_PREFIX.length).toLowerCase() !== BEARER_PREFIX) return undefined;
  return header.slice(BEARER_PREFIX.length).trim();
}

function rejection(check: Exclude<SessionCheck, { ok: true }>): ApiException {
  switch (check.reason) {
    case 'revoked':
      return new ApiException(HttpStatus.UNAUTHORIZED, 'SESSION_REVOKED', 'The session was revoked');
    case 'expired':
      return new ApiException(HttpStatus.UNAUTHORIZED, 'SESSION_EXPIRED', 'The session has expired');
    case 'not-found':
      return new ApiException(HttpStatus.UNAUTHORIZED, 'SESSION_NOT_FOUND', 'The session does not exist');
    case 'wrong-user':
      return new ApiException(HttpStatus.UNAUTHORIZED, 'TOKEN_INVALID', 'The access token is invalid');
  }
}

/**
 * The global guard. For every route not marked `@Public()`: verify the bearer JWT (signature, algorithm, key,
 * issuer, audience, expiry), then ask the store in one round trip whether its session is live and belongs to the
 * token's subject, so a logout or revocation takes effect on the very next request. A store that cannot answer
 * throws `SessionStoreUnavailableError`, which becomes 503: the guard fails closed, never open.
 */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  // Route metadata never changes after startup; remembering it keeps reflection off the hot path.
  private readonly publicHandlers = new WeakMap<object, boolean>();

  constructor(
    private readonly reflector: Reflector,
    private readonly accessTokens: AccessTokenService,
    @Inject(SESSION_STORE) private readonly store: SessionStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.isPublic(context)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, 'TOKEN_MISSING', 'An Authorization: Bearer token is required');
    }
    const principal = this.accessTokens.verify(token);
    const check = await this.store.authenticate(principal.sessionId, principal.userId);
    if (!check.ok) throw rejection(check);

    request.principal = principal;
    return true;
  }

  private isPublic(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    let isPublic = this.publicHandlers.get(handler);
    if (isPublic === undefined) {
      isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler, context.getClass()]) === true;
      this.publicHandlers.set(handler, isPublic);
    }
    return isPublic;
  }
}
