/**
 * Every `code` the API puts in an error body. Clients may branch on these strings; they never change meaning.
 * The README's error table lists them with their status.
 */
export const API_ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'PAYLOAD_TOO_LARGE',
  'BAD_REQUEST',
  'INVALID_CREDENTIALS',
  'UNAUTHORIZED',
  'TOKEN_MISSING',
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
  'SESSION_NOT_FOUND',
  'SESSION_EXPIRED',
  'SESSION_REVOKED',
  'REFRESH_TOKEN_INVALID',
  'REFRESH_TOKEN_REUSED',
  'FORBIDDEN',
  'NOT_FOUND',
  'USER_NOT_FOUND',
  'EMAIL_TAKEN',
  'TOO_MANY_ATTEMPTS',
  'STORE_UNAVAILABLE',
  'STORE_BUSY',
  'INTERNAL',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
