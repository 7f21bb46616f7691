import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { AuditService } from '@app/audit';
import { Actor, AppException, applyEnterpriseScope, canReadEnterprise, ErrorCode, Paginated, paginated, parseSort } from '@app/core';

import { ChangeRequestDto, ListChangeRequestsQueryDto, RejectChangeRequestDto } from '../dto/change-request.dto';
import { PutFiguresDto } from '../dto/figures.dto';
import { UpdateEnterpriseDto } from '../dto/update-enterprise.dto';
import { EnterpriseFigureEntity } from '../entities/enterprise-figure.entity';
import { EnterpriseEntity } from '../entities/enterprise.entity';
import { EnterpriseService } from '../services/enterprise.service';
import { FiguresService } from '../services/figures.service';
import { ChangeRequestKind, ChangeRequestStatus } from './change-request-status';
import { toChangeRequestDto, userDisplayNames } from './change-request-view';
import { ChangeRequestEntity } from './change-request.entity';

const notFound = (id: string) => AppException.notFound(ErrorCode.CHANGE_REQUEST_NOT_FOUND, `找不到变更申请 ${id} (change request not found)`);

/** Liaisons see their own requests; staff see and decide the queue of enterprises in their scope. */
@Injectable()
export class ChangeRequestReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly enterprises: EnterpriseService,
    private readonly figures: FiguresService,
  ) {}

  async list(actor: Actor, query: ListChangeRequestsQueryDto): Promise<Paginated<ChangeRequestDto>> {
    const qb = this.dataSource
      .getRepository(ChangeRequestEntity)
      .createQueryBuilder('cr')
      .innerJoinAndSelect('cr.enterprise', 'e');
    if (actor.role === 'LIAISON') qb.andWhere('cr.submitted_by_id = :me', { me: actor.id });
    else applyEnterpriseScope(qb, 'e', actor);
    if (query.status) qb.andWhere('cr.status = :status', { status: query.status });
    if (query.kind) qb.andWhere('cr.kind = :kind', { kind: query.kind });
    if (query.enterpriseId) qb.andWhere('cr.enterprise_id = :enterpriseId', { enterpriseId: query.enterpriseId });
    if (query.districtCode) qb.andWhere('e.district_code = :district', { district: query.districtCode });
    const [column, direction] = parseSort(query.sort, { createdAt: 'cr.createdAt', updatedAt: 'cr.updatedAt' }, 'cr.createdAt DESC').split(' ');
    qb.orderBy(column, direction as 'ASC' | 'DESC').addOrderBy('cr.id', 'ASC');
    qb.skip((query.page - 1) * query.pageSize).take(query.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    const names = await userDisplayNames(this.dataSource.manager, rows.map((cr) => cr.reviewedById));
    return paginated(
      rows.map((cr) => toChangeRequestDto(cr, cr.enterprise!, names)),
      query.page,
      query.pageSize,
      total,
    );
  }

  async get(actor: Actor, id: string): Promise<ChangeRequestDto> {
    const cr = await this.dataSource.getRepository(ChangeRequestEntity).findOne({ where: { id }, relations: { enterprise: true } });
    if (!cr || !this.visible(actor, cr, cr.enterprise!)) throw notFound(id);
    return toChangeRequestDto(cr, cr.enterprise!, await userDisplayNames(this.dataSource.manager, [cr.reviewedById]));
  }

  /**
   * Applies the proposal in one transaction. The request row is locked first, then the enterprise
   * row, so two approvals on one enterprise run one after the other; the second sees the version
   * the first produced, differs from its base, and gets 409 while its request stays PENDING.
   */
  async approve(actor: Actor, id: string): Promise<ChangeRequestDto> {
    return this.dataSource.transaction(async (manager) => {
      const { cr, enterprise } = await this.lockPending(manager, actor, id);
      const entry = { action: 'enterprise.update', after: { changeRequestId: cr.id } };
      if (cr.kind === ChangeRequestKind.PROFILE) {
        if (enterprise.version !== cr.baseVersion) throw this.stale(cr, enterprise.version);
        await this.enterprises.applyUpdate(manager, actor, enterprise, { ...cr.changes, version: cr.baseVersion } as UpdateEnterpriseDto, entry);
      } else {
        const existing = await manager.findOne(EnterpriseFigureEntity, {
          where: { enterpriseId: cr.enterpriseId, year: cr.year!, quarter: cr.quarter ?? 0 },
          lock: { mode: 'pessimistic_write' },
        });
        if ((existing?.version ?? null) !== cr.baseVersion) throw this.stale(cr, existing?.version ?? null);
        const dto = { ...cr.changes, version: existing?.version } as PutFiguresDto;
        await this.figures.applyPut(manager, actor, enterprise, cr.year!, cr.quarter ?? 0, dto, { after: { changeRequestId: cr.id } });
      }
      return this.decide(manager, actor, cr, enterprise, ChangeRequestStatus.APPROVED, null);
    });
  }

  async reject(actor: Actor, id: string, dto: RejectChangeRequestDto): Promise<ChangeRequestDto> {
    return this.dataSource.transaction(async (manager) => {
      const { cr, enterprise } = await this.lockPending(manager, actor, id);
      return this.decide(manager, actor, cr, enterprise, ChangeRequestStatus.REJECTED, dto.reason.trim());
    });
  }

  private visible(actor: Actor, cr: ChangeRequestEntity, enterprise: EnterpriseEntity): boolean {
    return actor.role === 'LIAISON' ? cr.submittedById === actor.id : canReadEnterprise(actor, enterprise);
  }

  private async lockPending(manager: EntityManager, actor: Actor, id: string) {
    const cr = await manager.findOne(ChangeRequestEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!cr) throw notFound(id);
    const enterprise = await this.enterprises.findOrFail(manager, cr.enterpriseId, true);
    if (!this.visible(actor, cr, enterprise)) throw notFound(id);
    if (cr.status !== ChangeRequestStatus.PENDING) {
      throw AppException.conflict(ErrorCode.CHANGE_REQUEST_NOT_PENDING, `该申请已处理(${cr.status}),不能再次审核 (request already decided)`, { status: cr.status });
    }
    return { cr, enterprise };
  }

  private stale(cr: ChangeRequestEntity, current: number | null) {
    const what = cr.kind === ChangeRequestKind.PROFILE ? '企业信息' : '该期经营数据';
    return AppException.conflict(
      ErrorCode.VERSION_CONFLICT,
      `${what}在申请提交后已被修改(提交时版本 ${cr.baseVersion ?? '无'},当前 ${current ?? '无'}),申请仍待审核:请驳回后让联络员基于最新信息重新提交 ` +
        `(changed since the request was based on it; the request stays open)`,
      { currentVersion: current, baseVersion: cr.baseVersion },
    );
  }

  private async decide(
    manager: EntityManager,
    actor: Actor,
    cr: ChangeRequestEntity,
    enterprise: EnterpriseEntity,
    status: ChangeRequestStatus,
    reason: string | null,
  ): Promise<ChangeRequestDto> {
    const before = { status: cr.status };
    Object.assign(cr, { status, reviewedById: actor.id, reviewedByUsername: actor.username, reviewedAt: new Date(), decisionReason: reason });
    const saved = await manager.save(cr);
    const verb = status === ChangeRequestStatus.APPROVED ? 'approve' : 'reject';
    await this.audit.record(manager, actor, {
      action: `change_request.${verb}`,
      entityType: 'change_request',
      entityId: cr.id,
      before,
      after: { status, decisionReason: reason },
      enterpriseId: cr.enterpriseId,
    });
    return toChangeRequestDto(saved, enterprise, await userDisplayNames(manager, [actor.id]));
  }
}
