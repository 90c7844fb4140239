import { describe, expect, it } from '@jest/globals';
import { BadRequestException, ForbiddenException, HttpException, type ArgumentsHost } from '@nestjs/common';
import { SessionIndexContentionError, SessionStoreUnavailableError } from '@sessionops/sessions';
import type { PinoLogger } from 'nestjs-pino';
import { ApiException } from '../errors/api.exception.js';
import { AllExceptionsFilter } from './all-exceptions.filter.js';

interface Sent {
  status?: number;
  body?: unknown;
  headers: Record<string, string>;
  logged: { level: string; fields: Record<string, unknown> }[];
}

function handle(exception: unknown): Sent {
  const sent: Sent = { headers: {}, logged: [] };
  const log = (level: string) => (fields: Record<string, unknown>) => sent.logged.push({ level, fields });
  const logger = { error: log('error'), debug: log('debug') } as unknown as PinoLogger;
  const response = {
    headersSent: false,
    setHeader: (name: string, value: string) => (sent.headers[name] = value),
    status(code: number) {
      sent.status = code;
      return this;
    },
    json: (body: unknown) => (sent.body = body),
  };
  const request = { method: 'GET', route: { path: '/things/:id' } };
  const host = {
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }),
  } as unknown as ArgumentsHost;
  new AllExceptionsFilter(logger).catch(exception, host);
  return sent;
}

function bodyParserError(type: string, status: number, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error('raw parser message'), { type, status, expose: true, ...extra });
}

describe(AllExceptionsFilter.name, () => {
  it('keeps the status, code and retry hint of an ApiException', () => {
    const sent = handle(new ApiException(429, 'TOO_MANY_ATTEMPTS', 'Slow down', 42));

    expect(sent.status).toBe(429);
    expect(sent.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Slow down',
      code: 'TOO_MANY_ATTEMPTS',
    });
    expect(sent.headers['Retry-After']).toBe('42');
  });

  it('gives other HTTP exceptions a code by status and a string message', () => {
    expect(handle(new ForbiddenException()).body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    expect(handle(new BadRequestException(['a is wrong', 'b is wrong'])).body).toMatchObject({
      statusCode: 400,
      message: 'a is wrong; b is wrong',
      code: 'BAD_REQUEST',
    });
  });

  it('maps body-parser errors, raw or wrapped by Nest, to INVALID_JSON and PAYLOAD_TOO_LARGE', () => {
    const malformed = bodyParserError('entity.parse.failed', 400);
    const tooLarge = bodyParserError('entity.too.large', 413, { limit: 100_000 });

    expect(handle(malformed).body).toMatchObject({ statusCode: 400, code: 'INVALID_JSON' });
    expect(handle(new HttpException('x', 400, { cause: malformed })).body).toMatchObject({ code: 'INVALID_JSON' });
    expect(handle(new HttpException('x', 413, { cause: tooLarge })).body).toMatchObject({
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The request body exceeds the limit of 100000 bytes',
    });
    expect(handle(bodyParserError('charset.unsupported', 415)).body).toMatchObject({ statusCode: 415 });
  });

  it('fails closed with 503 and a retry hint when the store is unavailable or contended', () => {
    const unavailable = handle(new SessionStoreUnavailableError('authenticate'));
    const busy = handle(new SessionIndexContentionError('create', 5));

    expect(unavailable.body).toMatchObject({ statusCode: 503, code: 'STORE_UNAVAILABLE' });
    expect(unavailable.headers['Retry-After']).toBe('1');
    expect(busy.body).toMatchObject({ statusCode: 503, code: 'STORE_BUSY' });
  });

  it('turns anything else into a generic 500 and logs the error with its stack, never sending it', () => {
    const bug = new TypeError('cannot read secretThing of undefined');

    const sent = handle(bug);

    expect(sent.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal server error',
      code: 'INTERNAL',
    });
    expect(JSON.stringify(sent.body)).not.toContain('secretThing');
    expect(sent.logged).toEqual([
      {
        level: 'error',
        fields: expect.objectContaining({ event: 'http.unhandled_error', err: bug, route: '/things/:id' }),
      },
    ]);
  });
});
