import { compare, hash } from 'bcryptjs';

import { AppException, ErrorCode } from '@app/core';

const COST = 10;

/** Minimum strength: 10+ characters with both letters and digits. */
export function assertStrongPassword(password: string, field = 'password'): void {
  if (password.length < 10 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    throw AppException.field(
      ErrorCode.PASSWORD_TOO_WEAK,
      field,
      '密码至少 10 位,且须同时包含字母和数字 (at least 10 characters with letters and digits)',
    );
  }
}

export const hashPassword = (password: string) => hash(password, COST);
export const verifyPassword = (password: string, passwordHash: string) => compare(password, passwordHash);
