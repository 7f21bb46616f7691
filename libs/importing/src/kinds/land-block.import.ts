import { Injectable } from '@nestjs/common';

import { Permission } from '@app/auth';
import { ErrorCode } from '@app/core';
import { canReachBlock, CreateLandBlockDto, LandBlockEntity, LandBlockService } from '@app/remediation';

import { BatchContext, ColumnSpec, ImportHandler, ImportKind, PreparedRow, RawRow, RowError } from '../import-kind';
import { clip } from '../import-limits';
import { toNumber, validateDto } from '../row-validation';

export const LAND_BLOCK_COLUMNS: ColumnSpec[] = [
  { field: 'name', header: '区块名称', required: true, example: '镇海区骆驼街道低效工业区块一号' },
  { field: 'districtCode', header: '区县', aliases: ['区县代码', '所在区县', '所在区县代码'], required: true, example: '镇海区' },
  { field: 'areaMu', header: '面积(亩)', aliases: ['区块面积(亩)', '面积（亩）'], required: true, example: '126.5' },
  { field: 'location', header: '坐落', aliases: ['区块坐落', '四至'], required: true, example: '骆驼街道荣吉路以东、镇骆路以北' },
  { field: 'longitude', header: '经度', example: '121.6012' },
  { field: 'latitude', header: '纬度', example: '29.9521' },
  { field: 'note', header: '备注', example: '' },
];

/**
 * Land blocks (低效用地区块), new ones only: a name already registered is a row error (blocks are edited one by
 * one). The district may be written as its code or its Chinese name; a district officer's rows must lie in their
 * districts, any other row is an error.
 */
@Injectable()
export class LandBlockImport implements ImportHandler {
  readonly kind = ImportKind.LAND_BLOCKS;
  /** The permission of the route that writes the same records */
  readonly permission = Permission.REMEDIATION_WRITE;
  readonly columns = LAND_BLOCK_COLUMNS;

  constructor(private readonly blocks: LandBlockService) {}

  async prepare(ctx: BatchContext, rows: RawRow[]): Promise<PreparedRow<CreateLandBlockDto>[]> {
    const districts: { code: string; name: string }[] = await ctx.manager.query(`SELECT code, name FROM district`);
    const codeOf = new Map(districts.flatMap((d) => [[d.code, d.code], [d.name, d.code]]));
    const names = rows.map((r) => (r.values.name ?? '').trim()).filter(Boolean);
    const taken = new Set(names.length ? (await ctx.manager.find(LandBlockEntity, { select: { name: true }, where: names.map((name) => ({ name })) })).map((b) => b.name) : []);
    return rows.map((row): PreparedRow<CreateLandBlockDto> => {
      const v = row.values;
      const errors: RowError[] = [];
      const districtCode = codeOf.get((v.districtCode ?? '').trim());
      const plain: Record<string, unknown> = { name: v.name ?? '', districtCode: districtCode ?? '000000', areaMu: toNumber(v.areaMu ?? ''), location: v.location ?? '' };
      if (v.longitude) plain.longitude = toNumber(v.longitude);
      if (v.latitude) plain.latitude = toNumber(v.latitude);
      if (v.note) plain.note = v.note;
      const { dto, errors: dtoErrors } = validateDto(ctx, row.line, CreateLandBlockDto, plain);
      errors.push(...dtoErrors);
      const districtColumn = ctx.headerOf('districtCode');
      if (!districtCode) errors.push({ line: row.line, column: districtColumn, code: ErrorCode.DISTRICT_UNKNOWN, message: `没有区县“${clip(v.districtCode ?? '')}”,请填写区县名称或 6 位区县代码` });
      else if (!canReachBlock(ctx.actor, { districtCode })) {
        errors.push({ line: row.line, column: districtColumn, code: ErrorCode.OUT_OF_SCOPE, message: `只能导入本人负责区县的区块,${clip(v.districtCode ?? '')}不在您的范围内 (district outside your scope)` });
      }
      const name = (v.name ?? '').trim();
      if (name && taken.has(name)) errors.push({ line: row.line, column: ctx.headerOf('name'), code: 'LAND_BLOCK_NAME_TAKEN', message: `已有名为“${clip(name)}”的区块,请换一个名称或在区块页修改原区块` });
      if (errors.length) return { line: row.line, errors };
      return { line: row.line, errors: [], key: name, keyColumn: 'name', action: 'create', data: dto };
    });
  }

  async write(ctx: BatchContext, rows: PreparedRow<CreateLandBlockDto>[]): Promise<void> {
    for (const row of rows) await this.blocks.create(ctx.actor, row.data!, ctx.manager);
  }
}
