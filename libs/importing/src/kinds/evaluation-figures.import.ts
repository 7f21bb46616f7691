import { Injectable } from '@nestjs/common';

import { Permission } from '@app/auth';
import { EvaluationFiguresRowDto } from '@app/evaluation';

import { BatchContext, ImportHandler, ImportKind, PreparedRow, RawRow } from '../import-kind';
import { prepareYearly, writeYearly, YearlyRow, YearlyUpsertSpec, yearlyColumns } from './evaluation-upsert';

const SPEC: YearlyUpsertSpec = {
  table: 'evaluation_figure',
  dto: EvaluationFiguresRowDto,
  columns: {
    evaluationTaxYuan: { column: 'evaluation_tax_yuan', type: 'numeric', kind: 'number', scale: 2 },
    electricityKwh: { column: 'electricity_kwh', type: 'numeric', kind: 'number', scale: 2 },
    emissionsTonnes: { column: 'emissions_tonnes', type: 'numeric', kind: 'number', scale: 3 },
    mainRevenueYuan: { column: 'main_revenue_yuan', type: 'numeric', kind: 'number', scale: 2 },
    averageEmployees: { column: 'average_employees', type: 'int', kind: 'int' },
  },
};

/** The 亩均 evaluation's own yearly figures (评价税收, 用电, 排放, 主营收入, 平均职工), upserted by enterprise and year. */
@Injectable()
export class EvaluationFiguresImport implements ImportHandler {
  readonly kind = ImportKind.EVALUATION_FIGURES;
  readonly permission = Permission.FIGURES_WRITE;
  readonly columns = yearlyColumns([
    { field: 'evaluationTaxYuan', header: '评价税收(元)', aliases: ['亩均税收口径税收(元)'], example: '3600000' },
    { field: 'electricityKwh', header: '用电量(千瓦时)', aliases: ['用电量(kWh)'], example: '2500000' },
    { field: 'emissionsTonnes', header: '主要污染物排放当量(吨)', aliases: ['排放量(吨)'], example: '12.5' },
    { field: 'mainRevenueYuan', header: '主营业务收入(元)', example: '85000000' },
    { field: 'averageEmployees', header: '年平均职工人数', aliases: ['平均职工人数'], example: '180' },
  ]);

  prepare(ctx: BatchContext, rows: RawRow[]): Promise<PreparedRow<YearlyRow>[]> {
    return prepareYearly(ctx, rows, SPEC);
  }

  write(ctx: BatchContext, rows: PreparedRow<YearlyRow>[]): Promise<void> {
    return writeYearly(ctx, rows, SPEC, ['enterprise_id', 'year']);
  }
}
