import { AppException } from '@app/core';
import { acceptCreditCode } from '@app/registry';

/** 9.13303E+17, 9.13303e17: how Excel shows (and saves to CSV) an all-digit code it took for a number. */
const SCIENTIFIC = /^\d+(\.\d+)?E\+?\d+$/i;

export const CREDIT_CODE_SCIENTIFIC_NOTATION = 'CREDIT_CODE_SCIENTIFIC_NOTATION';

/**
 * The import's credit-code check: a code Excel turned into scientific notation gets an error that says what
 * happened and how to avoid it (the digits are gone; no guess is made), otherwise the registry's own check.
 */
export function acceptImportedCreditCode(text: string, override: string | undefined): ReturnType<typeof acceptCreditCode> {
  if (SCIENTIFIC.test(text.trim())) {
    throw AppException.field(
      CREDIT_CODE_SCIENTIFIC_NOTATION,
      'creditCode',
      `统一社会信用代码“${text.trim()}”已被 Excel 改成科学计数法,后几位数字已丢失,无法还原。` +
        '请从系统重新导出 XLSX 文件编辑后导入(推荐);若必须用 CSV,请在 Excel 中用“数据 → 从文本/CSV”导入并把该列设为“文本”,或填回原代码后另存 ' +
        `(Excel turned the credit code into scientific notation and dropped digits: edit the XLSX export instead, or import the CSV into Excel with this column as Text)`,
    );
  }
  return acceptCreditCode(text, override);
}
