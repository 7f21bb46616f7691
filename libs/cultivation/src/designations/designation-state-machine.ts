import { DESIGNATION_STATUS_LABELS, DesignationStatus } from '@app/core';

const S = DesignationStatus;

/** The lifecycle: every legal next state. EXPIRED, REVOKED and REJECTED are terminal. */
export const DESIGNATION_TRANSITIONS: Record<DesignationStatus, readonly DesignationStatus[]> = {
  [S.CANDIDATE]: [S.RECOGNISED, S.REJECTED],
  [S.RECOGNISED]: [S.UNDER_REVIEW, S.EXPIRED, S.REVOKED],
  [S.UNDER_REVIEW]: [S.RECOGNISED, S.EXPIRED, S.REVOKED],
  [S.EXPIRED]: [],
  [S.REVOKED]: [],
  [S.REJECTED]: [],
};

export function allowedNext(from: DesignationStatus): readonly DesignationStatus[] {
  return DESIGNATION_TRANSITIONS[from];
}

export function canTransition(from: DesignationStatus, to: DesignationStatus): boolean {
  return DESIGNATION_TRANSITIONS[from].includes(to);
}

export function describeAllowed(from: DesignationStatus): string {
  const next = allowedNext(from);
  return next.length ? next.map((s) => `${DESIGNATION_STATUS_LABELS[s]} ${s}`).join('、') : '无(终态 terminal)';
}
