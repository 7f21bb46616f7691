import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { AuditService } from '@app/audit';
import { Actor, AppException, ErrorCode, FieldError } from '@app/core';

import { ChangeRequestDto, ProposedFiguresDto, ProposedProfileDto, SubmitChangeRequestDto } from '../dto/change-request.dto';
import { EnterpriseDto } from '../dto/enterprise.dto';
import { FiguresDto } from '../dto/figures.dto';
import { UpdateEnterpriseDto } from '../dto/update-enterprise.dto';
import { EnterpriseFigureEntity } from '../entities/enterprise-figure.entity';
import { EnterpriseEntity } from '../entities/enterprise.entity';
import { EnterpriseService } from '../services/enterprise.service';
import { ChangeRequestKind, ChangeRequestStatus, LIAISON_IMMEDIATE_FIELDS, LIAISON_REVIEWED_FIELDS } from './change-request-status';
import { toChangeRequestDto } from './change-request-view';
import { ChangeRequestEntity } from './change-request.entity';

export const FIGURE_FIELDS = ['operatingRevenueYuan', 'industrialOutputYuan', 'taxPaidYuan', 'rdSpendYuan', 'valueAddedYuan', 'employees', 'energyUseTce'] as const;

const IMMEDIATE = new Set<string>(LIAISON_IMMEDIATE_FIELDS);
const REVIEWED = new Set<string>(LIAISON_REVIEWED_FIELDS);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A liaison's edit of a bound enterprise: contact fields apply at once, the rest waits for review. */
@Injectable()
export class ChangeRequestSubmitService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly enterprises: EnterpriseService,
  ) {}

  async submit(actor: Actor, enterpriseId: string, dto: SubmitChangeRequestDto): Promise<ChangeRequestDto> {
    if (!!dto.profile === !!dto.figures) {
      throw AppException.field(ErrorCode.CHANGE_REQUEST_EMPTY, 'profile', '请提交 profile(基本信息)或 figures(经营数据)二者之一 (send exactly one of profile and figures)');
    }
    if (dto.profile) assertLiaisonFields(dto.profile);
    return this.dataSource.transaction(async (manager) => {
      // Not found and not bound look the same: a liaison cannot probe other enterprises' ids.
      const enterprise = await this.enterprises.findInScope(manager, actor, enterpriseId, true);
      if (enterprise.archived) throw AppException.conflict(ErrorCode.ENTERPRISE_ARCHIVED, '企业已归档,不能修改 (enterprise is archived)');
      const submitted = { enterpriseId, note: dto.note?.trim() || null, submittedById: actor.id, submittedByUsername: actor.username };
      const cr = dto.profile
        ? await this.profileRequest(manager, actor, enterprise, dto.profile, dto.version, submitted)
        : await this.figuresRequest(manager, enterprise, dto.figures!, dto.version, submitted);
      const saved = await manager.save(cr);
      const view = toChangeRequestDto(saved, enterprise);
      await this.audit.record(manager, actor, { action: 'change_request.submit', entityType: 'change_request', entityId: saved.id, after: view, enterpriseId });
      return view;
    });
  }

  private async profileRequest(
    manager: EntityManager,
    actor: Actor,
    enterprise: EnterpriseEntity,
    profile: ProposedProfileDto,
    version: number | undefined,
    submitted: Partial<ChangeRequestEntity>,
  ): Promise<ChangeRequestEntity> {
    if (version === undefined) throw AppException.field(ErrorCode.VALIDATION_FAILED, 'version', '请带上读取到的企业信息 version (version required)');
    if (version !== enterprise.version) throw AppException.versionConflict('企业信息', version, enterprise.version);
    const current = EnterpriseDto.from(enterprise) as unknown as Record<string, unknown>;
    const immediate: Record<string, unknown> = {};
    const reviewed: Record<string, unknown> = {};
    const previous: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(profile)) {
      if (value === undefined || same(value, current[key])) continue;
      (IMMEDIATE.has(key) ? immediate : reviewed)[key] = value;
      previous[key] = current[key] ?? null;
    }
    if (!Object.keys(immediate).length && !Object.keys(reviewed).length) {
      throw AppException.field(ErrorCode.CHANGE_REQUEST_EMPTY, 'profile', '提交的内容与当前信息相同,没有需要修改的字段 (nothing differs from the current profile)');
    }
    const cr = manager.create(ChangeRequestEntity, {
      ...submitted,
      kind: ChangeRequestKind.PROFILE,
      status: Object.keys(reviewed).length ? ChangeRequestStatus.PENDING : ChangeRequestStatus.APPLIED,
      changes: reviewed,
      previous,
      appliedAtOnce: immediate,
    });
    await manager.save(cr);
    if (Object.keys(immediate).length) {
      const update = { ...immediate, version: enterprise.version } as UpdateEnterpriseDto;
      await this.enterprises.applyUpdate(manager, actor, enterprise, update, { action: 'enterprise.update', after: { changeRequestId: cr.id } });
    }
    // The reviewed part is based on the version after the contact fields were applied, so they never conflict with it.
    cr.baseVersion = enterprise.version;
    return cr;
  }

  private async figuresRequest(
    manager: EntityManager,
    enterprise: EnterpriseEntity,
    figures: ProposedFiguresDto,
    version: number | undefined,
    submitted: Partial<ChangeRequestEntity>,
  ): Promise<ChangeRequestEntity> {
    const quarter = figures.quarter ?? 0;
    const existing = await manager.findOneBy(EnterpriseFigureEntity, { enterpriseId: enterprise.id, year: figures.year, quarter });
    if (existing && version === undefined) {
      throw AppException.conflict(ErrorCode.VERSION_CONFLICT, `该期数据已存在,请带上读取到的 version(当前 ${existing.version})再提交 (version required)`, {
        currentVersion: existing.version,
      });
    }
    if (existing && existing.version !== version) throw AppException.versionConflict('该期数据', version!, existing.version);
    if (!existing && version !== undefined) {
      throw AppException.conflict(ErrorCode.VERSION_CONFLICT, '该期数据已不存在,请刷新后重试 (the period has no figures; omit version)', { currentVersion: null });
    }
    const current = existing ? (FiguresDto.from(existing, enterprise.landAreaMu) as unknown as Record<string, unknown>) : {};
    const changes: Record<string, unknown> = {};
    const previous: Record<string, unknown> = {};
    for (const key of FIGURE_FIELDS) {
      changes[key] = figures[key] ?? null;
      previous[key] = current[key] ?? null;
    }
    if (existing && FIGURE_FIELDS.every((key) => same(changes[key], previous[key]))) {
      throw AppException.field(ErrorCode.CHANGE_REQUEST_EMPTY, 'figures', '提交的数据与当前数据相同 (nothing differs from the current figures)');
    }
    return manager.create(ChangeRequestEntity, {
      ...submitted,
      kind: ChangeRequestKind.FIGURES,
      status: ChangeRequestStatus.PENDING,
      year: figures.year,
      quarter,
      baseVersion: existing?.version ?? null,
      changes,
      previous,
      appliedAtOnce: {},
    });
  }
}

/** Refuses, naming each one, the fields a liaison may not change (credit code, status, district, industry, scale …). */
function assertLiaisonFields(profile: ProposedProfileDto): void {
  const refused: FieldError[] = Object.entries(profile)
    .filter(([key, value]) => value !== undefined && !IMMEDIATE.has(key) && !REVIEWED.has(key))
    .map(([key]) => ({
      field: `profile.${key}`,
      code: ErrorCode.FIELD_NOT_ALLOWED,
      message: `企业联络员不能修改 ${key},请联系区县或市局工作人员 (liaisons may not change ${key})`,
    }));
  if (refused.length) {
    throw AppException.forbidden(
      ErrorCode.FIELD_NOT_ALLOWED,
      `企业联络员不能修改以下字段:${refused.map((e) => e.field).join(', ')} (fields not allowed for liaisons)`,
      refused,
    );
  }
}
