import { DesignationStatus as S } from '@app/core';

import { allowedNext, canTransition } from './designation-state-machine';

describe('designation state machine', () => {
  it('lets a candidate be recognised or rejected only', () => {
    expect(allowedNext(S.CANDIDATE)).toEqual([S.RECOGNISED, S.REJECTED]);
    expect(canTransition(S.CANDIDATE, S.UNDER_REVIEW)).toBe(false);
  });

  it('returns from review to recognised', () => {
    expect(canTransition(S.RECOGNISED, S.UNDER_REVIEW)).toBe(true);
    expect(canTransition(S.UNDER_REVIEW, S.RECOGNISED)).toBe(true);
  });

  it('keeps expired, revoked and rejected terminal', () => {
    for (const terminal of [S.EXPIRED, S.REVOKED, S.REJECTED]) expect(allowedNext(terminal)).toEqual([]);
  });
});
