import { Injectable } from '@nestjs/common';

import { Permission } from '@app/auth';
import {
  CreateProjectDto,
  PROJECT_KIND_LABELS,
  PROJECT_STAGE_LABELS,

  ProjectProgrammeEntity,
  ProjectService,
  UpdateProjectDto,
  normaliseProjectCode,
} from '@app/projects';

import { BatchContext, ColumnSpec, ImportHandler, ImportKind, PreparedRow, RawRow, RowError } from '../import-kind';
import { clip } from '../import-limits';
import { checkedRow, toDate, toEnum, toNumber, validateDto } from '../row-validation';
import { loadChains, unknownChain } from './chain-lookup';
import { lookupEnterprises } from './enterprise-lookup';

export const PROJECT_COLUMNS: ColumnSpec[] = [
  { field: 'projectCode', header: '项目代码', example: '2022-330211-34-03-000015' },
  { field: 'name', header: '项目名称', required: true, example: '年产5万台智能注塑装备技改项目' },
  { field: 'creditCode', header: '统一社会信用代码', aliases: ['信用代码', '社会信用代码'], required: true, example: '91330200MA2AAAAA1X' },
  { field: 'enterpriseName', header: '企业名称', example: '宁波示例智能装备有限公司' },
  { field: 'districtCode', header: '区县代码', aliases: ['所在区县代码'], example: '330211' },
  { field: 'chainCode', header: '产业链代码', aliases: ['所属产业链'], example: 'SMART_FORMING_EQUIPMENT' },
  { field: 'kind', header: '项目类型', required: true, example: '技改' },
  { field: 'programmes', header: '专项', aliases: ['项目专项'], example: '双百、数字化改造' },
  { field: 'planYear', header: '计划年度', required: true, example: '2022' },
  { field: 'plannedTotalYuan', header: '计划总投资(元)', required: true, example: '350000000' },
  { field: 'plannedYearYuan', header: '年度计划投资(元)', example: '120000000' },
  { field: 'plannedEquipmentYuan', header: '其中设备投资(元)', example: '200000000' },
  { field: 'plannedSoftwareYuan', header: '其中软件投资(元)', example: '30000000' },
  { field: 'plannedStartOn', header: '计划开工日期', example: '2022-03-01' },
  { field: 'plannedCompletionOn', header: '计划竣工日期', example: '2023-12-31' },
  { field: 'actualStartOn', header: '实际开工日期', example: '' },
  { field: 'actualCompletionOn', header: '实际竣工日期', example: '' },
  { field: 'stage', header: '项目阶段', example: '前期' },
  { field: 'note', header: '备注', example: '' },
];

const MONEY = ['plannedTotalYuan', 'plannedYearYuan', 'plannedEquipmentYuan', 'plannedSoftwareYuan'];
const DATES = ['plannedStartOn', 'plannedCompletionOn', 'actualStartOn', 'actualCompletionOn'];

interface ProjectRow {
  existing: { id: string; version: number } | null;
  dto: CreateProjectDto;
}

/**
 * Project lists: a row whose 项目代码 is registered updates that project (dated today); any other row registers
 * a new one. Checked with the API's own DTO and the service's field checks, so a file is held to what POST accepts;
 * the stage column applies only to new projects (stages change through transitions).
 */
@Injectable()
export class ProjectImport implements ImportHandler {
  readonly kind = ImportKind.PROJECTS;
  /** The permission of the route that writes the same records */
  readonly permission = Permission.PROJECT_WRITE;
  readonly columns = PROJECT_COLUMNS;

  constructor(private readonly projects: ProjectService) {}

  async prepare(ctx: BatchContext, rows: RawRow[]): Promise<PreparedRow<ProjectRow>[]> {
    const enterprises = await lookupEnterprises(ctx, rows);
    const chains = await loadChains(ctx);
    const programmes = await ctx.manager.find(ProjectProgrammeEntity);
    const byName = new Map(programmes.flatMap((p) => [[p.code, p.code], [p.name, p.code]]));
    const codes = rows.map((r) => (r.values.projectCode ? normaliseProjectCode(r.values.projectCode) : null)).filter((c): c is string => Boolean(c));
    const found = codes.length ? await ctx.manager.query(`SELECT id, project_code AS code, version FROM project WHERE project_code = ANY($1::text[])`, [codes]) : [];
    const existingByCode = new Map<string, { id: string; version: number }>(found.map((f: { id: string; code: string; version: number }) => [f.code, f]));
    const prepared: PreparedRow<ProjectRow>[] = [];
    for (const [i, row] of rows.entries()) {
      const e = enterprises[i];
      const v = row.values;
      const errors: RowError[] = 'errors' in e ? [...e.errors] : [];
      const plain: Record<string, unknown> = { name: v.name, kind: toEnum(v.kind ?? '', PROJECT_KIND_LABELS), planYear: toNumber(v.planYear ?? '') };
      if (v.projectCode) plain.projectCode = v.projectCode;
      if (v.districtCode) plain.districtCode = v.districtCode;
      if (v.note) plain.note = v.note;
      if (v.stage) plain.stage = toEnum(v.stage, PROJECT_STAGE_LABELS);
      for (const f of MONEY) if (v[f]) plain[f] = toNumber(v[f]);
      for (const f of DATES) if (v[f]) plain[f] = toDate(v[f]);
      if (v.chainCode) {
        const chain = chains.get(v.chainCode);
        if (chain) plain.chainId = chain.id;
        else errors.push(unknownChain(ctx, row.line, v.chainCode));
      }
      const names = (v.programmes ?? '').split(/[、,，;；\s]+/).filter(Boolean);
      const unknown = names.filter((n) => !byName.has(n));
      if (unknown.length) errors.push({ line: row.line, column: ctx.headerOf('programmes'), code: 'PROGRAMME_UNKNOWN', message: `未知的项目专项:${clip(unknown.join('、'))}` });
      plain.programmeCodes = names.filter((n) => byName.has(n)).map((n) => byName.get(n)!);
      if ('id' in e) plain.enterpriseId = e.id;
      const { dto, errors: dtoErrors } = validateDto(ctx, row.line, CreateProjectDto, plain);
      errors.push(...dtoErrors.filter((d) => !(d.column === ctx.headerOf('enterpriseId') && 'errors' in e)));
      const existing = dto.projectCode ? (existingByCode.get(normaliseProjectCode(dto.projectCode)) ?? null) : null;
      if (!errors.length) errors.push(...(await checkedRow(ctx, row.line, 'name', () => this.projects.checkDraft(ctx.manager, ctx.actor, dto, existing?.id ?? null))));
      if (errors.length) {
        prepared.push({ line: row.line, errors });
        continue;
      }
      const key = dto.projectCode ? normaliseProjectCode(dto.projectCode) : `${dto.enterpriseId}|${dto.name.trim()}`;
      prepared.push({ line: row.line, errors: [], key, keyColumn: dto.projectCode ? 'projectCode' : 'name', action: existing ? 'update' : 'create', data: { existing, dto } });
    }
    return prepared;
  }

  async write(ctx: BatchContext, rows: PreparedRow<ProjectRow>[]): Promise<void> {
    for (const row of rows) {
      const { existing, dto } = row.data!;
      if (existing) {
        const { enterpriseId: _e, stage: _s, registeredOn: _r, ...fields } = dto;
        await this.projects.update(ctx.actor, existing.id, { ...fields, version: existing.version } as UpdateProjectDto, ctx.manager);
      } else {
        await this.projects.create(ctx.actor, dto, ctx.manager);
      }
    }
  }
}

