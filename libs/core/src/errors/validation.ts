import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';

import { findForbiddenCharacters } from '../validation/input-hygiene';
import { nullErrors } from '../validation/nullable';
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

/**
 * The one validation pipe: unknown fields are errors, payloads become DTO instances. On top of
 * class-validator it refuses, for every body, query and path parameter of every route, strings with
 * a NUL or an unpaired surrogate, and an explicit `null` on a field not marked @Nullable().
 */
class RegistryValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const path = findForbiddenCharacters(value, metadata.type === 'param' || typeof value === 'string' ? (metadata.data ?? '') : '');
      if (path !== undefined) {
        const message = `${path} 含有不允许的字符(NUL 或不成对的代理字符) (contains a NUL character or an unpaired surrogate)`;
        throw AppException.badRequest(ErrorCode.VALIDATION_FAILED, `请求参数有误 (invalid request): ${message}`, [
          { field: path, code: 'INVALID_CHARACTERS', message },
        ]);
      }
    }
    return super.transform(value, metadata);
  }

  protected override async validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> {
    const nulls = nullErrors(object);
    if (nulls.length) return nulls;
    try {
      return await super.validate(object, options);
    } catch {
      // A validator that throws on some input is a library bug, but the input is still refused, not a 500.
      return [{ property: 'body', constraints: { invalid: '请求内容无法校验 (request could not be validated)' }, children: [] }];
    }
  }
}

export function createValidationPipe(): ValidationPipe {
  return new RegistryValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: toValidationException,
  });
}
