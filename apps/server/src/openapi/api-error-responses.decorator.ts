import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../dtos/error-response.dto.js';

/** What each error status means in this API; every error body is an `ErrorResponseDto`. */
const DESCRIPTIONS: Record<number, string> = {
  400: 'The request body is malformed JSON, has unknown fields or fails validation (VALIDATION_FAILED, INVALID_JSON)',
  401: 'Missing, invalid or expired credentials, or a session that is no longer live',
  403: 'The caller lacks a required role (FORBIDDEN)',
  404: 'No such resource, or a malformed id',
  409: 'The e-mail address is taken (EMAIL_TAKEN)',
  413: 'The request body is over the size limit (PAYLOAD_TOO_LARGE)',
  429: 'Too many attempts; the Retry-After header says when to try again (TOO_MANY_ATTEMPTS)',
  503: 'The session store is unreachable; the request was refused, not guessed (STORE_UNAVAILABLE)',
};

const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' as const } },
};

/** Documents error responses of an operation by status, each with the shared error body schema. */
export function ApiErrorResponses(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) => {
      const description = DESCRIPTIONS[status];
      if (description === undefined) throw new Error(`INVARIANT: no description for error status ${status}`);
      const headers = status === 429 || status === 503 ? RETRY_AFTER : undefined;
      return ApiResponse({ status, description, type: ErrorResponseDto, headers });
    }),
  );
}
