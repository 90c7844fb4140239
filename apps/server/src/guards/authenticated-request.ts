import type { Request } from 'express';
import type { Principal } from './principal.js';

/** A request that passed the access-token guard. */
export interface AuthenticatedRequest extends Request {
  principal: Principal;
}
