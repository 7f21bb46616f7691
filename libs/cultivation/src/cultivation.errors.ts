import { AppException, DESIGNATION_STATUS_LABELS, DesignationStatus, ErrorCode } from '@app/core';

import { allowedNext, describeAllowed } from './designations/designation-state-machine';

export const designationNotFound = (id: string) => AppException.notFound(ErrorCode.DESIGNATION_NOT_FOUND, `找不到认定记录 ${id} (designation not found)`);

export const chainNotFound = (id: string) => AppException.notFound(ErrorCode.CHAIN_NOT_FOUND, `找不到产业链 ${id} (chain not found)`);

export const communityNotFound = (id: string) => AppException.notFound(ErrorCode.COMMUNITY_NOT_FOUND, `找不到共同体 ${id} (community not found)`);

export function illegalTransition(from: DesignationStatus, to: DesignationStatus): AppException {
  return AppException.conflict(
    ErrorCode.ILLEGAL_TRANSITION,
    `不能从“${DESIGNATION_STATUS_LABELS[from]}”变为“${DESIGNATION_STATUS_LABELS[to]}”,可选:${describeAllowed(from)} (illegal transition ${from} → ${to})`,
    { from, to, allowed: allowedNext(from) },
  );
}

export function futureDate(field: string, value: string, today: string): AppException {
  return AppException.field(ErrorCode.DATE_IN_FUTURE, field, `${field} ${value} 晚于今天 ${today},不能预填 (date after today)`);
}
