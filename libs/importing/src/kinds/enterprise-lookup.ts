import { canWriteEnterprise } from '@app/core';

import { acceptImportedCreditCode } from '../excel-mangling';
import { BatchContext, RawRow, RowError } from '../import-kind';
import { appErrors } from '../row-validation';
import { BY_CREDIT_CODES } from './by-credit-codes';

/** Resolves each row's credit code to a registered enterprise; rows naming an unknown one get an error. */
export async function lookupEnterprises(ctx: BatchContext, rows: RawRow[]): Promise<({ id: string; code: string } | { errors: RowError[] })[]> {
  const codes = rows.map((row): { code: string } | { errors: RowError[] } => {
    try {
      // Rows of these files refer to registered enterprises, so a failing check digit is just an unknown code.
      return { code: acceptImportedCreditCode(row.values.creditCode ?? '', 'lookup').code };
    } catch (error) {
      return { errors: appErrors(ctx, row.line, error, 'creditCode') };
    }
  });
  const wanted = codes.flatMap((c) => ('code' in c ? [c.code] : []));
  const ids = new Map<string, string>();
  if (wanted.length) {
    const found: { id: string; code: string; districtCode: string }[] = await ctx.manager.query(
      `SELECT e.id, e.credit_code AS code, e.district_code AS "districtCode" FROM ${BY_CREDIT_CODES}`,
      [wanted],
    );
    // Out of the importer's scope reads as unknown, exactly as the API answers by id.
    for (const f of found) if (canWriteEnterprise(ctx.actor, f)) ids.set(f.code, f.id);
  }
  return codes.map((c, i): { id: string; code: string } | { errors: RowError[] } => {
    if ('errors' in c) return c;
    const id = ids.get(c.code);
    if (id) return { id, code: c.code };
    return {
      errors: [{ line: rows[i].line, column: ctx.headerOf('creditCode'), code: 'ENTERPRISE_NOT_FOUND', message: `库中没有信用代码为 ${c.code} 的企业,请先导入企业名录 (enterprise not registered)` }],
    };
  });
}
