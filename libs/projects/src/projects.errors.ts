import { AppException, ErrorCode } from '@app/core';

/** Error codes of the project register (stable; clients switch on them). */
export const ProjectErrorCode = {
  PROJECT_NOT_FOUND: 'PROJECT_NOT_FOUND',
  PROJECT_CODE_INVALID: 'PROJECT_CODE_INVALID',
  PROJECT_CODE_DUPLICATE: 'PROJECT_CODE_DUPLICATE',
  PROGRAMME_UNKNOWN: 'PROGRAMME_UNKNOWN',
  PROGRESS_NOT_FOUND: 'PROGRESS_NOT_FOUND',
  PROGRESS_NOT_PENDING: 'PROGRESS_NOT_PENDING',
  INVESTMENT_INCONSISTENT: 'INVESTMENT_INCONSISTENT',
} as const;

export const projectNotFound = (id: string) => AppException.notFound(ProjectErrorCode.PROJECT_NOT_FOUND, `找不到项目 ${id} (project not found)`);

export const progressNotFound = (id: string) => AppException.notFound(ProjectErrorCode.PROGRESS_NOT_FOUND, `找不到进度填报 ${id} (progress entry not found)`);

export const fieldError = (code: string, field: string, message: string) => AppException.field(code, field, message);

export const futureDate = (field: string, value: string, today: string) =>
  AppException.field(ErrorCode.DATE_IN_FUTURE, field, `${field} 不能晚于今天(${today}),收到 ${value}`);

export const dateOutOfOrder = (field: string, value: string, last: string) =>
  AppException.field(ErrorCode.DATE_OUT_OF_ORDER, field, `${field} 不能早于上一次变更日期 ${last},收到 ${value}`);
