import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

import { Permission } from '@app/auth';
import {
  AppException,
  canTransition,
  defaultExpiry,
  describeAllowed,
  DESIGNATION_LEVEL_LABELS,
  DESIGNATION_STATUS_LABELS,
  designationKey,
  designationKeySql,
  DesignationStatus,
  DesignationType,
  ErrorCode,
  fieldHeader,
  HolderKind,
  LIVE_STATUSES,
  statusOn,
  todayInChina,
} from '@app/core';
import { checkAgainstCatalogue, DesignationExpiryService } from '@app/cultivation';
import { RecognitionTypeEntity } from '@app/reference';

import { BatchContext, ColumnSpec, ImportHandler, ImportKind, PreparedRow, RawRow, RowError } from '../import-kind';
import { clip } from '../import-limits';
import { toDate, toEnum } from '../row-validation';
import { ChainRef, loadChains, UNKNOWN_CHAIN } from './chain-lookup';
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
  type: string;
  /** The catalogue's validity of the type (years; null: none) */
  validityYears: number | null;
  chainId: string | null;
  fromStatus?: DesignationStatus;
  /** Effective date of a status change (a new designation: its first event's date) */
  effectiveOn?: string;
  values: Values;
}
interface Stored extends Values {
  id: string;
  key: string;
  chainId: string | null;
  lastOn: string;
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s);

/**
 * Recognitions and tiers, under the API's designation rules (`designation-rules.ts`, the state machine).
 * A row is matched by the identity key — enterprise, type, level and chain — to the live designation of that
 * key, or, for a closed one, to the record of the same key and year: a repeated file stays idempotent and a
 * provincial row never touches a national record. A new record starts as 培育对象 or 已认定 (with its date and,
 * unless given, the default expiry); a status change must be a legal transition on its effective date (the new
 * 认定日期 for a recognition after it, else today in Beijing), and a re-recognition starts a new term. Every new
 * record and status change writes a designation_event with the expiry in force, as the API does.
 */
@Injectable()
export class DesignationImport implements ImportHandler {
  readonly kind = ImportKind.DESIGNATIONS;
  /** The permission of the route that writes the same records */
  readonly permission = Permission.DESIGNATION_WRITE;
  readonly columns = DESIGNATION_COLUMNS;
  private chains?: Map<string, ChainRef>;
  /** The recognition catalogue by code and by Chinese name (read once per import) */
  private types?: Map<string, RecognitionTypeEntity>;
  private typesByName?: Map<string, RecognitionTypeEntity>;
  private readonly expiry = new DesignationExpiryService();

  reset(): void {
    this.chains = undefined;
    this.types = undefined;
    this.typesByName = undefined;
  }

  async prepare(ctx: BatchContext, rows: RawRow[]): Promise<PreparedRow<DesignationRow>[]> {
    this.chains ??= await loadChains(ctx);
    if (!this.types) {
      const all = await ctx.manager.find(RecognitionTypeEntity);
      this.types = new Map(all.map((t) => [t.code, t]));
      this.typesByName = new Map(all.map((t) => [t.name, t]));
    }
    const today = todayInChina();
    const enterprises = await lookupEnterprises(ctx, rows);
    const prepared = rows.map((row, i) => this.check(ctx, row, enterprises[i], today));
    const valid = prepared.filter((p) => p.data);
    const stored: Stored[] = valid.length
      ? await ctx.manager.query(
          `SELECT d.id, ${designationKeySql('d')} AS key, d.chain_id AS "chainId", d.level, d.status, d.batch, d.year,
                  d.notice_no AS "noticeNo", d.recognising_body AS "recognisingBody", d.recognised_on::text AS "recognisedOn",
                  d.expires_on::text AS "expiresOn", d.product_name AS "productName", d.product_code AS "productCode", d.evidence,
                  (SELECT max(ev.effective_on) FROM designation_event ev WHERE ev.designation_id = d.id)::text AS "lastOn"
             FROM designation d WHERE d.enterprise_id = ANY($1::uuid[]) ORDER BY d.created_at DESC`,
          [[...new Set(valid.map((p) => p.data!.enterpriseId))]],
        )
      : [];
    // Live as read today: a recognition past its expiry is closed (it is written down as EXPIRED before the import writes).
    const liveNow = (s: Stored) => LIVE_STATUSES.includes(statusOn({ status: s.status as DesignationStatus, expiresOn: s.expiresOn as string | null }, today));
    for (const p of valid) {
      const d = p.data!;
      const fail = (field: string, code: string, message: string) => {
        p.errors.push({ line: p.line, column: ctx.headerOf(field), code, message });
        p.data = undefined;
      };
      const key = designationKey({ enterpriseId: d.enterpriseId, type: d.type, level: d.values.level as string, chainId: d.chainId });
      const status = d.values.status as DesignationStatus;
      const live = LIVE_STATUSES.includes(status);
      const candidates = stored.filter((s) => s.key === key);
      // The live record of the key; else the record of the same key and year — closed, or a lapsed recognition the row repeats.
      const sameYear = (s: Stored) => s.year === (d.values.year ?? null) && (!live || LIVE_STATUSES.includes(s.status as DesignationStatus));
      const current = candidates.find(liveNow) ?? candidates.find(sameYear);
      if (d.type === DesignationType.CHAIN_LEADER && live) {
        const other = stored.find((s) => s.key !== key && s.key.startsWith(`${d.enterpriseId}|${d.type}|`) && s.chainId === d.chainId && liveNow(s));
        if (other) {
          fail('level', ErrorCode.DUPLICATE_DESIGNATION, '该企业在这条产业链上已有另一级别的链主认定,一条链只能有一条有效链主记录 (a live chain leader designation on this chain exists)');
          continue;
        }
      }
      if (!current) {
        if (!canTransition(null, status)) {
          fail('status', ErrorCode.ILLEGAL_TRANSITION, `新登记的认定只能是“培育对象”或“已认定”,不能直接登记为“${DESIGNATION_STATUS_LABELS[status]}”:请先登记已认定再变更状态 (a new designation starts as CANDIDATE or RECOGNISED)`);
          continue;
        }
        if (status === DesignationStatus.RECOGNISED && !d.values.recognisedOn) {
          fail('recognisedOn', ErrorCode.VALIDATION_FAILED, '已认定的记录必须填写认定日期 (recognisedOn required)');
          continue;
        }
        if (status === DesignationStatus.CANDIDATE && (d.values.recognisedOn || d.values.expiresOn)) {
          fail(d.values.recognisedOn ? 'recognisedOn' : 'expiresOn', ErrorCode.VALIDATION_FAILED, '培育对象尚未认定,不能填写认定日期或到期日期 (a candidate has no recognition dates)');
          continue;
        }
        if (status === DesignationStatus.RECOGNISED) d.values.expiresOn = (d.values.expiresOn as string | null | undefined) || defaultExpiry(d.validityYears, d.values.recognisedOn as string);
        d.effectiveOn = (d.values.recognisedOn as string | null) ?? today;
        p.action = 'create';
        continue;
      }
      // Columns left out of the file keep their stored values.
      for (const field of Object.keys(COLUMN)) if (!ctx.present.has(field)) d.values[field] = current[field];
      // A row repeating the recorded status, or the status the record reads today (a lapse), changes no status.
      const fromStatus = current.status as DesignationStatus;
      const readToday = statusOn({ status: fromStatus, expiresOn: current.expiresOn as string | null }, today);
      if (status !== fromStatus && status !== readToday) {
        // A recognition (or re-recognition) takes effect on the new 认定日期 the file gives, else today; the stored
        // date repeated by the file (an exported sheet) is the last term's, not a new one.
        const given = d.values.recognisedOn !== current.recognisedOn ? (d.values.recognisedOn as string | null) : null;
        const effectiveOn = status === DesignationStatus.RECOGNISED && given ? given : today;
        if (effectiveOn < current.lastOn) {
          fail(given ? 'recognisedOn' : 'status', ErrorCode.DATE_OUT_OF_ORDER, `状态变更的生效日期 ${effectiveOn} 早于上一次变更 ${current.lastOn} (change before the previous one)`);
          continue;
        }
        const then = statusOn({ status: fromStatus, expiresOn: current.expiresOn as string | null }, effectiveOn);
        if (!canTransition(then, status)) {
          fail('status', ErrorCode.ILLEGAL_TRANSITION, `不能从“${DESIGNATION_STATUS_LABELS[then]}”变为“${DESIGNATION_STATUS_LABELS[status]}”,可选:${describeAllowed(then)} (illegal transition ${then} → ${status})`);
          continue;
        }
        if (status === DesignationStatus.RECOGNISED) {
          // A new term: the file's expiry only when it lies after the new recognition, else the default.
          d.values.recognisedOn = effectiveOn;
          const given = d.values.expiresOn as string | null;
          d.values.expiresOn = given && given > effectiveOn && given !== current.expiresOn ? given : defaultExpiry(d.validityYears, effectiveOn);
          if (d.values.year === null || d.values.year === undefined) d.values.year = Number(effectiveOn.slice(0, 4));
        }
        d.effectiveOn = effectiveOn;
      } else if ((d.values.recognisedOn ?? null) !== (current.recognisedOn ?? null) || (d.values.expiresOn ?? null) !== (current.expiresOn ?? null)) {
        // Dates of a term are set by its (re-)recognition; changing them in place would rewrite past figures.
        const field = (d.values.recognisedOn ?? null) !== (current.recognisedOn ?? null) ? 'recognisedOn' : 'expiresOn';
        fail(field, ErrorCode.VALIDATION_FAILED, '已登记认定的认定日期、到期日期不能通过导入修改;复核后重新认定会开始新的有效期 (recognition dates change only with a re-recognition)');
        continue;
      }
      const read: Values = { ...current, status: status === readToday ? status : fromStatus };
      const changed = Object.keys(COLUMN).some((f) => (d.values[f] ?? null) !== (read[f] ?? null));
      p.action = changed ? 'update' : 'unchanged';
      d.id = current.id;
      // A lapse the row repeats is written down by the expiry settlement, with its own event.
      d.fromStatus = status === readToday ? status : fromStatus;
    }
    return prepared;
  }

  private check(ctx: BatchContext, row: RawRow, enterprise: { id: string; code: string } | { errors: RowError[] }, today: string): PreparedRow<DesignationRow> {
    const v = row.values;
    const errors: RowError[] = 'errors' in enterprise ? [...enterprise.errors] : [];
    const fail = (field: string, code: string, message: string) => errors.push({ line: row.line, column: ctx.headerOf(field), code, message });
    // The type by its Chinese name or code in the catalogue; its levels, holder and dates are the catalogue's.
    const entry = this.typesByName!.get(v.type ?? '') ?? this.types!.get((v.type ?? '').toUpperCase());
    const type = entry?.code ?? clip(v.type ?? '');
    const level = toEnum(v.level ?? '', DESIGNATION_LEVEL_LABELS);
    if (!(level in DESIGNATION_LEVEL_LABELS)) fail('level', 'VALIDATION_FAILED', `级别“${clip(v.level)}”不认识,可填:${Object.values(DESIGNATION_LEVEL_LABELS).join('、')} (unknown level)`);
    else {
      const on = (v.recognisedOn && toDate(v.recognisedOn)) || today;
      try {
        checkAgainstCatalogue(this.types!, type, level, HolderKind.ENTERPRISE, on);
      } catch (error) {
        if (!(error instanceof AppException)) throw error;
        const field = (error.errors?.[0]?.field ?? 'type') === 'level' ? 'level' : 'type';
        const message = !entry ? `认定类型“${clip(v.type)}”不在认定类型目录中,可填:${[...this.types!.values()].filter((t) => t.holderKind === HolderKind.ENTERPRISE).map((t) => t.name).join('、')} (unknown type)` : error.message;
        fail(field, error.code, message);
      }
    }
    const status = toEnum(v.status ?? '', DESIGNATION_STATUS_LABELS);
    if (!(status in DESIGNATION_STATUS_LABELS)) fail('status', 'VALIDATION_FAILED', `状态“${clip(v.status)}”不认识,可填:${Object.values(DESIGNATION_STATUS_LABELS).join('、')} (unknown status)`);
    let chainId: string | null = null;
    if (v.chainCode) {
      const chain = this.chains!.get(v.chainCode);
      if (!chain) fail('chainCode', ErrorCode.CHAIN_NOT_FOUND, UNKNOWN_CHAIN(v.chainCode));
      else chainId = chain.id;
    } else if (entry?.namesChain) {
      fail('chainCode', 'CHAIN_REQUIRED', `${entry.name}须填写产业链代码 (a chain tier needs its chain)`);
    }
    if (chainId && entry && !entry.namesChain) fail('chainCode', 'VALIDATION_FAILED', `${entry.name}不属于某条产业链,请不要填产业链代码 (only chain tiers name a chain)`);
    const values: Values = { level, status };
    for (const field of ['recognisedOn', 'expiresOn']) {
      if (v[field] === undefined) continue;
      const date = v[field] ? toDate(v[field]) : null;
      if (date !== null && !isDate(date)) fail(field, 'VALIDATION_FAILED', `日期“${v[field]}”应为 YYYY-MM-DD (invalid date)`);
      values[field] = date;
    }
    if (values.recognisedOn && values.expiresOn && values.expiresOn <= values.recognisedOn) fail('expiresOn', 'VALIDATION_FAILED', '到期日期须晚于认定日期 (expiry must be after recognition)');
    if (values.recognisedOn && isDate(values.recognisedOn as string) && (values.recognisedOn as string) > today) {
      fail('recognisedOn', ErrorCode.DATE_IN_FUTURE, `认定日期 ${values.recognisedOn} 晚于今天 ${today},不能预填 (date after today)`);
    }
    if (v.year !== undefined) {
      const year = v.year ? Number(v.year) : null;
      if (year !== null && (!Number.isInteger(year) || year < 1949 || year > 2100)) fail('year', 'VALIDATION_FAILED', `年度“${clip(v.year)}”应为 1949–2100 之间的年份 (year out of range)`);
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
      // Two live rows of one identity key would be two live designations.
      key: `${designationKey({ enterpriseId: enterprise.code, type, level, chainId })}|${live ? 'live' : (values.year ?? '')}`,
      keyColumn: 'type',
      data: { enterpriseId: enterprise.id, type, validityYears: entry!.validityYears, chainId, values },
    };
  }

  async write(ctx: BatchContext, rows: PreparedRow<DesignationRow>[]): Promise<void> {
    // Lapsed recognitions are written down first (as the API does), so they never block a new live record.
    const enterpriseIds = [...new Set(rows.filter((r) => r.action === 'create' || r.action === 'update').map((r) => r.data!.enterpriseId))];
    if (enterpriseIds.length) await this.expiry.settle(ctx.manager, enterpriseIds, todayInChina());
    const fields = Object.keys(COLUMN);
    const types: Record<string, string> = Object.fromEntries(Object.values(COLUMN));
    const record = (d: DesignationRow) => Object.fromEntries(fields.map((f) => [COLUMN[f][0], d.values[f] ?? null]));
    const created = rows.filter((r) => r.action === 'create');
    const creates = created.map((r) => ({
      id: (r.data!.id = randomUUID()),
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
      const { select, from } = jsonRecordset(columns, { ...types, id: 'uuid', enterprise_id: 'uuid', type: 'varchar', chain_id: 'uuid', tagged_by_id: 'uuid', tagged_by_username: 'varchar' });
      await ctx.manager.query(`INSERT INTO designation (${columns.join(', ')}, version) SELECT ${select}, 1 FROM ${from}`, [JSON.stringify(creates)]);
      for (const r of created) {
        events.push({ designation_id: r.data!.id, from_status: null, to_status: r.data!.values.status, effective_on: r.data!.effectiveOn, expires_on: r.data!.values.expiresOn ?? null });
      }
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
        events.push({ designation_id: r.data!.id, from_status: r.data!.fromStatus, to_status: r.data!.values.status, effective_on: r.data!.effectiveOn, expires_on: r.data!.values.expiresOn ?? null });
      }
    }
    if (events.length) {
      const rowsWithActor = events.map((e) => ({ ...e, reason: '批量导入 (import)', actor_id: ctx.actor.id, actor_username: ctx.actor.username }));
      const columns = Object.keys(rowsWithActor[0]);
      const { select, from } = jsonRecordset(columns, {
        designation_id: 'uuid', from_status: 'varchar', to_status: 'varchar', effective_on: 'date', expires_on: 'date', reason: 'text', actor_id: 'uuid', actor_username: 'varchar',
      });
      await ctx.manager.query(`INSERT INTO designation_event (${columns.join(', ')}) SELECT ${select} FROM ${from}`, [JSON.stringify(rowsWithActor)]);
    }
  }
}
