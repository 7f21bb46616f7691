import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';

import { AuditService } from '@app/audit';
import { Actor, AppException, assertDistrictInScope, ErrorCode, todayInChina } from '@app/core';
import { ChainEntity, DistrictEntity } from '@app/reference';
import { EnterpriseService } from '@app/registry';

import { CreateProjectDto, TransitionProjectStageDto, UpdateProjectDto } from '../dto/project-write.dto';
import { ProjectDetailDto } from '../dto/project.dto';
import { ProjectProgrammeEntity } from '../entities/project-programme.entity';
import { ProjectRevisionEntity } from '../entities/project-revision.entity';
import { ProjectStageEventEntity } from '../entities/project-stage-event.entity';
import { ProjectEntity } from '../entities/project.entity';
import { PROJECT_STAGE_LABELS, ProjectStage } from '../project-enums';
import { dateOutOfOrder, fieldError, futureDate, ProjectErrorCode, projectNotFound } from '../projects.errors';
import { checkProjectCode } from '../rules/project-code';
import { allowedStages, canAccessProject } from '../rules/project-scope';
import { ProjectQueryService } from './project-query.service';

const money = (v: number | null | undefined) => (v === null || v === undefined ? null : v.toFixed(2));

/** Registering and changing projects: each change in one transaction with its dated revision and audit row. */
@Injectable()
export class ProjectService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly enterprises: EnterpriseService,
    private readonly query: ProjectQueryService,
  ) {}

  async create(actor: Actor, dto: CreateProjectDto, manager?: EntityManager): Promise<ProjectDetailDto> {
    const run = async (m: EntityManager) => {
      const today = todayInChina();
      const registeredOn = dto.registeredOn ?? today;
      if (registeredOn > today) throw futureDate('registeredOn', registeredOn, today);
      const enterprise = await this.enterprises.findInScope(m, actor, dto.enterpriseId);
      const districtCode = dto.districtCode ?? enterprise.districtCode;
      assertDistrictInScope(actor, districtCode);
      const project = m.create(ProjectEntity, {
        name: dto.name.trim(),
        projectCode: null,
        enterpriseId: enterprise.id,
        districtCode,
        chainId: dto.chainId ?? null,
        kind: dto.kind,
        programmeCodes: [...new Set(dto.programmeCodes ?? [])],
        planYear: dto.planYear,
        plannedTotalYuan: money(dto.plannedTotalYuan)!,
        plannedYearYuan: money(dto.plannedYearYuan),
        plannedEquipmentYuan: money(dto.plannedEquipmentYuan),
        plannedSoftwareYuan: money(dto.plannedSoftwareYuan),
        plannedStartOn: dto.plannedStartOn ?? null,
        plannedCompletionOn: dto.plannedCompletionOn ?? null,
        actualStartOn: dto.actualStartOn ?? null,
        actualCompletionOn: dto.actualCompletionOn ?? null,
        stage: dto.stage ?? ProjectStage.PLANNING,
        registeredOn,
        note: dto.note ?? null,
      });
      await this.check(m, project, dto.projectCode);
      await m.save(project);
      await m.insert(ProjectStageEventEntity, { projectId: project.id, fromStage: null, toStage: project.stage, effectiveOn: registeredOn, reason: '登记项目', actorUsername: actor.username });
      await this.writeRevision(m, actor, project, registeredOn);
      const view = await this.query.get(actor, project.id, m);
      await this.audit.record(m, actor, { action: 'project.create', entityType: 'project', entityId: project.id, enterpriseId: project.enterpriseId, after: summary(view) });
      return view;
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  async update(actor: Actor, id: string, dto: UpdateProjectDto, manager?: EntityManager): Promise<ProjectDetailDto> {
    const run = async (m: EntityManager) => {
      const today = todayInChina();
      const effectiveOn = dto.effectiveOn ?? today;
      if (effectiveOn > today) throw futureDate('effectiveOn', effectiveOn, today);
      const project = await this.load(m, actor, id);
      if (project.version !== dto.version) throw AppException.versionConflict('项目', dto.version, project.version);
      const before = await this.query.get(actor, id, m);
      if (dto.districtCode !== undefined) assertDistrictInScope(actor, dto.districtCode);
      const { version: _v, effectiveOn: _e, projectCode, ...fields } = dto;
      for (const [key, value] of Object.entries(fields)) {
        if (value === undefined) continue;
        if (key.endsWith('Yuan')) (project as unknown as Record<string, unknown>)[key] = money(value as number | null);
        else if (key === 'programmeCodes') project.programmeCodes = [...new Set(value as string[])];
        else if (key === 'name') project.name = String(value).trim();
        else (project as unknown as Record<string, unknown>)[key] = value;
      }
      await this.check(m, project, projectCode === undefined ? project.projectCode : projectCode);
      const last = await m.findOne(ProjectRevisionEntity, { where: { projectId: id }, order: { effectiveOn: 'DESC' } });
      if (last && effectiveOn < last.effectiveOn) throw dateOutOfOrder('effectiveOn', effectiveOn, last.effectiveOn);
      await m.save(project);
      await this.writeRevision(m, actor, project, effectiveOn);
      const after = await this.query.get(actor, id, m);
      await this.audit.record(m, actor, { action: 'project.update', entityType: 'project', entityId: id, enterpriseId: project.enterpriseId, before: summary(before), after: summary(after) });
      return after;
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  async transition(actor: Actor, id: string, dto: TransitionProjectStageDto): Promise<ProjectDetailDto> {
    return this.dataSource.transaction(async (m) => {
      const today = todayInChina();
      const effectiveOn = dto.effectiveOn ?? today;
      if (effectiveOn > today) throw futureDate('effectiveOn', effectiveOn, today);
      const project = await this.load(m, actor, id);
      if (project.version !== dto.version) throw AppException.versionConflict('项目', dto.version, project.version);
      const allowed = allowedStages(project.stage);
      if (!allowed.includes(dto.toStage)) {
        throw AppException.conflict(
          ErrorCode.ILLEGAL_TRANSITION,
          `项目当前阶段为“${PROJECT_STAGE_LABELS[project.stage]}”,不能变更为“${PROJECT_STAGE_LABELS[dto.toStage]}”(可变更为:${allowed.map((s) => PROJECT_STAGE_LABELS[s]).join('、') || '无'})`,
          { allowed },
        );
      }
      const last = await m.findOne(ProjectStageEventEntity, { where: { projectId: id }, order: { effectiveOn: 'DESC', id: 'DESC' } });
      if (last && effectiveOn < last.effectiveOn) throw dateOutOfOrder('effectiveOn', effectiveOn, last.effectiveOn);
      const from = project.stage;
      project.stage = dto.toStage;
      if (dto.toStage === ProjectStage.STARTED && !project.actualStartOn) project.actualStartOn = effectiveOn;
      if (dto.toStage === ProjectStage.COMPLETED && !project.actualCompletionOn) project.actualCompletionOn = effectiveOn;
      await m.save(project);
      await m.insert(ProjectStageEventEntity, { projectId: id, fromStage: from, toStage: dto.toStage, effectiveOn, reason: dto.reason ?? null, actorUsername: actor.username });
      const view = await this.query.get(actor, id, m);
      await this.audit.record(m, actor, {
        action: 'project.stage',
        entityType: 'project',
        entityId: id,
        enterpriseId: project.enterpriseId,
        before: { stage: from },
        after: { stage: dto.toStage, effectiveOn, reason: dto.reason ?? null },
      });
      return view;
    });
  }

  /**
   * The checks of `create` (or of an update of `existingId`) without writing: scope, district, chain,
   * programmes, 项目代码, amounts and dates. Throws what create would. Used by the import's dry run.
   */
  async checkDraft(m: EntityManager, actor: Actor, dto: CreateProjectDto, existingId: string | null): Promise<void> {
    const today = todayInChina();
    if (dto.registeredOn && dto.registeredOn > today) throw futureDate('registeredOn', dto.registeredOn, today);
    const enterprise = await this.enterprises.findInScope(m, actor, dto.enterpriseId);
    const districtCode = dto.districtCode ?? enterprise.districtCode;
    assertDistrictInScope(actor, districtCode);
    if (existingId) await this.load(m, actor, existingId);
    const draft = m.create(ProjectEntity, {
      id: existingId ?? undefined,
      districtCode,
      chainId: dto.chainId ?? null,
      programmeCodes: [...new Set(dto.programmeCodes ?? [])],
      plannedTotalYuan: money(dto.plannedTotalYuan)!,
      plannedYearYuan: money(dto.plannedYearYuan),
      plannedEquipmentYuan: money(dto.plannedEquipmentYuan),
      plannedSoftwareYuan: money(dto.plannedSoftwareYuan),
      plannedStartOn: dto.plannedStartOn ?? null,
      plannedCompletionOn: dto.plannedCompletionOn ?? null,
      actualStartOn: dto.actualStartOn ?? null,
      actualCompletionOn: dto.actualCompletionOn ?? null,
    });
    await this.check(m, draft, dto.projectCode);
  }

  /** The project, locked, when the actor may change it (else 404, as for one that does not exist). */
  async load(m: EntityManager, actor: Actor, id: string): Promise<ProjectEntity> {
    const project = await m.findOne(ProjectEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!project || !canAccessProject(actor, project)) throw projectNotFound(id);
    return project;
  }

  /** Field checks with the field named: code, district, chain, programmes, amounts, dates. */
  private async check(m: EntityManager, project: ProjectEntity, rawCode: string | null | undefined): Promise<void> {
    if (rawCode) {
      const result = checkProjectCode(rawCode, Number(todayInChina().slice(0, 4)));
      if (result.error) throw fieldError(ProjectErrorCode.PROJECT_CODE_INVALID, 'projectCode', result.error);
      const clash = await m.findOne(ProjectEntity, { where: { projectCode: result.code } });
      if (clash && clash.id !== project.id) {
        throw AppException.conflict(ProjectErrorCode.PROJECT_CODE_DUPLICATE, `项目代码 ${result.code} 已登记(项目“${clash.name}”)`, { field: 'projectCode' });
      }
      project.projectCode = result.code!;
    } else project.projectCode = null;
    if (!(await m.existsBy(DistrictEntity, { code: project.districtCode }))) {
      throw fieldError(ErrorCode.DISTRICT_UNKNOWN, 'districtCode', `区县代码 ${project.districtCode} 不存在`);
    }
    if (project.chainId && !(await m.existsBy(ChainEntity, { id: project.chainId }))) {
      throw fieldError(ErrorCode.CHAIN_NOT_FOUND, 'chainId', `产业链 ${project.chainId} 不存在`);
    }
    if (project.programmeCodes.length) {
      const known = new Set((await m.findBy(ProjectProgrammeEntity, { code: In(project.programmeCodes) })).map((p) => p.code));
      const unknown = project.programmeCodes.filter((c) => !known.has(c));
      if (unknown.length) throw fieldError(ProjectErrorCode.PROGRAMME_UNKNOWN, 'programmeCodes', `未知的项目专项:${unknown.join('、')}(见 GET /projects/programmes)`);
    }
    const total = Number(project.plannedTotalYuan);
    const parts = Number(project.plannedEquipmentYuan ?? 0) + Number(project.plannedSoftwareYuan ?? 0);
    if (parts > total) {
      throw fieldError(ProjectErrorCode.INVESTMENT_INCONSISTENT, 'plannedEquipmentYuan', `设备投资与软件投资之和(${parts} 元)不能超过计划总投资(${total} 元)`);
    }
    if (project.plannedYearYuan !== null && Number(project.plannedYearYuan) > total) {
      throw fieldError(ProjectErrorCode.INVESTMENT_INCONSISTENT, 'plannedYearYuan', `年度计划投资(${project.plannedYearYuan} 元)不能超过计划总投资(${total} 元)`);
    }
    if (project.plannedStartOn && project.plannedCompletionOn && project.plannedCompletionOn < project.plannedStartOn) {
      throw fieldError(ErrorCode.DATE_OUT_OF_ORDER, 'plannedCompletionOn', `计划竣工日期 ${project.plannedCompletionOn} 不能早于计划开工日期 ${project.plannedStartOn}`);
    }
    if (project.actualStartOn && project.actualCompletionOn && project.actualCompletionOn < project.actualStartOn) {
      throw fieldError(ErrorCode.DATE_OUT_OF_ORDER, 'actualCompletionOn', `实际竣工日期 ${project.actualCompletionOn} 不能早于实际开工日期 ${project.actualStartOn}`);
    }
  }

  /** The quota-relevant state from `effectiveOn` on (one row per day: a second change that day replaces it). */
  private async writeRevision(m: EntityManager, actor: Actor, p: ProjectEntity, effectiveOn: string): Promise<void> {
    await m.upsert(
      ProjectRevisionEntity,
      {
        projectId: p.id,
        effectiveOn,
        districtCode: p.districtCode,
        chainId: p.chainId,
        programmeCodes: p.programmeCodes,
        planYear: p.planYear,
        plannedTotalYuan: p.plannedTotalYuan,
        plannedYearYuan: p.plannedYearYuan,
        actorUsername: actor.username,
      },
      ['projectId', 'effectiveOn'],
    );
  }
}

/** The audited view of a project: its own fields, without history lists and labels. */
function summary(view: ProjectDetailDto): Record<string, unknown> {
  const { stages: _s, progress: _p, revisions: _r, allowedStages: _a, kindLabel: _k, stageLabel: _l, programmeNames: _n, districtName: _d, chainName: _c, ...rest } = view;
  return rest;
}
