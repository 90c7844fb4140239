import { HttpStatus, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ApiException } from '../errors/api.exception.js';

function messagesOf(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {});
    return [...own, ...messagesOf(error.children ?? [], path)];
  });
}

/**
 * The global validation pipe: unknown fields are rejected, nothing is coerced (a number is not a password), and
 * the 400 names every offending field in one message. Built once, shared by every route.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const messages = messagesOf(errors);
      const message = messages.length > 0 ? messages.join('; ') : 'The request body must be a JSON object';
      return new ApiException(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', message);
    },
  });
}
