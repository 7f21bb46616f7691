import { ValidationError, ValidationPipe } from '@nestjs/common';

import { AppException, FieldError } from './app.exception';
import { ErrorCode } from './error-codes';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      code: rule === 'whitelistValidation' ? 'UNKNOWN_FIELD' : rule.toUpperCase(),
      message: rule === 'whitelistValidation' ? `不认识的字段 ${field} (unknown field)` : message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

export function toValidationException(errors: ValidationError[]): AppException {
  const fieldErrors = flatten(errors);
  const summary = fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return AppException.badRequest(ErrorCode.VALIDATION_FAILED, `请求参数有误 (invalid request): ${summary}`, fieldErrors);
}

/** The one validation pipe: unknown fields are errors, payloads become DTO instances. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: toValidationException,
  });
}
