import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { SessionIndexContentionError, SessionStoreUnavailableError } from '@sessionops/sessions';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { ApiErrorCode } from '../errors/api-error-code.js';
import { ApiException } from '../errors/api.exception.js';
import type { ErrorResponseDto } from '../dtos/error-response.dto.js';

/** An error as it leaves the server: the body and, for 429 and 503, a retry hint. */
interface Rendered {
  body: ErrorResponseDto;
  retryAfterSeconds?: number;
}

/** The errors body-parser passes on: plain Errors with a `type` and an HTTP status. */
interface BodyParserError extends Error {
  type: string;
  status: number;
  expose?: boolean;
  limit?: number;
}

const FALLBACK_CODES: Record<number, ApiErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_ATTEMPTS',
  503: 'STORE_UNAVAILABLE',
};
// The store's own reconnect loop retries at least every second, so one second is an honest hint.
const STORE_RETRY_AFTER_SECONDS = 1;

function render(status: number, code: ApiErrorCode, message: string, retryAfterSeconds?: number): Rendered {
  return { body: { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message, code }, retryAfterSeconds };
}

function isBodyParserError(error: unknown): error is BodyParserError {
  const candidate = error as Partial<BodyParserError> | null;
  return typeof candidate?.type === 'string' && typeof candidate.status === 'number';
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/**
 * The one place errors become responses, all with the body `{statusCode, error, message, code}`. Known failures
 * keep their status and code; anything unexpected becomes a generic 500 whose stack goes to the log, never to the
 * client.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(@InjectPinoLogger(AllExceptionsFilter.name) private readonly logger: PinoLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const { body, retryAfterSeconds } = this.render(exception, http.getRequest<Request>());

    if (response.headersSent) {
      this.logger.error({ event: 'http.error_after_headers', err: exception }, 'Error after the response started');
      response.end();
      return;
    }
    if (retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }

  private render(exception: unknown, request: Request): Rendered {
    if (exception instanceof ApiException) {
      return render(exception.getStatus(), exception.code, exception.message, exception.retryAfterSeconds);
    }
    // Nest's Express adapter wraps body-parser errors in an HttpException that keeps the original as `cause`.
    const bodyParserError = exception instanceof HttpException ? exception.cause : exception;
    if (isBodyParserError(bodyParserError)) return this.renderBodyParserError(bodyParserError);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = FALLBACK_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
      return render(status, code, messageOf(exception));
    }
    if (exception instanceof SessionStoreUnavailableError) {
      this.logger.debug({ event: 'store.unavailable', operation: exception.operation }, 'Session store unavailable');
      const message = 'The session store is unreachable; try again shortly';
      return render(HttpStatus.SERVICE_UNAVAILABLE, 'STORE_UNAVAILABLE', message, STORE_RETRY_AFTER_SECONDS);
    }
    if (exception instanceof SessionIndexContentionError) {
      const message = 'Too many changes to these sessions at once; try again';
      return render(HttpStatus.SERVICE_UNAVAILABLE, 'STORE_BUSY', message, STORE_RETRY_AFTER_SECONDS);
    }

    this.logger.error(
      { event: 'http.unhandled_error', err: exception, method: request.method, route: request.route?.path },
      'Unhandled error',
    );
    return render(HttpStatus.INTERNAL_SERVER_ERROR, 'INTERNAL', 'Internal server error');
  }

  private renderBodyParserError(error: BodyParserError): Rendered {
    if (error.type === 'entity.parse.failed') {
      return render(HttpStatus.BAD_REQUEST, 'INVALID_JSON', 'The request body is not valid JSON');
    }
    if (error.type === 'entity.too.large') {
      const message = `The request body exceeds the limit of ${error.limit} bytes`;
      return render(HttpStatus.PAYLOAD_TOO_LARGE, 'PAYLOAD_TOO_LARGE', message);
    }
    // Unsupported charset or encoding, aborted upload: the client's fault, with body-parser's own safe message.
    const status = error.status >= 400 && error.status < 500 ? error.status : HttpStatus.BAD_REQUEST;
    return render(status, 'BAD_REQUEST', error.expose ? error.message : 'The request body could not be read');
  }
}
