import { AppException, ErrorCode } from '@app/core';

import { checkCreditCode, describeCreditCodeProblem } from './credit-code/credit-code';

export const enterpriseNotFound = (key: string) =>
  AppException.notFound(ErrorCode.ENTERPRISE_NOT_FOUND, `找不到企业 ${key} (enterprise not found)`);

export const duplicateCreditCode = (code: string, existingId: string) =>
  AppException.conflict(ErrorCode.CREDIT_CODE_DUPLICATE, `统一社会信用代码 ${code} 已登记 (credit code already registered)`, {
    existingId,
  });

/**
 * Normalises a credit code and enforces GB 32100; a code failing only its check character passes
 * when an override reason is given (genuine early pilot codes fail the check).
 */
export function acceptCreditCode(input: string, overrideReason: string | undefined): { code: string; override: string | null } {
  const { normalized, problem } = checkCreditCode(input);
  if (!problem) return { code: normalized, override: null };
  if (problem.kind === 'CHECK_CHARACTER' && overrideReason?.trim()) return { code: normalized, override: overrideReason.trim() };
  const hint = problem.kind === 'CHECK_CHARACTER' ? ';如确为历史代码,请填写 creditCodeOverrideReason 说明原因' : '';
  throw AppException.field(ErrorCode.CREDIT_CODE_INVALID, 'creditCode', describeCreditCodeProblem(problem) + hint);
}
