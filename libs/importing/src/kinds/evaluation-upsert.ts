import { ClassConstructor } from 'class-transformer';

import { BatchContext, ColumnSpec, PreparedRow, RawRow, RowError } from '../import-kind';
import { clip } from '../import-limits';
import { sameJson, toDate, toEnum, toNumber, validateDto } from '../row-validation';
import { lookupEnterprises } from './enterprise-lookup';
import { jsonRecordset } from './sql-recordset';

/** How a yearly evaluation file maps onto its table: one row per enterprise, year and (optionally) one more key. */
export interface YearlyUpsertSpec {
  table: string;
  /** API field → column and SQL type, for the value columns */
  columns: Record<string, { column: string; type: string; kind: 'number' | 'int' | 'date' | 'text' | 'enum'; labels?: Record<string, string>; scale?: number }>;
  /** A value field that is part of the identity (e.g. tenure), or none */
  keyField?: string;
  dto: ClassConstructor<object>;
}

export interface YearlyRow {
  enterpriseId: string;
  year: number;
  values: Record<string, string | number | null>;
}

function convert(spec: YearlyUpsertSpec, field: string, text: string): unknown {
  const c = spec.columns[field];
  if (text === '') return null;
  if (c.kind === 'number' || c.kind === 'int') return toNumber(text);
  if (c.kind === 'date') return toDate(text);
  if (c.kind === 'enum') return toEnum(text, c.labels!);
  return text;
}

/** Validates rows of a yearly evaluation file and says whether each creates, updates or leaves a stored row. */
export async function prepareYearly(ctx: BatchContext, rows: RawRow[], spec: YearlyUpsertSpec): Promise<PreparedRow<YearlyRow>[]> {
  const enterprises = await lookupEnterprises(ctx, rows);
  const fields = Object.keys(spec.columns);
  const prepared: PreparedRow<YearlyRow>[] = [];
  for (const [i, row] of rows.entries()) {
    const e = enterprises[i];
    if ('errors' in e) {
      prepared.push({ line: row.line, errors: e.errors });
      continue;
    }
    const year = Number(row.values.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      const error: RowError = { line: row.line, column: ctx.headerOf('year'), code: 'VALIDATION_FAILED', message: `年度“${clip(row.values.year)}”应为 2000–2100 之间的年份 (year out of range)` };
      prepared.push({ line: row.line, errors: [error] });
      continue;
    }
    const plain: Record<string, unknown> = {};
    for (const field of fields) if (row.values[field] !== undefined) plain[field] = convert(spec, field, row.values[field]);
    const { errors } = validateDto(ctx, row.line, spec.dto, plain);
    if (errors.length) {
      prepared.push({ line: row.line, errors });
      continue;
    }
    const values: Record<string, string | number | null> = {};
    for (const [field, value] of Object.entries(plain)) {
      const c = spec.columns[field];
      values[field] = value === null ? null : c.kind === 'number' ? (value as number).toFixed(c.scale ?? 2) : (value as string | number);
    }
    const extra = spec.keyField ? `|${values[spec.keyField]}` : '';
    prepared.push({ line: row.line, errors: [], key: `${e.code}|${year}${extra}`, keyColumn: 'creditCode', data: { enterpriseId: e.id, year, values } });
  }
  const ok = prepared.filter((p) => p.data);
  if (!ok.length) return prepared;
  const key = spec.keyField ? spec.columns[spec.keyField].column : null;
  const select = fields.map((f) => `t.${spec.columns[f].column}::text AS "${f}"`).join(', ');
  const stored: Record<string, string | null>[] = await ctx.manager.query(
    `SELECT t.enterprise_id || '|' || t.year ${key ? `|| '|' || t.${key}` : ''} AS k, ${select}
     FROM ${spec.table} t JOIN unnest($1::uuid[], $2::int[]) AS p(id, y) ON t.enterprise_id = p.id AND t.year = p.y`,
    [ok.map((p) => p.data!.enterpriseId), ok.map((p) => p.data!.year)],
  );
  const byKey = new Map(stored.map((s) => [s.k as string, s]));
  for (const p of ok) {
    const d = p.data!;
    const current = byKey.get(`${d.enterpriseId}|${d.year}${spec.keyField ? `|${d.values[spec.keyField]}` : ''}`);
    if (!current) p.action = 'create';
    else p.action = Object.entries(d.values).some(([f, v]) => !sameJson(v === null ? null : String(v), current[f] === null ? null : normalise(current[f]!, spec, f))) ? 'update' : 'unchanged';
  }
  return prepared;
}

function normalise(text: string, spec: YearlyUpsertSpec, field: string): string {
  const c = spec.columns[field];
  return c.kind === 'number' ? Number(text).toFixed(c.scale ?? 2) : text;
}

/** One INSERT … ON CONFLICT for the batch; only the columns present in the file are written. */
export async function writeYearly(ctx: BatchContext, rows: PreparedRow<YearlyRow>[], spec: YearlyUpsertSpec, conflict: string[]): Promise<void> {
  if (!rows.length) return;
  const fields = Object.keys(spec.columns).filter((f) => ctx.present.has(f));
  const records = rows.map((r) => ({ enterprise_id: r.data!.enterpriseId, year: r.data!.year, ...Object.fromEntries(fields.map((f) => [spec.columns[f].column, r.data!.values[f] ?? null])) }));
  const columns = ['enterprise_id', 'year', ...fields.map((f) => spec.columns[f].column)];
  const types: Record<string, string> = { enterprise_id: 'uuid', year: 'smallint' };
  for (const f of fields) types[spec.columns[f].column] = spec.columns[f].type;
  const { select, from } = jsonRecordset(columns, types);
  const updates = fields.filter((f) => !conflict.includes(spec.columns[f].column)).map((f) => `${spec.columns[f].column} = EXCLUDED.${spec.columns[f].column}`);
  await ctx.manager.query(
    `INSERT INTO ${spec.table} (${columns.join(', ')}, version) SELECT ${select}, 1 FROM ${from}
     ON CONFLICT (${conflict.join(', ')}) DO UPDATE SET ${[...updates, `version = ${spec.table}.version + 1`, 'updated_at = now()'].join(', ')}`,
    [JSON.stringify(records)],
  );
}

export const yearlyColumns = (columns: ColumnSpec[]): ColumnSpec[] => [
  { field: 'creditCode', header: '统一社会信用代码', aliases: ['信用代码', '社会信用代码'], required: true, example: '91330200MA2AAAAA1X' },
  { field: 'name', header: '企业名称', example: '宁波示例智能装备有限公司' },
  { field: 'year', header: '年度', aliases: ['年份', '评价年度'], required: true, example: '2023' },
  ...columns,
];
