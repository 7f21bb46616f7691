import { getRounds } from 'bcryptjs';

import { hashPassword, UNKNOWN_USER_HASH, verifyPassword } from './password';

describe('UNKNOWN_USER_HASH', () => {
  it('costs as many rounds as a stored password, so an unknown name answers as slowly as a wrong password', async () => {
    const stored = await hashPassword('Some-password-2022');
    expect(getRounds(UNKNOWN_USER_HASH)).toBe(getRounds(stored));
  });

  it('is a well-formed hash that no tried password matches', async () => {
    for (const password of ['', 'admin', 'Admin-pass-2022', UNKNOWN_USER_HASH]) {
      expect(await verifyPassword(password, UNKNOWN_USER_HASH)).toBe(false);
    }
  });
});
