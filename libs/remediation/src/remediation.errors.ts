import { AppException, ErrorCode } from '@app/core';

import { REMEDIATION_CATEGORY_LABELS, REMEDIATION_STATUS_LABELS, REMEDIATION_TRANSITIONS, RemediationCategory, RemediationStatus } from './remediation-enums';

/** This lib's stable error codes (beside the shared ones of ErrorCode). */
export enum RemediationErrorCode {
  REMEDIATION_CASE_NOT_FOUND = 'REMEDIATION_CASE_NOT_FOUND',
  LAND_BLOCK_NOT_FOUND = 'LAND_BLOCK_NOT_FOUND',
  LAND_BLOCK_NAME_TAKEN = 'LAND_BLOCK_NAME_TAKEN',
  LAND_BLOCK_IN_USE = 'LAND_BLOCK_IN_USE',
  DUPLICATE_OPEN_CASE = 'DUPLICATE_OPEN_CASE',
  /** Opening D-class cases for a year without a computed evaluation */
  EVALUATION_NOT_COMPUTED = 'EVALUATION_NOT_COMPUTED',
  /** Opening D-class cases before the year's results are publicised */
  EVALUATION_NOT_PUBLICISED = 'EVALUATION_NOT_PUBLICISED',
}

export const caseNotFound = (id: string) => AppException.notFound(RemediationErrorCode.REMEDIATION_CASE_NOT_FOUND, `找不到整治案件 ${id} (remediation case not found)`);

export const blockNotFound = (id: string) => AppException.notFound(RemediationErrorCode.LAND_BLOCK_NOT_FOUND, `找不到区块 ${id} (land block not found)`);

export const blockNameTaken = (name: string) =>
  AppException.conflict(RemediationErrorCode.LAND_BLOCK_NAME_TAKEN, `已有名为“${name}”的区块,请换一个名称或修改原区块 (block name taken)`, { field: 'name' });

export const blockInUse = (count: number) =>
  AppException.conflict(RemediationErrorCode.LAND_BLOCK_IN_USE, `该区块已有 ${count} 个整治案件,不能删除 (block has cases)`);

export const duplicateOpenCase = (category: RemediationCategory, existingId: string, subject = '该对象') =>
  AppException.conflict(
    RemediationErrorCode.DUPLICATE_OPEN_CASE,
    `${subject}已有一个未销号的“${REMEDIATION_CATEGORY_LABELS[category]}”整治案件,请在原案件上继续办理 (an open case of this category exists)`,
    { existingId },
  );

export function illegalCaseTransition(from: RemediationStatus, to: RemediationStatus): AppException {
  const allowed = REMEDIATION_TRANSITIONS[from];
  const names = allowed.map((s) => `“${REMEDIATION_STATUS_LABELS[s]}”`).join('、') || '无(已是最终状态)';
  return AppException.conflict(
    ErrorCode.ILLEGAL_TRANSITION,
    `整治案件不能从“${REMEDIATION_STATUS_LABELS[from]}”变为“${REMEDIATION_STATUS_LABELS[to]}”,可选:${names} (illegal transition ${from} → ${to})`,
    { from, to, allowed },
  );
}

export const futureDate = (field: string, value: string, today: string) =>
  AppException.field(ErrorCode.DATE_IN_FUTURE, field, `${field} ${value} 晚于今天 ${today},不能预填 (date after today)`);
