import { Injectable } from '@nestjs/common';

import { fieldHeader } from '@app/core';
import {
  CHAIN_TYPES,
  DESIGNATION_LEVEL_LABELS,
  DESIGNATION_STATUS_LABELS,
  DESIGNATION_TYPE_LABELS,
  DesignationStatus,
  DesignationType,
  LIVE_STATUSES,
} from '@app/core';

import { BatchContext, ColumnSpec, ImportHandler, ImportKind, PreparedRow, RawRow, RowError } from '../import-kind';
import { toDate, toEnum } from '../row-validation';
import { ChainRef, loadChains } from './chain-lookup';
import { lookupEnterprises } from './enterprise-lookup';
import { jsonRecordset } from './sql-recordset';

export const DESIGNATION_COLUMNS: ColumnSpec[] = [
  { field: 'creditCode', header: '统一社会信用代码', aliases: ['信用代码', '社会信用代码'], required: true, example: '91330200MA2AAAAA1X' },
  { field: 'name', header: '企业名称', example: '宁波示例智能装备有限公司' },
  { field: 'type', header: fieldHeader('designation', 'type'), aliases: ['类型'], required: true, example: '专精特新“小巨人”' },
  { field: 'level', header: fieldHeader('designation', 'level'), aliases: ['认定级别'], required: true, example: '国家级' },
  { field: 'chainCode', header: '产业链代码', aliases: ['产业链'], example: '' },
  { field: 'status', header: fieldHeader('designation', 'status'), aliases: ['认定状态'], required: true, example: '已认定' },
  { field: 'batch', header: fieldHeader('designation', 'batch'), example: '第五批' },
  { field: 'year', header: fieldHeader('designation', 'year'), aliases: ['认定年度'], example: '2023' },
  { field: 'noticeNo', header: fieldHeader('designation', 'noticeNo'), example: '工信厅企业函〔2023〕164号' },
  { field: 'recognisingBody', header: fieldHeader('designation', 'recognisingBody'), example: '工业和信息化部' },
  { field: 'recognisedOn', header: fieldHeader('designation', 'recognisedOn'), example: '2023-07-14' },
  { field: 'expiresOn', header: fieldHeader('designation', 'expiresOn'), aliases: ['有效期至'], example: '2026-07-13' },
  { field: 'productName', header: fieldHeader('designation', 'productName'), example: '' },
  { field: 'productCode', header: fieldHeader('designation', 'productCode'), example: '' },
  { field: 'evidence', header: fieldHeader('designation', 'evidence'), aliases: ['备注'], example: '' },
];

const TEXT_LIMITS: Record<string, number> = { batch: 50, noticeNo: 100, recognisingBody: 100, productName: 200, productCode: 50, evidence: 5000 };
const COLUMN: Record<string, [string, string]> = {
  level: ['level', 'varchar'],
  status: ['status', 'varchar'],
  batch: ['batch', 'varchar'],
  year: ['year', 'smallint'],
  noticeNo: ['notice_no', 'varchar'],
  recognisingBody: ['recognising_body', 'varchar'],
  recognisedOn: ['recognised_on', 'date'],
  expiresOn: ['expires_on', 'date'],
  productName: ['product_name', 'varchar'],
  productCode: ['product_code', 'varchar'],
  evidence: ['evidence', 'text'],
};

type Values = Record<string, string | number | null>;
interface DesignationRow {
  id?: string;
  enterpriseId: string;
  type: DesignationType;
  chainId: string | null;
  fromStatus?: DesignationStatus;
  values: Values;
}
interface Stored extends Values {
  id: string;
  key: string;
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s);
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Recognitions and tiers. A row is matched to the enterprise's live designation of the same type
 * (and chain), or, for a closed one, to the record of the same type, chain and year: that keeps a
 * repeated file idempotent and enforces "one live designation per enterprise, type and chain".
 * A new record or a status change writes a designation_event, as the API does.
 */
@Injectable()
export class DesignationImport implements ImportHandler {
  readonly kind = ImportKind.DESIGNATIONS;
  readonly columns = DESIGNATION_COLUMNS;
  private chains?: Map<string, ChainRef>;

  reset(): void {
    this.chains = undefined;
  }

  async prepare(ctx: BatchContext, rows: RawRow[]): Promise<PreparedRow<DesignationRow>[]> {
    this.chains ??= await loadChains(ctx);
    const enterprises = await lookupEnterprises(ctx, rows);
    const prepared = rows.map((row, i) => this.check(ctx, row, enterprises[i]));
    const valid = prepared.filter((p) => p.data);
    const stored: Stored[] = valid.length
      ? await ctx.manager.query(
          `SELECT d.id, d.enterprise_id || '|' || d.type || '|' || coalesce(d.chain_id::text, '') AS key, d.level, d.status, d.batch, d.year,
                  d.notice_no AS "noticeNo", d.recognising_body AS "recognisingBody", d.recognised_on::text AS "recognisedOn",
                  d.expires_on::text AS "expiresOn", d.product_name AS "productName", d.product_code AS "productCode", d.evidence
             FROM designation d WHERE d.enterprise_id = ANY($1::uuid[]) ORDER BY d.created_at DESC`,
          [[...new Set(valid.map((p) => p.data!.enterpriseId))]],
        )
      : [];
    for (const p of valid) {
      const d = p.data!;
      const key = `${d.enterpriseId}|${d.type}|${d.chainId ?? ''}`;
      const live = LIVE_STATUSES.includes(d.values.status as DesignationStatus);
      const candidates = stored.filter((s) => s.key === key);
      const current =
        candidates.find((s) => LIVE_STATUSES.includes(s.status as DesignationStatus)) ??
        (live ? undefined : candidates.find((s) => s.year === (d.values.year ?? null)));
      if (d.type === DesignationType.CHAIN_LEADER && live) {
        const other = stored.find((s) => s.key.startsWith(`${d.enterpriseId}|${d.type}|`) && s.key !== key && LIVE_STATUSES.includes(s.status as DesignationStatus));
        if (other) {
          p.errors.push({ line: p.line, column: ctx.headerOf('chainCode'), code: 'DESIGNATION_DUPLICATE', message: '该企业已是另一条产业链的链主,链主只能属于一条链 (already chain leader of another chain)' });
          p.data = undefined;
          continue;
        }
      }
      if (!current) {
        p.action = 'create';
        continue;
      }
      // Columns left out of the file keep their stored values.
      for (const field of Object.keys(COLUMN)) if (!ctx.present.has(field)) d.values[field] = current[field];
      const changed = Object.keys(COLUMN).some((f) => (d.values[f] ?? null) !== (current[f] ?? null));
      p.action = changed ? 'update' : 'unchanged';
      d.id = current.id;
      d.fromStatus = current.status as DesignationStatus;
    }
    return prepared;
  }

  private check(ctx: BatchContext, row: RawRow, enterprise: { id: string; code: string } | { errors: RowError[] }): PreparedRow<DesignationRow> {
    const v = row.values;
    const errors: RowError[] = 'errors' in enterprise ? [...enterprise.errors] : [];
    const fail = (field: string, code: string, message: string) => errors.push({ line: row.line, column: ctx.headerOf(field), code, message });
    const type = toEnum(v.type ?? '', DESIGNATION_TYPE_LABELS) as DesignationType;
    if (!(type in DESIGNATION_TYPE_LABELS)) fail('type', 'VALIDATION_FAILED', `认定类型“${v.type}”不认识,可填:${Object.values(DESIGNATION_TYPE_LABELS).join('、')} (unknown type)`);
    const level = toEnum(v.level ?? '', DESIGNATION_LEVEL_LABELS);
    if (!(level in DESIGNATION_LEVEL_LABELS)) fail('level', 'VALIDATION_FAILED', `级别“${v.level}”不认识,可填:${Object.values(DESIGNATION_LEVEL_LABELS).join('、')} (unknown level)`);
    const status = toEnum(v.status ?? '', DESIGNATION_STATUS_LABELS);
    if (!(status in DESIGNATION_STATUS_LABELS)) fail('status', 'VALIDATION_FAILED', `状态“${v.status}”不认识,可填:${Object.values(DESIGNATION_STATUS_LABELS).join('、')} (unknown status)`);
    let chainId: string | null = null;
    if (v.chainCode) {
      const chain = this.chains!.get(v.chainCode);
      if (!chain) fail('chainCode', 'CHAIN_UNKNOWN', `没有产业链“${v.chainCode}”(unknown chain)`);
      else chainId = chain.id;
    } else if (CHAIN_TYPES.includes(type)) {
      fail('chainCode', 'CHAIN_REQUIRED', `${DESIGNATION_TYPE_LABELS[type]}须填写产业链代码 (a chain tier needs its chain)`);
    }
    const values: Values = { level, status };
    for (const field of ['recognisedOn', 'expiresOn']) {
      if (v[field] === undefined) continue;
      const date = v[field] ? toDate(v[field]) : null;
      if (date !== null && !isDate(date)) fail(field, 'VALIDATION_FAILED', `日期“${v[field]}”应为 YYYY-MM-DD (invalid date)`);
      values[field] = date;
    }
    if (values.recognisedOn && values.expiresOn && values.expiresOn <= values.recognisedOn) fail('expiresOn', 'VALIDATION_FAILED', '到期日期须晚于认定日期 (expiry must be after recognition)');
    if (v.year !== undefined) {
      const year = v.year ? Number(v.year) : null;
      if (year !== null && (!Number.isInteger(year) || year < 1949 || year > 2100)) fail('year', 'VALIDATION_FAILED', `年度“${v.year}”应为 1949–2100 之间的年份 (year out of range)`);
      values.year = year;
    }
    for (const [field, limit] of Object.entries(TEXT_LIMITS)) {
      if (v[field] === undefined) continue;
      if (v[field].length > limit) fail(field, 'VALIDATION_FAILED', `最多 ${limit} 字 (at most ${limit} characters)`);
      values[field] = v[field] || null;
    }
    if (errors.length || 'errors' in enterprise) return { line: row.line, errors };
    const live = LIVE_STATUSES.includes(status as DesignationStatus);
    return {
      line: row.line,
      errors: [],
      // Two live rows for the same enterprise, type and chain would be two live designations.
      key: `${enterprise.code}|${type}|${chainId ?? ''}|${live ? 'live' : (values.year ?? '')}`,
      keyColumn: 'type',
      data: { enterpriseId: enterprise.id, type, chainId, values },
    };
  }

  async write(ctx: BatchContext, rows: PreparedRow<DesignationRow>[]): Promise<void> {
    const fields = Object.keys(COLUMN);
    const types: Record<string, string> = Object.fromEntries(Object.values(COLUMN));
    const record = (d: DesignationRow) => Object.fromEntries(fields.map((f) => [COLUMN[f][0], d.values[f] ?? null]));
    const creates = rows.filter((r) => r.action === 'create').map((r) => ({
      enterprise_id: r.data!.enterpriseId,
      type: r.data!.type,
      chain_id: r.data!.chainId,
      tagged_by_id: ctx.actor.id,
      tagged_by_username: ctx.actor.username,
      ...record(r.data!),
    }));
    const events: Record<string, unknown>[] = [];
    if (creates.length) {
      const columns = Object.keys(creates[0]);
      const { select, from } = jsonRecordset(columns, { ...types, enterprise_id: 'uuid', type: 'varchar', chain_id: 'uuid', tagged_by_id: 'uuid', tagged_by_username: 'varchar' });
      const inserted: { id: string; status: string; recognised_on: string | null }[] = await ctx.manager.query(
        `INSERT INTO designation (${columns.join(', ')}, version) SELECT ${select}, 1 FROM ${from} RETURNING id, status, recognised_on::text`,
        [JSON.stringify(creates)],
      );
      for (const d of inserted) events.push({ designation_id: d.id, from_status: null, to_status: d.status, effective_on: d.recognised_on ?? today() });
    }
    const updates = rows.filter((r) => r.action === 'update').map((r) => ({ id: r.data!.id, ...record(r.data!) }));
    if (updates.length) {
      const { from } = jsonRecordset(['id', ...fields.map((f) => COLUMN[f][0])], { ...types, id: 'uuid' });
      await ctx.manager.query(
        `UPDATE designation d SET ${fields.map((f) => `${COLUMN[f][0]} = x.${COLUMN[f][0]}`).join(', ')}, version = d.version + 1, updated_at = now()
           FROM ${from} WHERE d.id = x.id`,
        [JSON.stringify(updates)],
      );
      for (const r of rows.filter((r) => r.action === 'update' && r.data!.fromStatus !== r.data!.values.status)) {
        events.push({ designation_id: r.data!.id, from_status: r.data!.fromStatus, to_status: r.data!.values.status, effective_on: today() });
      }
    }
    if (events.length) {
      const rowsWithActor = events.map((e) => ({ ...e, reason: '批量导入 (import)', actor_id: ctx.actor.id, actor_username: ctx.actor.username }));
      const columns = Object.keys(rowsWithActor[0]);
      const { select, from } = jsonRecordset(columns, {
        designation_id: 'uuid', from_status: 'varchar', to_status: 'varchar', effective_on: 'date', reason: 'text', actor_id: 'uuid', actor_username: 'varchar',
      });
      await ctx.manager.query(`INSERT INTO designation_event (${columns.join(', ')}) SELECT ${select} FROM ${from}`, [JSON.stringify(rowsWithActor)]);
    }
  }
}
