import { Injectable } from '@nestjs/common';

import { Permission } from '@app/auth';
import { LAND_TENURE_LABELS, LandUseRowDto } from '@app/evaluation';

import { BatchContext, ImportHandler, ImportKind, PreparedRow, RawRow } from '../import-kind';
import { prepareYearly, writeYearly, YearlyRow, YearlyUpsertSpec, yearlyColumns } from './evaluation-upsert';

const SPEC: YearlyUpsertSpec = {
  table: 'land_use',
  keyField: 'tenure',
  dto: LandUseRowDto,
  columns: {
    tenure: { column: 'tenure', type: 'varchar', kind: 'enum', labels: LAND_TENURE_LABELS },
    areaMu: { column: 'area_mu', type: 'numeric', kind: 'number', scale: 2 },
    inUseSince: { column: 'in_use_since', type: 'date', kind: 'date' },
    verifiedBy: { column: 'verified_by', type: 'varchar', kind: 'text' },
    verifiedOn: { column: 'verified_on', type: 'date', kind: 'date' },
    source: { column: 'source', type: 'varchar', kind: 'text' },
  },
};

/** Land per enterprise, year and tenure (自有/租赁) for the 亩均 evaluation, upserted. */
@Injectable()
export class LandUseImport implements ImportHandler {
  readonly kind = ImportKind.LAND_USE;
  readonly permission = Permission.FIGURES_WRITE;
  readonly columns = yearlyColumns([
    { field: 'tenure', header: '用地类型', aliases: ['自有/租赁'], required: true, example: '自有用地' },
    { field: 'areaMu', header: '用地面积(亩)', aliases: ['面积(亩)', '用地面积'], required: true, example: '35.5' },
    { field: 'inUseSince', header: '投入使用日期', example: '2015-06-01' },
    { field: 'verifiedBy', header: '核实人', aliases: ['核实单位'], example: '镇海区自然资源分局' },
    { field: 'verifiedOn', header: '核实日期', example: '2024-03-15' },
    { field: 'source', header: '数据来源', example: '不动产登记' },
  ]);

  prepare(ctx: BatchContext, rows: RawRow[]): Promise<PreparedRow<YearlyRow>[]> {
    return prepareYearly(ctx, rows, SPEC);
  }

  write(ctx: BatchContext, rows: PreparedRow<YearlyRow>[]): Promise<void> {
    if (!ctx.present.has('tenure') || !ctx.present.has('areaMu')) return Promise.resolve();
    return writeYearly(ctx, rows, SPEC, ['enterprise_id', 'year', 'tenure']);
  }
}
