import { type CanActivate, type ExecutionContext, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { UsersRepository } from '@sessionops/sessions';
import { USERS_REPOSITORY } from '../app.tokens.js';
import { ApiException } from '../errors/api.exception.js';
import type { AuthenticatedRequest } from './authenticated-request.js';
import { REQUIRED_ROLES } from './roles.decorator.js';

/**
 * Checks `@Roles(...)` against the user's roles as stored now, not the access token's claim: a role taken away
 * stops working on the next request instead of when the token expires. Runs after the access-token guard.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(USERS_REPOSITORY) private readonly users: UsersRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const required = this.reflector.getAllAndOverride<string[] | undefined>(REQUIRED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!required || required.length === 0) return true;

    const { principal } = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const user = await this.users.findById(principal.userId);
    if (!user || !required.every((role) => user.roles.includes(role))) {
      throw new ApiException(HttpStatus.FORBIDDEN, 'FORBIDDEN', `This needs the role ${required.join(', ')}`);
    }
    return true;
  }
}
