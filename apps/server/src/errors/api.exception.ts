import { HttpException } from '@nestjs/common';
import type { ApiErrorCode } from './api-error-code.js';

/**
 * An HTTP error with a stable machine `code`. Services throw it; the global exception filter turns it into the one
 * error body shape `{statusCode, error, message, code}`.
 */
export class ApiException extends HttpException {
  constructor(
    status: number,
    readonly code: ApiErrorCode,
    message: string,
    /** Seconds until a retry can succeed; sent as `Retry-After` (429 and 503 only). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message, status);
    this.name = 'ApiException';
  }
}
