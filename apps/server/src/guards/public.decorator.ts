import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'sessionops:public';

/** Marks a route that needs no access token. Every other route goes through the access-token guard. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
