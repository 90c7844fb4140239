import type { AppConfig } from '@sessionops/config';
import { SESSION_ID_SOURCE, shortSessionId } from '@sessionops/sessions';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream, Level, LevelWithSilent } from 'pino';
import type { Options } from 'pino-http';
import { requestIdFor } from './request-id.js';

/** Keys whose values never reach a log line, wherever they appear. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'password',
  'refreshToken',
  'accessToken',
  '*.password',
  '*.refreshToken',
  '*.accessToken',
];

// The session library's own definition of the shape, so a change to the id format cannot leave full ids in logs.
const SESSION_ID_IN_PATH = new RegExp(SESSION_ID_SOURCE, 'g');

/** A URL with every session id shortened, as logs show it. */
export function loggableUrl(url: string | undefined): string {
  return (url ?? '').replace(SESSION_ID_IN_PATH, shortSessionId);
}

function requestLevel(_request: IncomingMessage, response: ServerResponse, error?: Error): LevelWithSilent {
  // 503 while the store is away is expected and reported once by the connection monitor, not per request.
  if (error || (response.statusCode >= 500 && response.statusCode !== 503)) return 'warn';
  return 'debug';
}

/**
 * nestjs-pino settings: JSON lines (pretty only with LOG_PRETTY), a request id on every line, one line per request
 * at debug (so the default level stays quiet under load), secrets redacted by key and session ids shortened.
 */
export function loggerParams(config: AppConfig, destination?: DestinationStream): Params {
  const options: Options = {
    level: config.log.level as Level,
    genReqId: requestIdFor,
    // Bind only the request id to lines logged during a request; the request itself is logged once at the end.
    quietReqLogger: true,
    customLogLevel: requestLevel,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      req: (request: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({
        id: request.id,
        method: request.method,
        url: loggableUrl(request.url),
        remoteAddress: request.remoteAddress,
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
    transport: config.log.pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
  };
  return { pinoHttp: destination ? [options, destination] : options };
}
