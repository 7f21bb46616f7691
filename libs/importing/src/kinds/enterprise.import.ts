import { Injectable } from '@nestjs/common';

import { assertDistrictInScope, canWriteEnterprise, ErrorCode, fieldHeader } from '@app/core';
import {
  acceptCreditCode,
  CreateEnterpriseDto,
  ENTERPRISE_STATUS_LABELS,
  EnterpriseFieldsDto,
  EnterpriseStatus,
  ReferenceCheckService,
} from '@app/registry';

import { BatchContext, ColumnSpec, ImportHandler, ImportKind, PreparedRow, RawRow, RowError } from '../import-kind';
import { appErrors, CheckCache, sameJson, toBoolean, toDate, toEnum, toNumber, validateDto } from '../row-validation';
import { jsonRecordset } from './sql-recordset';

export const ENTERPRISE_COLUMNS: ColumnSpec[] = [
  { field: 'creditCode', header: fieldHeader('enterprise', 'creditCode'), aliases: ['信用代码', '社会信用代码'], required: true, example: '91330200MA2AAAAA1X' },
  { field: 'name', header: fieldHeader('enterprise', 'name'), aliases: ['单位名称', '企业全称'], required: true, newOnly: true, example: '宁波示例智能装备有限公司' },
  { field: 'shortName', header: fieldHeader('enterprise', 'shortName'), aliases: ['简称'], example: '示例装备' },
  { field: 'formerNames', header: fieldHeader('enterprise', 'formerNames'), example: '宁波示例机械厂;宁波示例机电有限公司' },
  { field: 'districtCode', header: '所属区县代码', aliases: ['区县代码', '行政区划代码'], required: true, newOnly: true, example: '330211' },
  { field: 'functionalZoneCode', header: '功能区代码', example: '' },
  { field: 'industryCode', header: '行业代码', aliases: ['国民经济行业代码', '行业分类代码'], required: true, newOnly: true, example: '3411' },
  { field: 'address', header: fieldHeader('enterprise', 'address'), aliases: ['注册地址', '企业地址'], example: '宁波市镇海区骆驼街道示例路1号' },
  { field: 'legalRepresentative', header: fieldHeader('enterprise', 'legalRepresentative'), example: '张三' },
  { field: 'foundedOn', header: fieldHeader('enterprise', 'foundedOn'), example: '2008-05-12' },
  { field: 'registeredCapitalYuan', header: fieldHeader('enterprise', 'registeredCapitalYuan'), example: '50000000' },
  { field: 'status', header: fieldHeader('enterprise', 'status'), aliases: ['登记状态'], example: '存续' },
  { field: 'aboveScale', header: fieldHeader('enterprise', 'aboveScale'), aliases: ['是否规上'], example: '是' },
  { field: 'stockCode', header: fieldHeader('enterprise', 'stockCode'), example: '' },
  { field: 'landAreaMu', header: fieldHeader('enterprise', 'landAreaMu'), example: '35.5' },
  { field: 'contactPerson', header: fieldHeader('enterprise', 'contactPerson'), example: '李四' },
  { field: 'contactPhone', header: fieldHeader('enterprise', 'contactPhone'), example: '0574-86000000' },
  { field: 'contactEmail', header: fieldHeader('enterprise', 'contactEmail'), aliases: ['电子邮箱'], example: 'contact@example.cn' },
  { field: 'creditCodeOverrideReason', header: fieldHeader('enterprise', 'creditCodeOverrideReason'), example: '' },
];

/** field → column, with the SQL type used to read it back from JSON */
const COLUMNS: Record<string, [string, string]> = {
  name: ['name', 'varchar'],
  shortName: ['short_name', 'varchar'],
  formerNames: ['former_names', 'text[]'],
  districtCode: ['district_code', 'varchar'],
  functionalZoneCode: ['functional_zone_code', 'varchar'],
  industryCode: ['industry_code', 'varchar'],
  industrySection: ['industry_section', 'char(1)'],
  address: ['address', 'varchar'],
  legalRepresentative: ['legal_representative', 'varchar'],
  foundedOn: ['founded_on', 'date'],
  registeredCapitalYuan: ['registered_capital_yuan', 'numeric'],
  status: ['status', 'varchar'],
  aboveScale: ['above_scale', 'boolean'],
  stockCode: ['stock_code', 'varchar'],
  landAreaMu: ['land_area_mu', 'numeric'],
  contactPerson: ['contact_person', 'varchar'],
  contactPhone: ['contact_phone', 'varchar'],
  contactEmail: ['contact_email', 'varchar'],
  creditCodeOverrideReason: ['credit_code_override_reason', 'text'],
};

/** Columns that can never be empty: an empty cell leaves the stored value alone. */
const KEEP_WHEN_EMPTY = new Set(['name', 'districtCode', 'industryCode', 'status', 'aboveScale']);

type Values = Record<string, unknown>;
interface Existing extends Values {
  id: string;
  archived: boolean;
}
interface EnterpriseRow {
  id?: string;
  creditCode: string;
  values: Values;
}

const money = (n: unknown) => (typeof n === 'number' ? n.toFixed(2) : null);

@Injectable()
export class EnterpriseImport implements ImportHandler {
  readonly kind = ImportKind.ENTERPRISES;
  readonly columns = ENTERPRISE_COLUMNS;

  constructor(private readonly references: ReferenceCheckService) {}

  private districts = new CheckCache<void>();
  private zones = new CheckCache<void>();
  private sections = new CheckCache<string>();

  /** Fresh caches per file: reference data may change between imports. */
  reset(): void {
    this.districts = new CheckCache();
    this.zones = new CheckCache();
    this.sections = new CheckCache();
  }

  async prepare(ctx: BatchContext, rows: RawRow[]): Promise<PreparedRow<EnterpriseRow>[]> {
    const codes = rows.map((row) => {
      try {
        return acceptCreditCode(row.values.creditCode ?? '', row.values.creditCodeOverrideReason || undefined);
      } catch (error) {
        return { error: appErrors(ctx, row.line, error, 'creditCode') };
      }
    });
    const wanted = codes.flatMap((c) => ('code' in c ? [c.code] : []));
    const existing = new Map<string, Existing>();
    if (wanted.length) {
      const found: Existing[] = await ctx.manager.query(
        `SELECT id, credit_code AS "creditCode", archived, name, short_name AS "shortName", former_names AS "formerNames",
                district_code AS "districtCode", functional_zone_code AS "functionalZoneCode", industry_code AS "industryCode",
                industry_section AS "industrySection", address, legal_representative AS "legalRepresentative", founded_on::text AS "foundedOn",
                registered_capital_yuan::text AS "registeredCapitalYuan", status, above_scale AS "aboveScale", stock_code AS "stockCode",
                land_area_mu::text AS "landAreaMu", contact_person AS "contactPerson", contact_phone AS "contactPhone",
                contact_email AS "contactEmail", credit_code_override_reason AS "creditCodeOverrideReason"
           FROM enterprise WHERE credit_code = ANY($1)`,
        [wanted],
      );
      for (const row of found) existing.set(row.creditCode as string, row);
    }
    const prepared: PreparedRow<EnterpriseRow>[] = [];
    for (let i = 0; i < rows.length; i++) {
      const code = codes[i];
      if ('error' in code) {
        prepared.push({ line: rows[i].line, errors: code.error! });
        continue;
      }
      prepared.push(await this.prepareRow(ctx, rows[i], code.code, code.override, existing.get(code.code)));
    }
    return prepared;
  }

  private async prepareRow(ctx: BatchContext, row: RawRow, creditCode: string, override: string | null, current?: Existing): Promise<PreparedRow<EnterpriseRow>> {
    const { line } = row;
    const base = { line, key: creditCode, keyColumn: 'creditCode' };
    const plain: Values = {};
    for (const [field, text] of Object.entries(row.values)) {
      if (field === 'creditCode' || field === 'creditCodeOverrideReason') continue;
      if (text === '') {
        if (!KEEP_WHEN_EMPTY.has(field)) plain[field] = field === 'formerNames' ? [] : null;
        continue;
      }
      if (field === 'formerNames') plain[field] = text.split(/[;；、|]/).map((s) => s.trim()).filter(Boolean);
      else if (field === 'registeredCapitalYuan' || field === 'landAreaMu') plain[field] = toNumber(text);
      else if (field === 'aboveScale') plain[field] = toBoolean(text);
      else if (field === 'status') plain[field] = toEnum(text, ENTERPRISE_STATUS_LABELS);
      else if (field === 'foundedOn') plain[field] = toDate(text);
      else plain[field] = text;
    }
    const { errors } = current
      ? validateDto(ctx, line, EnterpriseFieldsDto, plain)
      : validateDto(ctx, line, CreateEnterpriseDto, { ...plain, creditCode });
    // A new record needs every required field, even when its column is absent from the file.
    if (!current) {
      for (const column of ENTERPRISE_COLUMNS.filter((c) => c.newOnly && plain[c.field] == null && !errors.some((e) => e.column === ctx.headerOf(c.field)))) {
        errors.push({ line, column: ctx.headerOf(column.field), code: 'REQUIRED', message: `新企业须填写“${column.header}” (required for a new enterprise)` });
      }
    }
    if (errors.length) return { ...base, errors };

    // The same object-level scope as the API: another district's enterprise reads as unknown, and a
    // district officer cannot place one in a district that is not theirs.
    const scopeErrors: RowError[] = [];
    if (current && !canWriteEnterprise(ctx.actor, { id: current.id as string, districtCode: current.districtCode as string })) {
      scopeErrors.push({ line, column: ctx.headerOf('creditCode'), code: 'ENTERPRISE_NOT_FOUND', message: `找不到企业 ${creditCode} (enterprise not found)` });
    } else {
      const target = (plain.districtCode as string | undefined) ?? (current?.districtCode as string | undefined);
      if (target) {
        try {
          assertDistrictInScope(ctx.actor, target);
        } catch (error) {
          scopeErrors.push(...appErrors(ctx, line, error, 'districtCode'));
        }
      }
    }
    if (scopeErrors.length) return { ...base, errors: scopeErrors };

    const refErrors: RowError[] = [];
    const check = async (field: string, run: () => Promise<unknown>) => {
      try {
        await run();
      } catch (error) {
        refErrors.push(...appErrors(ctx, line, error, field));
      }
    };
    const district = plain.districtCode as string | undefined;
    if (district && district !== current?.districtCode) await check('districtCode', () => this.districts.get(district, () => this.references.district(ctx.manager, district)));
    const zone = plain.functionalZoneCode as string | null | undefined;
    if (zone && zone !== current?.functionalZoneCode) await check('functionalZoneCode', () => this.zones.get(zone, () => this.references.functionalZone(ctx.manager, zone)));
    const industry = plain.industryCode as string | undefined;
    if (industry) {
      await check('industryCode', async () => {
        plain.industrySection = await this.sections.get(industry, () => this.references.industrySection(ctx.manager, industry));
      });
    }
    if (refErrors.length) return { ...base, errors: refErrors };

    // The stored form of each value, so "unchanged" is an exact comparison with what the database holds.
    const values: Values = {};
    for (const [field, value] of Object.entries(plain)) {
      if (field === 'registeredCapitalYuan' || field === 'landAreaMu') values[field] = money(value);
      else values[field] = value;
    }
    if (row.values.creditCodeOverrideReason !== undefined || !current) values.creditCodeOverrideReason = override;

    if (!current) {
      return { ...base, errors: [], action: 'create', data: { creditCode, values: { status: EnterpriseStatus.ACTIVE, aboveScale: false, formerNames: [], ...values } } };
    }
    const changed = Object.entries(values).some(([field, value]) => !sameJson(value ?? null, current[field] ?? null));
    if (!changed) return { ...base, errors: [], action: 'unchanged' };
    if (current.archived) {
      return {
        ...base,
        errors: [{ line, column: ctx.headerOf('creditCode'), code: ErrorCode.ENTERPRISE_ARCHIVED, message: `企业 ${creditCode} 已归档,不能修改 (enterprise is archived)` }],
      };
    }
    return { ...base, errors: [], action: 'update', data: { id: current.id, creditCode, values } };
  }

  async write(ctx: BatchContext, rows: PreparedRow<EnterpriseRow>[]): Promise<void> {
    const creates = rows.filter((r) => r.action === 'create').map((r) => ({ credit_code: r.data!.creditCode, ...columnsOf(r.data!.values) }));
    if (creates.length) {
      const fields = [...new Set(creates.flatMap((c) => Object.keys(c)))];
      const types = { credit_code: 'varchar', ...typesOf(fields) };
      const { select, from } = jsonRecordset(fields, types);
      await ctx.manager.query(`INSERT INTO enterprise (${fields.join(', ')}, version) SELECT ${select}, 1 FROM ${from}`, [JSON.stringify(creates)]);
    }
    const updates = rows.filter((r) => r.action === 'update').map((r) => ({ id: r.data!.id, ...columnsOf(r.data!.values) }));
    // Rows of one file share its columns, but group by column set anyway (an override reason may be absent on some).
    const groups = new Map<string, Values[]>();
    for (const u of updates) {
      const key = Object.keys(u).sort().join(',');
      groups.set(key, [...(groups.get(key) ?? []), u]);
    }
    for (const group of groups.values()) {
      const fields = Object.keys(group[0]);
      const { select: _unused, from } = jsonRecordset(fields, { id: 'uuid', ...typesOf(fields) });
      const sets = fields.filter((f) => f !== 'id').map((f) => `${f} = x.${f}`);
      await ctx.manager.query(
        `UPDATE enterprise e SET ${sets.join(', ')}, version = e.version + 1, updated_at = now() FROM ${from} WHERE e.id = x.id`,
        [JSON.stringify(group)],
      );
    }
  }
}

function columnsOf(values: Values): Values {
  return Object.fromEntries(Object.entries(values).map(([field, value]) => [COLUMNS[field][0], value]));
}

function typesOf(columns: string[]): Record<string, string> {
  const byColumn = Object.fromEntries(Object.values(COLUMNS));
  return Object.fromEntries(columns.filter((c) => byColumn[c]).map((c) => [c, byColumn[c]]));
}
