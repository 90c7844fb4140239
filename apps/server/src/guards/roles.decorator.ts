import { SetMetadata } from '@nestjs/common';

export const REQUIRED_ROLES = 'sessionops:roles';

/** The roles a route needs, checked by `RolesGuard` against the user's current roles. */
export const Roles = (...roles: string[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLES, roles);
