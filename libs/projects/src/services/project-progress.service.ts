import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { AuditService } from '@app/audit';
import { Actor, AppException, ErrorCode, todayInChina } from '@app/core';

import { CreateProgressDto, ReviewProgressDto } from '../dto/project-write.dto';
import { ProjectDetailDto } from '../dto/project.dto';
import { ProjectProgressEntity } from '../entities/project-progress.entity';
import { ProgressReviewStatus } from '../project-enums';
import { fieldError, futureDate, ProjectErrorCode, progressNotFound } from '../projects.errors';
import { ProjectQueryService } from './project-query.service';
import { ProjectService } from './project.service';

/**
 * Monthly progress: staff enter it (approved at once, counting from the reported day); a liaison reports
 * it for their own firm's project and staff approve (counting from the approval day) or reject it.
 */
@Injectable()
export class ProjectProgressService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly projects: ProjectService,
    private readonly query: ProjectQueryService,
  ) {}

  async add(actor: Actor, projectId: string, dto: CreateProgressDto, manager?: EntityManager): Promise<ProjectDetailDto> {
    const run = async (m: EntityManager) => {
      const reportedOn = this.checkDates(dto);
      const project = await this.projects.load(m, actor, projectId);
      const reviewed = actor.role !== 'LIAISON';
      const row = await m.save(
        m.create(ProjectProgressEntity, {
          projectId,
          month: dto.month,
          cumulativeYuan: dto.cumulativeYuan.toFixed(2),
          reportedOn,
          effectiveOn: reviewed ? reportedOn : null,
          status: reviewed ? ProgressReviewStatus.APPROVED : ProgressReviewStatus.PENDING,
          note: dto.note ?? null,
          reportedByUsername: actor.username,
          reviewedByUsername: reviewed ? actor.username : null,
          reviewedAt: reviewed ? new Date() : null,
        }),
      );
      await this.audit.record(m, actor, {
        action: 'project_progress.create',
        entityType: 'project_progress',
        entityId: row.id,
        enterpriseId: project.enterpriseId,
        after: { projectId, month: row.month, cumulativeYuan: row.cumulativeYuan, reportedOn, status: row.status },
      });
      return this.query.get(actor, projectId, m);
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  /** The month and reported day must not lie ahead, nor the report before its month began; returns the reported day. */
  checkDates(dto: CreateProgressDto): string {
    const today = todayInChina();
    const reportedOn = dto.reportedOn ?? today;
    if (reportedOn > today) throw futureDate('reportedOn', reportedOn, today);
    if (dto.month > today.slice(0, 7)) throw fieldError(ErrorCode.DATE_IN_FUTURE, 'month', `月份 ${dto.month} 尚未到来(本月为 ${today.slice(0, 7)})`);
    if (reportedOn < `${dto.month}-01`) throw fieldError(ErrorCode.DATE_OUT_OF_ORDER, 'reportedOn', `填报日期 ${reportedOn} 不能早于所报月份 ${dto.month} 的第一天`);
    return reportedOn;
  }

  async approve(actor: Actor, projectId: string, progressId: string, dto: ReviewProgressDto): Promise<ProjectDetailDto> {
    return this.decide(actor, projectId, progressId, dto, ProgressReviewStatus.APPROVED);
  }

  async reject(actor: Actor, projectId: string, progressId: string, dto: ReviewProgressDto): Promise<ProjectDetailDto> {
    if (!dto.reason?.trim()) throw fieldError(ErrorCode.VALIDATION_FAILED, 'reason', '驳回时须填写原因 (reason)');
    return this.decide(actor, projectId, progressId, dto, ProgressReviewStatus.REJECTED);
  }

  private async decide(actor: Actor, projectId: string, progressId: string, dto: ReviewProgressDto, status: ProgressReviewStatus): Promise<ProjectDetailDto> {
    return this.dataSource.transaction(async (m) => {
      const project = await this.projects.load(m, actor, projectId);
      const row = await m.findOne(ProjectProgressEntity, { where: { id: progressId, projectId }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw progressNotFound(progressId);
      if (row.version !== dto.version) throw AppException.versionConflict('进度填报', dto.version, row.version);
      if (row.status !== ProgressReviewStatus.PENDING) {
        throw AppException.conflict(ProjectErrorCode.PROGRESS_NOT_PENDING, '该进度填报已审核,不能重复处理 (not pending)', { status: row.status });
      }
      row.status = status;
      row.effectiveOn = status === ProgressReviewStatus.APPROVED ? todayInChina() : null;
      row.reviewedByUsername = actor.username;
      row.reviewedAt = new Date();
      row.decisionReason = dto.reason?.trim() || null;
      await m.save(row);
      await this.audit.record(m, actor, {
        action: status === ProgressReviewStatus.APPROVED ? 'project_progress.approve' : 'project_progress.reject',
        entityType: 'project_progress',
        entityId: row.id,
        enterpriseId: project.enterpriseId,
        before: { status: ProgressReviewStatus.PENDING },
        after: { status, effectiveOn: row.effectiveOn, reason: row.decisionReason },
      });
      return this.query.get(actor, projectId, m);
    });
  }
}
