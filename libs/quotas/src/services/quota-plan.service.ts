import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';

import { AuditService } from '@app/audit';
import { Actor, AppException, ErrorCode } from '@app/core';

import { CreateManualReportDto, ManualReportDto } from '../dto/manual-report.dto';
import { CreateQuotaLineDto, CreateQuotaPlanDto, QuotaLineDto, QuotaPlanDto, QuotaPlanSummaryDto, SplitInputDto, UpdateQuotaLineDto } from '../dto/quota-plan.dto';
import { QuotaLineSplitEntity } from '../entities/quota-line-split.entity';
import { QuotaLineEntity } from '../entities/quota-line.entity';
import { QuotaManualReportEntity } from '../entities/quota-manual-report.entity';
import { QuotaPlanEntity } from '../entities/quota-plan.entity';
import { MEASURE_KIND_LABELS, MeasureKind, QUOTA_DIRECTION_LABELS, QuotaDirection } from '../quota-enums';

export function lineDto(line: QuotaLineEntity, splits: QuotaLineSplitEntity[]): QuotaLineDto {
  return {
    id: line.id,
    code: line.code,
    label: line.label,
    unit: line.unit,
    group: line.lineGroup,
    target: Number(line.targetValue),
    direction: line.direction,
    directionLabel: QUOTA_DIRECTION_LABELS[line.direction],
    measureKind: line.measureKind,
    measureKindLabel: MEASURE_KIND_LABELS[line.measureKind],
    measureParams: line.measureParams,
    sortOrder: line.sortOrder,
    note: line.note,
    splits: splits.map((s) => ({ districtCode: s.districtCode, chainId: s.chainId, target: Number(s.targetValue) })),
    version: line.version,
  };
}

/** Plans, lines, their splits, and the values staff report for MANUAL lines. */
@Injectable()
export class QuotaPlanService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<QuotaPlanSummaryDto[]> {
    const rows = await this.dataSource.query(
      `SELECT p.id, p.year, p.title, p.source_document, p.version, (SELECT count(*) FROM quota_line l WHERE l.plan_id = p.id)::int AS line_count
       FROM quota_plan p ORDER BY p.year DESC`,
    );
    return rows.map((r: Record<string, never>) => ({ id: r.id, year: r.year, title: r.title, sourceDocument: r.source_document, version: r.version, lineCount: r.line_count }));
  }

  async findPlan(manager: EntityManager, year: number): Promise<QuotaPlanEntity> {
    const plan = await manager.findOneBy(QuotaPlanEntity, { year });
    if (!plan) throw AppException.notFound(ErrorCode.QUOTA_PLAN_NOT_FOUND, `尚无 ${year} 年的指标计划 (no quota plan for ${year})`);
    return plan;
  }

  async findLine(manager: EntityManager, year: number, code: string): Promise<{ plan: QuotaPlanEntity; line: QuotaLineEntity }> {
    const plan = await this.findPlan(manager, year);
    const line = await manager.findOneBy(QuotaLineEntity, { planId: plan.id, code });
    if (!line) throw AppException.notFound(ErrorCode.QUOTA_LINE_NOT_FOUND, `${year} 年计划中没有指标 ${code} (no quota line ${code})`);
    return { plan, line };
  }

  async get(year: number): Promise<QuotaPlanDto> {
    const manager = this.dataSource.manager;
    const plan = await this.findPlan(manager, year);
    const lines = await manager.find(QuotaLineEntity, { where: { planId: plan.id }, order: { sortOrder: 'ASC', code: 'ASC' } });
    const splits = lines.length ? await manager.find(QuotaLineSplitEntity, { where: { lineId: In(lines.map((l) => l.id)) }, order: { districtCode: 'ASC', chainId: 'ASC' } }) : [];
    return {
      id: plan.id,
      year: plan.year,
      title: plan.title,
      sourceDocument: plan.sourceDocument,
      version: plan.version,
      lines: lines.map((l) => lineDto(l, splits.filter((s) => s.lineId === l.id))),
    };
  }

  async create(actor: Actor, dto: CreateQuotaPlanDto): Promise<QuotaPlanDto> {
    await this.dataSource.transaction(async (manager) => {
      if (await manager.findOneBy(QuotaPlanEntity, { year: dto.year })) {
        throw AppException.conflict(ErrorCode.QUOTA_PLAN_EXISTS, `${dto.year} 年的指标计划已存在 (a plan for ${dto.year} exists)`);
      }
      const plan = await manager.save(manager.create(QuotaPlanEntity, { year: dto.year, title: dto.title, sourceDocument: dto.sourceDocument ?? '' }));
      for (const [index, line] of (dto.lines ?? []).entries()) await this.insertLine(manager, plan, line, index);
      await this.audit.record(manager, actor, { action: 'quota_plan.create', entityType: 'quota_plan', entityId: plan.id, after: { ...dto } });
    });
    return this.get(dto.year);
  }

  async addLine(actor: Actor, year: number, dto: CreateQuotaLineDto): Promise<QuotaLineDto> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.findPlan(manager, year);
      if (await manager.findOneBy(QuotaLineEntity, { planId: plan.id, code: dto.code })) {
        throw AppException.field(ErrorCode.QUOTA_LINE_EXISTS, 'code', `指标代码 ${dto.code} 已存在 (line code exists)`);
      }
      const line = await this.insertLine(manager, plan, dto, dto.sortOrder ?? 1000);
      const result = lineDto(line, await manager.findBy(QuotaLineSplitEntity, { lineId: line.id }));
      await this.audit.record(manager, actor, { action: 'quota_line.create', entityType: 'quota_line', entityId: line.id, after: result });
      return result;
    });
  }

  async updateLine(actor: Actor, year: number, code: string, dto: UpdateQuotaLineDto): Promise<QuotaLineDto> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.findLine(manager, year, code);
      // Re-read under a row lock so two editors holding the same version cannot both pass the check.
      const line = await manager.findOneOrFail(QuotaLineEntity, { where: { id: found.line.id }, lock: { mode: 'pessimistic_write' } });
      if (line.version !== dto.version) throw AppException.versionConflict('该指标', dto.version, line.version);
      const before = lineDto(line, await manager.findBy(QuotaLineSplitEntity, { lineId: line.id }));
      if (dto.label !== undefined) line.label = dto.label;
      if (dto.target !== undefined) line.targetValue = String(dto.target);
      if (dto.note !== undefined) line.note = dto.note;
      if (dto.splits) {
        await manager.delete(QuotaLineSplitEntity, { lineId: line.id });
        await this.insertSplits(manager, line.id, dto.splits);
        line.updatedAt = new Date(); // a splits-only change still bumps the version
      }
      const saved = await manager.save(line);
      const after = lineDto(saved, await manager.findBy(QuotaLineSplitEntity, { lineId: line.id }));
      await this.audit.record(manager, actor, { action: 'quota_line.update', entityType: 'quota_line', entityId: line.id, before, after });
      return after;
    });
  }

  async addManualReport(actor: Actor, year: number, code: string, dto: CreateManualReportDto): Promise<ManualReportDto> {
    return this.dataSource.transaction(async (manager) => {
      const { line } = await this.findLine(manager, year, code);
      if (line.measureKind !== MeasureKind.MANUAL) {
        throw AppException.conflict(ErrorCode.QUOTA_LINE_NOT_MANUAL, `指标 ${code} 由系统按登记数据计算,不能人工填报 (line is computed from the registry)`);
      }
      const row = await manager.save(
        manager.create(QuotaManualReportEntity, {
          lineId: line.id,
          value: String(dto.value),
          reportedOn: dto.reportedOn,
          evidence: dto.evidence,
          districtCode: dto.districtCode ?? null,
          chainId: dto.chainId ?? null,
          actorId: actor.id,
          actorUsername: actor.username,
        }),
      );
      const result = toManualReportDto(row, code);
      await this.audit.record(manager, actor, { action: 'quota_report.create', entityType: 'quota_manual_report', entityId: row.id, after: result });
      return result;
    });
  }

  async listManualReports(year: number, code: string): Promise<ManualReportDto[]> {
    const { line } = await this.findLine(this.dataSource.manager, year, code);
    const rows = await this.dataSource.manager.find(QuotaManualReportEntity, { where: { lineId: line.id }, order: { reportedOn: 'DESC', id: 'DESC' } });
    return rows.map((row) => toManualReportDto(row, code));
  }

  private async insertLine(manager: EntityManager, plan: QuotaPlanEntity, dto: CreateQuotaLineDto, sortOrder: number): Promise<QuotaLineEntity> {
    const line = await manager.save(
      manager.create(QuotaLineEntity, {
        planId: plan.id,
        code: dto.code,
        label: dto.label,
        unit: dto.unit,
        lineGroup: dto.group,
        targetValue: String(dto.target),
        direction: dto.direction ?? QuotaDirection.AT_LEAST,
        measureKind: dto.measureKind,
        measureParams: dto.measureParams ?? {},
        sortOrder: dto.sortOrder ?? sortOrder,
        note: dto.note ?? '',
      }),
    );
    await this.insertSplits(manager, line.id, dto.splits ?? []);
    return line;
  }

  private async insertSplits(manager: EntityManager, lineId: string, splits: SplitInputDto[]): Promise<void> {
    for (const [index, split] of splits.entries()) {
      if (!split.districtCode === !split.chainId) {
        throw AppException.field(ErrorCode.VALIDATION_FAILED, `splits[${index}]`, '每条分解须且只须指定 districtCode 或 chainId 之一 (give districtCode or chainId)');
      }
    }
    if (splits.length) {
      await manager.insert(
        QuotaLineSplitEntity,
        splits.map((s) => ({ lineId, districtCode: s.districtCode ?? null, chainId: s.chainId ?? null, targetValue: String(s.target) })),
      );
    }
  }
}

function toManualReportDto(row: QuotaManualReportEntity, lineCode: string): ManualReportDto {
  return {
    id: row.id,
    lineCode,
    value: Number(row.value),
    reportedOn: row.reportedOn,
    evidence: row.evidence,
    districtCode: row.districtCode,
    chainId: row.chainId,
    reportedBy: row.actorUsername,
    createdAt: row.createdAt.toISOString(),
  };
}
