import type { Request } from 'express';
import type { ClientInfo } from '../services/client-info.js';

/** The client address (Express `req.ip`, which honours TRUST_PROXY) and user agent of a request. */
export function clientOf(request: Request): ClientInfo {
  return { ip: request.ip ?? request.socket.remoteAddress ?? 'unknown', userAgent: request.get('user-agent') ?? '' };
}
