import { Injectable } from '@nestjs/common';

import { Permission } from '@app/auth';
import { AppException } from '@app/core';
import { canAccessProject, CreateProgressDto, normaliseProjectCode, ProjectProgressService } from '@app/projects';

import { BatchContext, ColumnSpec, ImportHandler, ImportKind, PreparedRow, RawRow, RowError } from '../import-kind';
import { clip } from '../import-limits';
import { toDate, toNumber, validateDto } from '../row-validation';

export const PROJECT_PROGRESS_COLUMNS: ColumnSpec[] = [
  { field: 'projectCode', header: '项目代码', required: true, example: '2022-330211-34-03-000015' },
  { field: 'projectName', header: '项目名称', example: '年产5万台智能注塑装备技改项目' },
  { field: 'month', header: '月份', required: true, example: '2022-06' },
  { field: 'cumulativeYuan', header: '累计完成投资(元)', required: true, example: '85000000' },
  { field: 'reportedOn', header: '填报日期', example: '2022-07-05' },
  { field: 'note', header: '备注', example: '' },
];

interface ProgressRow {
  projectId: string;
  dto: CreateProgressDto;
}

/** Monthly progress of registered projects (by 项目代码), entered by staff: approved at once, like the API. */
@Injectable()
export class ProjectProgressImport implements ImportHandler {
  readonly kind = ImportKind.PROJECT_PROGRESS;
  /** The permission of the route that writes the same records */
  readonly permission = Permission.PROJECT_WRITE;
  readonly columns = PROJECT_PROGRESS_COLUMNS;

  constructor(private readonly progress: ProjectProgressService) {}

  async prepare(ctx: BatchContext, rows: RawRow[]): Promise<PreparedRow<ProgressRow>[]> {
    const codes = rows.map((r) => normaliseProjectCode(r.values.projectCode ?? ''));
    const found: { id: string; code: string; district_code: string; enterprise_id: string }[] = await ctx.manager.query(
      `SELECT id, project_code AS code, district_code, enterprise_id FROM project WHERE project_code = ANY($1::text[])`,
      [codes],
    );
    // Out of the importer's scope reads as unknown, as the API answers by id.
    const byCode = new Map(found.filter((f) => canAccessProject(ctx.actor, { districtCode: f.district_code, enterpriseId: f.enterprise_id })).map((f) => [f.code, f.id]));
    return rows.map((row, i): PreparedRow<ProgressRow> => {
      const v = row.values;
      const errors: RowError[] = [];
      const projectId = byCode.get(codes[i]);
      if (!projectId) errors.push({ line: row.line, column: ctx.headerOf('projectCode'), code: 'PROJECT_NOT_FOUND', message: `库中没有项目代码为“${clip(v.projectCode ?? '')}”的项目,请先导入项目` });
      const month = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(v.month ?? '');
      const plain: Record<string, unknown> = { month: month ? `${month[1]}-${month[2].padStart(2, '0')}` : v.month, cumulativeYuan: toNumber(v.cumulativeYuan ?? '') };
      if (v.reportedOn) plain.reportedOn = toDate(v.reportedOn);
      if (v.note) plain.note = v.note;
      const { dto, errors: dtoErrors } = validateDto(ctx, row.line, CreateProgressDto, plain);
      errors.push(...dtoErrors);
      if (!errors.length) {
        try {
          this.progress.checkDates(dto);
        } catch (error) {
          if (!(error instanceof AppException)) throw error;
          errors.push(...(error.errors ?? []).map((e) => ({ line: row.line, column: ctx.headerOf(e.field), code: e.code, message: e.message })));
        }
      }
      if (errors.length) return { line: row.line, errors };
      return { line: row.line, errors: [], key: `${projectId}|${dto.month}`, keyColumn: 'month', action: 'create', data: { projectId: projectId!, dto } };
    });
  }

  async write(ctx: BatchContext, rows: PreparedRow<ProgressRow>[]): Promise<void> {
    for (const row of rows) await this.progress.add(ctx.actor, row.data!.projectId, row.data!.dto, ctx.manager);
  }
}

