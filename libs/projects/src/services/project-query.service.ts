import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { Actor, paginated, Paginated } from '@app/core';

import { ListProjectsQueryDto } from '../dto/project-query.dto';
import { ProgressDto, ProjectDetailDto, ProjectDto, ProjectRevisionDto, StageEventDto } from '../dto/project.dto';
import { ProjectProgressEntity } from '../entities/project-progress.entity';
import { ProjectProgressThresholdEntity } from '../entities/project-progress-threshold.entity';
import { ProjectRevisionEntity } from '../entities/project-revision.entity';
import { ProjectStageEventEntity } from '../entities/project-stage-event.entity';
import {
  PROGRESS_JUDGEMENT_LABELS,
  PROGRESS_REVIEW_STATUS_LABELS,

  PROJECT_KIND_LABELS,
  PROJECT_STAGE_LABELS,
  ProjectKind,
  ProjectStage,
} from '../project-enums';
import { projectNotFound } from '../projects.errors';
import { judgeProgress, plannedCumulativeYuan, ProgressThresholds } from '../rules/progress-judgement';
import { allowedStages, canAccessProject, projectScopeSql } from '../rules/project-scope';

const num = (v: string | null) => (v === null || v === undefined ? null : Number(v));

interface Row {
  id: string;
  name: string;
  project_code: string | null;
  enterprise_id: string;
  enterprise_name: string;
  credit_code: string;
  district_code: string;
  district_name: string | null;
  chain_id: string | null;
  chain_name: string | null;
  kind: ProjectKind;
  programme_codes: string[];
  programme_names: string[];
  plan_year: number;
  planned_total_yuan: string;
  planned_year_yuan: string | null;
  planned_equipment_yuan: string | null;
  planned_software_yuan: string | null;
  planned_start_on: string | null;
  planned_completion_on: string | null;
  actual_start_on: string | null;
  actual_completion_on: string | null;
  stage: ProjectStage;
  registered_on: string;
  note: string | null;
  completed_yuan: string | null;
  completed_month: string | null;
  version: number;
}

const SELECT = `SELECT p.id, p.name, p.project_code, p.enterprise_id, e.name AS enterprise_name, e.credit_code, p.district_code, d.name AS district_name,
    p.chain_id, c.name AS chain_name, p.kind, p.programme_codes,
    coalesce((SELECT array_agg(coalesce(pg.name, x.code) ORDER BY x.ord) FROM unnest(p.programme_codes) WITH ORDINALITY x(code, ord)
      LEFT JOIN project_programme pg ON pg.code = x.code), '{}') AS programme_names,
    p.plan_year, p.planned_total_yuan, p.planned_year_yuan, p.planned_equipment_yuan, p.planned_software_yuan,
    to_char(p.planned_start_on, 'YYYY-MM-DD') AS planned_start_on, to_char(p.planned_completion_on, 'YYYY-MM-DD') AS planned_completion_on,
    to_char(p.actual_start_on, 'YYYY-MM-DD') AS actual_start_on, to_char(p.actual_completion_on, 'YYYY-MM-DD') AS actual_completion_on,
    p.stage, to_char(p.registered_on, 'YYYY-MM-DD') AS registered_on, p.note, lp.cumulative_yuan AS completed_yuan, lp.month AS completed_month, p.version
  FROM project p JOIN enterprise e ON e.id = p.enterprise_id LEFT JOIN district d ON d.code = p.district_code LEFT JOIN chain c ON c.id = p.chain_id
  LEFT JOIN LATERAL (SELECT pp.cumulative_yuan, pp.month FROM project_progress pp WHERE pp.project_id = p.id AND pp.status = 'APPROVED'
    ORDER BY pp.month DESC, pp.effective_on DESC, pp.created_at DESC LIMIT 1) lp ON true`;

/** Reading projects in the caller's scope: lists (and export rows) and one project with its history. */
@Injectable()
export class ProjectQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(actor: Actor, query: ListProjectsQueryDto): Promise<Paginated<ProjectDto>> {
    const { where, params } = this.filters(actor, query);
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM project p JOIN enterprise e ON e.id = p.enterprise_id WHERE ${where}`, params);
    const rows: Row[] = await this.dataSource.query(
      `${SELECT} WHERE ${where} ORDER BY p.plan_year DESC, p.name, p.id LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    const thresholds = await this.thresholds(this.dataSource.manager);
    return paginated(rows.map((r) => this.toDto(r, thresholds)), query.page, query.pageSize, total);
  }

  /** Every project matching the filters, for export (capped by the caller). */
  async all(actor: Actor, query: Omit<ListProjectsQueryDto, 'page' | 'pageSize'>, limit: number): Promise<ProjectDto[]> {
    const { where, params } = this.filters(actor, query);
    const rows: Row[] = await this.dataSource.query(`${SELECT} WHERE ${where} ORDER BY p.plan_year DESC, p.name, p.id LIMIT ${limit}`, params);
    const thresholds = await this.thresholds(this.dataSource.manager);
    return rows.map((r) => this.toDto(r, thresholds));
  }

  async get(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<ProjectDetailDto> {
    const [row]: Row[] = await manager.query(`${SELECT} WHERE p.id = $1`, [id]);
    if (!row || !canAccessProject(actor, { districtCode: row.district_code, enterpriseId: row.enterprise_id })) throw projectNotFound(id);
    const thresholds = await this.thresholds(manager);
    const dto = this.toDto(row, thresholds);
    const stages = await manager.find(ProjectStageEventEntity, { where: { projectId: id }, order: { effectiveOn: 'ASC', id: 'ASC' } });
    const progress = await manager.find(ProjectProgressEntity, { where: { projectId: id }, order: { month: 'ASC', createdAt: 'ASC' } });
    const revisions = await manager.find(ProjectRevisionEntity, { where: { projectId: id }, order: { effectiveOn: 'ASC' } });
    return {
      ...dto,
      stages: stages.map(
        (s): StageEventDto => ({
          fromStage: s.fromStage,
          fromStageLabel: s.fromStage ? PROJECT_STAGE_LABELS[s.fromStage] : null,
          toStage: s.toStage,
          toStageLabel: PROJECT_STAGE_LABELS[s.toStage],
          effectiveOn: s.effectiveOn,
          reason: s.reason,
          actorUsername: s.actorUsername,
          at: s.at.toISOString(),
        }),
      ),
      progress: progress.map((p) => this.progressDto(row, p, thresholds)),
      revisions: revisions.map(
        (r): ProjectRevisionDto => ({
          effectiveOn: r.effectiveOn,
          districtCode: r.districtCode,
          chainId: r.chainId,
          programmeCodes: r.programmeCodes,
          planYear: r.planYear,
          plannedTotalYuan: Number(r.plannedTotalYuan),
          plannedYearYuan: num(r.plannedYearYuan),
        }),
      ),
      allowedStages: allowedStages(row.stage),
    };
  }

  /** The judgement thresholds by effective date, newest first (a handful of rows). */
  async thresholds(manager: EntityManager): Promise<ProjectProgressThresholdEntity[]> {
    return manager.find(ProjectProgressThresholdEntity, { order: { effectiveFrom: 'DESC' } });
  }

  progressDto(
    project: { planned_total_yuan: string; planned_start_on: string | null; planned_completion_on: string | null },
    p: ProjectProgressEntity,
    thresholds: ProjectProgressThresholdEntity[],
  ): ProgressDto {
    const input = {
      plannedTotalYuan: project.planned_total_yuan,
      plannedStartOn: project.planned_start_on,
      plannedCompletionOn: project.planned_completion_on,
      month: p.month,
      cumulativeYuan: p.cumulativeYuan,
    };
    const judgement = judgeProgress(input, thresholdFor(thresholds, p.month));
    const planned = plannedCumulativeYuan(input);
    return {
      id: p.id,
      month: p.month,
      cumulativeYuan: Number(p.cumulativeYuan),
      plannedCumulativeYuan: planned === null ? null : Number(planned),
      judgement,
      judgementLabel: judgement ? PROGRESS_JUDGEMENT_LABELS[judgement] : null,
      reportedOn: p.reportedOn,
      effectiveOn: p.effectiveOn,
      status: p.status,
      statusLabel: PROGRESS_REVIEW_STATUS_LABELS[p.status],
      note: p.note,
      reportedByUsername: p.reportedByUsername,
      reviewedByUsername: p.reviewedByUsername,
      decisionReason: p.decisionReason,
      version: p.version,
    };
  }

  private filters(actor: Actor, query: Omit<ListProjectsQueryDto, 'page' | 'pageSize'>): { where: string; params: unknown[] } {
    const params: unknown[] = [];
    const add = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const parts = [projectScopeSql('p', actor, add)];
    if (query.programme) parts.push(`${add(query.programme)} = ANY(p.programme_codes)`);
    if (query.stage) parts.push(`p.stage = ${add(query.stage)}`);
    if (query.districtCode) parts.push(`p.district_code = ${add(query.districtCode)}`);
    if (query.chainId) parts.push(`p.chain_id = ${add(query.chainId)}::uuid`);
    if (query.enterpriseId) parts.push(`p.enterprise_id = ${add(query.enterpriseId)}::uuid`);
    if (query.year) parts.push(`p.plan_year = ${add(query.year)}::int`);
    if (query.keyword?.trim()) {
      const like = add(`%${query.keyword.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      parts.push(`(p.name ILIKE ${like} OR p.project_code ILIKE ${like} OR e.name ILIKE ${like})`);
    }
    return { where: parts.join(' AND '), params };
  }

  private toDto(r: Row, thresholds: ProjectProgressThresholdEntity[]): ProjectDto {
    const judgement =
      r.completed_month && r.completed_yuan !== null
        ? judgeProgress(
            { plannedTotalYuan: r.planned_total_yuan, plannedStartOn: r.planned_start_on, plannedCompletionOn: r.planned_completion_on, month: r.completed_month, cumulativeYuan: r.completed_yuan },
            thresholdFor(thresholds, r.completed_month),
          )
        : null;
    return {
      id: r.id,
      name: r.name,
      projectCode: r.project_code,
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_name,
      creditCode: r.credit_code,
      districtCode: r.district_code,
      districtName: r.district_name ?? r.district_code,
      chainId: r.chain_id,
      chainName: r.chain_name,
      kind: r.kind,
      kindLabel: PROJECT_KIND_LABELS[r.kind],
      programmeCodes: r.programme_codes,
      programmeNames: r.programme_names,
      planYear: r.plan_year,
      plannedTotalYuan: Number(r.planned_total_yuan),
      plannedYearYuan: num(r.planned_year_yuan),
      plannedEquipmentYuan: num(r.planned_equipment_yuan),
      plannedSoftwareYuan: num(r.planned_software_yuan),
      plannedStartOn: r.planned_start_on,
      plannedCompletionOn: r.planned_completion_on,
      actualStartOn: r.actual_start_on,
      actualCompletionOn: r.actual_completion_on,
      stage: r.stage,
      stageLabel: PROJECT_STAGE_LABELS[r.stage],
      registeredOn: r.registered_on,
      note: r.note,
      completedYuan: num(r.completed_yuan),
      completedMonth: r.completed_month,
      latestJudgement: judgement,
      latestJudgementLabel: judgement ? PROGRESS_JUDGEMENT_LABELS[judgement] : null,
      version: r.version,
    };
  }
}

/** The thresholds in force at the end of `month` (rows newest first); 110/90 if the table were empty. */
export function thresholdFor(rows: ProjectProgressThresholdEntity[], month: string): ProgressThresholds {
  const end = `${month}-31`;
  const row = rows.find((r) => r.effectiveFrom <= end);
  return row ? { aheadPercent: row.aheadPercent, behindPercent: row.behindPercent } : { aheadPercent: 110, behindPercent: 90 };
}

