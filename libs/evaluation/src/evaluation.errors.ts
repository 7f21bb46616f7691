import { AppException } from '@app/core';

/** Stable codes of the 亩均 evaluation; clients switch on these. */
export enum EvaluationErrorCode {
  EVALUATION_SCHEME_NOT_FOUND = 'EVALUATION_SCHEME_NOT_FOUND',
  EVALUATION_SCHEME_INVALID = 'EVALUATION_SCHEME_INVALID',
  EVALUATION_NOT_COMPUTED = 'EVALUATION_NOT_COMPUTED',
  EVALUATION_FROZEN = 'EVALUATION_FROZEN',
  EVALUATION_WRONG_STAGE = 'EVALUATION_WRONG_STAGE',
  EVALUATION_RESULT_NOT_FOUND = 'EVALUATION_RESULT_NOT_FOUND',
  OBJECTION_NOT_FOUND = 'OBJECTION_NOT_FOUND',
  OBJECTION_PENDING = 'OBJECTION_PENDING',
  OBJECTION_DECIDED = 'OBJECTION_DECIDED',
  PUBLICITY_NOT_OVER = 'PUBLICITY_NOT_OVER',
}

export const schemeNotFound = (year: number) =>
  AppException.notFound(EvaluationErrorCode.EVALUATION_SCHEME_NOT_FOUND, `${year} 年还没有亩均评价方案,请先保存方案 (no scheme for ${year})`);

export const schemeInvalid = (field: string, message: string) => AppException.field(EvaluationErrorCode.EVALUATION_SCHEME_INVALID, field, message);

export const notComputed = (year: number) =>
  AppException.notFound(EvaluationErrorCode.EVALUATION_NOT_COMPUTED, `${year} 年亩均评价尚未计算 (evaluation of ${year} not computed)`);

export const frozen = (year: number, what: string) =>
  AppException.conflict(EvaluationErrorCode.EVALUATION_FROZEN, `${year} 年亩均评价结果已定档冻结,不能${what} (results of ${year} are frozen)`);

export const wrongStage = (year: number, message: string) => AppException.conflict(EvaluationErrorCode.EVALUATION_WRONG_STAGE, `${year} 年亩均评价:${message}`);

export const resultNotFound = (year: number, enterpriseId: string) =>
  AppException.notFound(EvaluationErrorCode.EVALUATION_RESULT_NOT_FOUND, `${year} 年亩均评价中没有企业 ${enterpriseId} 的评价单 (no sheet)`);

export const objectionNotFound = (id: string) => AppException.notFound(EvaluationErrorCode.OBJECTION_NOT_FOUND, `找不到异议 ${id} (objection not found)`);
