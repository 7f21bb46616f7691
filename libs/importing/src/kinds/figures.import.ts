import { Injectable } from '@nestjs/common';

import { fieldHeader } from '@app/core';

import { PutFiguresDto } from '@app/registry';

import { BatchContext, ColumnSpec, ImportHandler, ImportKind, PreparedRow, RawRow } from '../import-kind';
import { sameJson, toNumber, validateDto } from '../row-validation';
import { lookupEnterprises } from './enterprise-lookup';
import { jsonRecordset } from './sql-recordset';

export const FIGURES_COLUMNS: ColumnSpec[] = [
  { field: 'creditCode', header: '统一社会信用代码', aliases: ['信用代码', '社会信用代码'], required: true, example: '91330200MA2AAAAA1X' },
  { field: 'name', header: '企业名称', example: '宁波示例智能装备有限公司' },
  { field: 'year', header: fieldHeader('enterprise_figure', 'year'), aliases: ['年份'], required: true, example: '2023' },
  { field: 'quarter', header: fieldHeader('enterprise_figure', 'quarter'), example: '' },
  { field: 'operatingRevenueYuan', header: fieldHeader('enterprise_figure', 'operatingRevenueYuan'), example: '1250000000' },
  { field: 'industrialOutputYuan', header: fieldHeader('enterprise_figure', 'industrialOutputYuan'), example: '1180000000' },
  { field: 'taxPaidYuan', header: fieldHeader('enterprise_figure', 'taxPaidYuan'), aliases: ['税收(元)'], example: '56000000' },
  { field: 'rdSpendYuan', header: fieldHeader('enterprise_figure', 'rdSpendYuan'), aliases: ['研发费用(元)'], example: '48000000' },
  { field: 'valueAddedYuan', header: fieldHeader('enterprise_figure', 'valueAddedYuan'), example: '260000000' },
  { field: 'employees', header: fieldHeader('enterprise_figure', 'employees'), aliases: ['从业人员'], example: '860' },
  { field: 'energyUseTce', header: fieldHeader('enterprise_figure', 'energyUseTce'), example: '5200' },
];

const MONEY = ['operatingRevenueYuan', 'industrialOutputYuan', 'taxPaidYuan', 'rdSpendYuan', 'valueAddedYuan'];
const COLUMN: Record<string, string> = {
  operatingRevenueYuan: 'operating_revenue_yuan',
  industrialOutputYuan: 'industrial_output_yuan',
  taxPaidYuan: 'tax_paid_yuan',
  rdSpendYuan: 'rd_spend_yuan',
  valueAddedYuan: 'value_added_yuan',
  employees: 'employees',
  energyUseTce: 'energy_use_tce',
};

interface FiguresRow {
  enterpriseId: string;
  year: number;
  quarter: number;
  values: Record<string, string | number | null>;
}

/** Yearly (or quarterly) figures, upserted by enterprise, year and quarter; the 企业名称 column is only for the reader. */
@Injectable()
export class FiguresImport implements ImportHandler {
  readonly kind = ImportKind.FIGURES;
  readonly columns = FIGURES_COLUMNS;

  async prepare(ctx: BatchContext, rows: RawRow[]): Promise<PreparedRow<FiguresRow>[]> {
    const enterprises = await lookupEnterprises(ctx, rows);
    const periods: { row: RawRow; id: string; code: string; year: number; quarter: number }[] = [];
    const prepared: PreparedRow<FiguresRow>[] = rows.map((row, i) => {
      const e = enterprises[i];
      if ('errors' in e) return { line: row.line, errors: e.errors };
      const year = Number(row.values.year);
      const quarter = row.values.quarter ? Number(row.values.quarter) : 0;
      const errors = [];
      if (!Number.isInteger(year) || year < 1949 || year > 2100) {
        errors.push({ line: row.line, column: ctx.headerOf('year'), code: 'VALIDATION_FAILED', message: `年度“${row.values.year}”应为 1949–2100 之间的年份 (year out of range)` });
      }
      if (!Number.isInteger(quarter) || quarter < 0 || quarter > 4) {
        errors.push({ line: row.line, column: ctx.headerOf('quarter'), code: 'VALIDATION_FAILED', message: `季度“${row.values.quarter}”应为 1–4,全年留空 (quarter must be 1-4, empty for the year)` });
      }
      if (errors.length) return { line: row.line, errors };
      periods.push({ row, id: e.id, code: e.code, year, quarter });
      return { line: row.line, errors: [], key: `${e.code}|${year}|${quarter}`, keyColumn: 'creditCode' };
    });
    const stored = new Map<string, Record<string, string | number | null>>();
    if (periods.length) {
      const found: Record<string, string | number | null>[] = await ctx.manager.query(
        `SELECT f.enterprise_id || '|' || f.year || '|' || f.quarter AS key, ${Object.entries(COLUMN)
          .map(([field, column]) => (field === 'employees' ? `${column} AS "${field}"` : `${column}::text AS "${field}"`))
          .join(', ')}
           FROM enterprise_figure f JOIN unnest($1::uuid[], $2::int[], $3::int[]) AS p(id, y, q) ON f.enterprise_id = p.id AND f.year = p.y AND f.quarter = p.q`,
        [periods.map((p) => p.id), periods.map((p) => p.year), periods.map((p) => p.quarter)],
      );
      for (const f of found) stored.set(f.key as string, f);
    }
    for (const p of periods) {
      const target = prepared.find((r) => r.line === p.row.line)!;
      const plain: Record<string, unknown> = {};
      for (const field of Object.keys(COLUMN)) {
        const text = p.row.values[field];
        if (text === undefined) continue;
        plain[field] = text === '' ? null : toNumber(text);
      }
      const { errors } = validateDto(ctx, p.row.line, PutFiguresDto, plain);
      if (errors.length) {
        target.errors = errors;
        continue;
      }
      const values: Record<string, string | number | null> = {};
      for (const [field, value] of Object.entries(plain)) {
        values[field] = value === null ? null : field === 'employees' ? (value as number) : MONEY.includes(field) ? (value as number).toFixed(2) : (value as number).toFixed(3);
      }
      const current = stored.get(`${p.id}|${p.year}|${p.quarter}`);
      target.data = { enterpriseId: p.id, year: p.year, quarter: p.quarter, values };
      if (!current) target.action = 'create';
      else target.action = Object.entries(values).some(([f, v]) => !sameJson(v, current[f])) ? 'update' : 'unchanged';
    }
    return prepared;
  }

  async write(ctx: BatchContext, rows: PreparedRow<FiguresRow>[]): Promise<void> {
    if (!rows.length) return;
    const fields = Object.keys(COLUMN).filter((f) => ctx.present.has(f));
    const records = rows.map((r) => ({
      enterprise_id: r.data!.enterpriseId,
      year: r.data!.year,
      quarter: r.data!.quarter,
      ...Object.fromEntries(fields.map((f) => [COLUMN[f], r.data!.values[f]])),
    }));
    const columns = ['enterprise_id', 'year', 'quarter', ...fields.map((f) => COLUMN[f])];
    const types: Record<string, string> = { enterprise_id: 'uuid', year: 'smallint', quarter: 'smallint', employees: 'int' };
    for (const f of fields) types[COLUMN[f]] ??= 'numeric';
    const { select, from } = jsonRecordset(columns, types);
    const updates = fields.map((f) => `${COLUMN[f]} = EXCLUDED.${COLUMN[f]}`);
    await ctx.manager.query(
      `INSERT INTO enterprise_figure (${columns.join(', ')}, version) SELECT ${select}, 1 FROM ${from}
       ON CONFLICT (enterprise_id, year, quarter) DO UPDATE SET ${[...updates, 'version = enterprise_figure.version + 1', 'updated_at = now()'].join(', ')}`,
      [JSON.stringify(records)],
    );
  }
}
