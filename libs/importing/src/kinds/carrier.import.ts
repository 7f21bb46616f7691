import { Injectable } from '@nestjs/common';

import { Permission } from '@app/auth';
import { CARRIER_KIND_LABELS } from '@app/core';
import { CarrierService, CreateCarrierDto, UpdateCarrierDto } from '@app/cultivation';

import { BatchContext, ColumnSpec, ImportHandler, ImportKind, PreparedRow, RawRow, RowError } from '../import-kind';
import { clip } from '../import-limits';
import { checkedRow, toEnum, validateDto } from '../row-validation';
import { loadChains, unknownChain } from './chain-lookup';
import { lookupEnterprises } from './enterprise-lookup';

export const CARRIER_COLUMNS: ColumnSpec[] = [
  { field: 'name', header: '载体名称', aliases: ['名称'], required: true, example: '宁波示例绿色低碳产业园' },
  { field: 'kind', header: '载体类型', required: true, example: CARRIER_KIND_LABELS[Object.keys(CARRIER_KIND_LABELS)[0] as keyof typeof CARRIER_KIND_LABELS] },
  { field: 'districtCode', header: '区县代码', aliases: ['所在区县代码'], required: true, example: '330211' },
  { field: 'creditCode', header: '运营企业统一社会信用代码', aliases: ['运营主体信用代码'], example: '91330200MA2AAAAA1X' },
  { field: 'operatorName', header: '运营主体名称', example: '' },
  { field: 'chainCode', header: '产业链代码', aliases: ['所属产业链'], example: '' },
  { field: 'description', header: '说明', aliases: ['备注'], example: '' },
];

interface Stored {
  id: string;
  kind: string;
  name: string;
  version: number;
  districtCode: string;
  operatorEnterpriseId: string | null;
  operatorName: string | null;
  chainId: string | null;
  description: string | null;
}
interface CarrierRow {
  existing: Stored | null;
  dto: CreateCarrierDto;
}
/** Columns of the file → fields of the carrier they set (a column left out keeps the stored value). */
const FIELD_OF: Record<string, keyof Stored> = {
  districtCode: 'districtCode',
  creditCode: 'operatorEnterpriseId',
  operatorName: 'operatorName',
  chainCode: 'chainId',
  description: 'description',
};

/**
 * Carriers (载体: parks, green-design products, platforms, industry brains and their apps). A carrier is
 * identified by its kind and name: a row naming a registered one updates it, any other registers a new one.
 * Held to what POST /carriers accepts (its DTO and the service's district, operator, chain and scope checks).
 */
@Injectable()
export class CarrierImport implements ImportHandler {
  readonly kind = ImportKind.CARRIERS;
  /** The permission of the route that writes the same records */
  readonly permission = Permission.DESIGNATION_WRITE;
  readonly columns = CARRIER_COLUMNS;

  constructor(private readonly carriers: CarrierService) {}

  async prepare(ctx: BatchContext, rows: RawRow[]): Promise<PreparedRow<CarrierRow>[]> {
    const withOperator = rows.filter((r) => r.values.creditCode);
    const operators = new Map((await lookupEnterprises(ctx, withOperator)).map((e, i) => [withOperator[i].line, e]));
    const chains = await loadChains(ctx);
    const names = rows.map((r) => (r.values.name ?? '').trim()).filter(Boolean);
    const found: Stored[] = names.length
      ? await ctx.manager.query(
          `SELECT id, kind, name, version, district_code AS "districtCode", operator_enterprise_id AS "operatorEnterpriseId", operator_name AS "operatorName",
                  chain_id AS "chainId", description FROM carrier WHERE name = ANY($1::text[])`,
          [names],
        )
      : [];
    const byKey = new Map<string, Stored[]>();
    for (const f of found) byKey.set(`${f.kind}|${f.name}`, [...(byKey.get(`${f.kind}|${f.name}`) ?? []), f]);
    const prepared: PreparedRow<CarrierRow>[] = [];
    for (const row of rows) {
      const v = row.values;
      const errors: RowError[] = [];
      const kind = toEnum(v.kind ?? '', CARRIER_KIND_LABELS);
      if (!(kind in CARRIER_KIND_LABELS)) {
        errors.push({ line: row.line, column: ctx.headerOf('kind'), code: 'VALIDATION_FAILED', message: `载体类型“${clip(v.kind)}”不认识,可填:${Object.values(CARRIER_KIND_LABELS).join('、')} (unknown carrier kind)` });
      }
      const plain: Record<string, unknown> = { kind, name: (v.name ?? '').trim(), districtCode: v.districtCode ?? '' };
      if (v.operatorName) plain.operatorName = v.operatorName;
      if (v.description) plain.description = v.description;
      const operator = operators.get(row.line);
      if (operator && 'errors' in operator) errors.push(...operator.errors);
      else if (operator) plain.operatorEnterpriseId = operator.id;
      if (v.chainCode) {
        const chain = chains.get(v.chainCode);
        if (chain) plain.chainId = chain.id;
        else errors.push(unknownChain(ctx, row.line, v.chainCode));
      }
      const { dto, errors: dtoErrors } = validateDto(ctx, row.line, CreateCarrierDto, plain);
      errors.push(...dtoErrors.filter((e) => e.column !== ctx.headerOf('kind') || kind in CARRIER_KIND_LABELS));
      const same = byKey.get(`${kind}|${dto.name}`) ?? [];
      if (same.length > 1) {
        errors.push({ line: row.line, column: ctx.headerOf('name'), code: 'CARRIER_AMBIGUOUS', message: `库中有 ${same.length} 个同类型同名的载体“${clip(dto.name)}”,请在系统中改名区分后再导入 (several carriers of this kind and name)` });
      }
      const existing = same.length === 1 ? same[0] : null;
      // A carrier out of scope reads as unknown (as by id); here it is named, so say so on its name.
      if (!errors.length) errors.push(...(await checkedRow(ctx, row.line, 'name', () => this.carriers.checkDraft(ctx.manager, ctx.actor, dto, existing?.id ?? null))));
      if (errors.length) {
        prepared.push({ line: row.line, errors });
        continue;
      }
      const changed = existing && Object.entries(FIELD_OF).some(([column, field]) => ctx.present.has(column) && ((dto as unknown as Record<string, unknown>)[field] ?? null) !== (existing[field] ?? null));
      const action = !existing ? 'create' : changed ? 'update' : 'unchanged';
      prepared.push({ line: row.line, errors: [], key: `${kind}|${dto.name}`, keyColumn: 'name', action, data: { existing, dto } });
    }
    return prepared;
  }

  async write(ctx: BatchContext, rows: PreparedRow<CarrierRow>[]): Promise<void> {
    for (const row of rows) {
      const { existing, dto } = row.data!;
      if (row.action === 'unchanged') continue;
      if (existing) {
        const fields: Record<string, unknown> = { version: Number(existing.version) };
        for (const [column, field] of Object.entries(FIELD_OF)) if (ctx.present.has(column)) fields[field] = (dto as unknown as Record<string, unknown>)[field] ?? null;
        await this.carriers.update(ctx.actor, existing.id, fields as unknown as UpdateCarrierDto, ctx.manager);
      } else {
        await this.carriers.create(ctx.actor, dto, ctx.manager);
      }
    }
  }
}
