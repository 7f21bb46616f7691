import { HttpStatus } from '@nestjs/common';

import { ErrorCode } from './error-codes';

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** A domain error with its HTTP status and stable code; the exception filter renders it. */
export class AppException extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: ErrorCode | string,
    message: string,
    readonly errors?: FieldError[],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  static badRequest(code: ErrorCode | string, message: string, errors?: FieldError[]) {
    return new AppException(HttpStatus.BAD_REQUEST, code, message, errors);
  }

  static field(code: ErrorCode | string, field: string, message: string) {
    return new AppException(HttpStatus.BAD_REQUEST, code, message, [{ field, code, message }]);
  }

  static notFound(code: ErrorCode | string, message: string) {
    return new AppException(HttpStatus.NOT_FOUND, code, message);
  }

  static conflict(code: ErrorCode | string, message: string, details?: Record<string, unknown>) {
    return new AppException(HttpStatus.CONFLICT, code, message, undefined, details);
  }

  static forbidden(code: ErrorCode | string, message: string, errors?: FieldError[]) {
    return new AppException(HttpStatus.FORBIDDEN, code, message, errors);
  }

  static versionConflict(entity: string, expected: number, actual: number) {
    return AppException.conflict(
      ErrorCode.VERSION_CONFLICT,
      `${entity}已被他人修改(当前版本 ${actual},提交的版本 ${expected}),请刷新后重试 (stale version: current ${actual}, sent ${expected})`,
      { currentVersion: actual },
    );
  }
}
