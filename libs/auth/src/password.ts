import { compare, hash } from 'bcryptjs';

import { AppException, ErrorCode } from '@app/core';

const COST = 10;

/**
 * Compared against when the username is unknown, so that answer takes as long as a wrong password and does not
 * reveal which names exist. A fixed hash of a random password at the same cost (password.spec checks it), not one
 * hashed at load time: that cost every start ~0.1 s of CPU before the app could serve. Matching it grants nothing.
 */
export const UNKNOWN_USER_HASH = '$2b$10$u3KVHp6d8YJ/3/l5E72f0uEF9dUEWeJzE0D0IhZbW6PG8bYfVzxjK';

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
