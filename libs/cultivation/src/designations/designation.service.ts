import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

import { AuditService } from '@app/audit';
import {
  Actor,
  addYears,
  AppException,
  canWriteEnterprise,
  CHAIN_TYPES,
  DESIGNATION_TYPE_LABELS,
  DesignationStatus,
  DesignationType,
  ErrorCode,
  EXPIRING_TYPES,
  LIVE_STATUSES,
  todayInChina,
} from '@app/core';
import { ChainEntity } from '@app/reference';
import { EnterpriseService } from '@app/registry';

import { chainNotFound, designationNotFound, futureDate, illegalTransition } from '../cultivation.errors';
import { DesignationEventEntity } from '../entities/designation-event.entity';
import { DesignationEntity } from '../entities/designation.entity';
import { CreateDesignationDto } from './create-designation.dto';
import { DesignationDetailDto } from './designation.dto';
import { DesignationExpiryService } from './designation-expiry.service';
import { DesignationQueryService } from './designation-query.service';
import { canTransition } from './designation-state-machine';
import { TransitionDesignationDto } from './transition-designation.dto';

const RECOGNITION_YEARS = 3;

const duplicate = (existingId: string, type: DesignationType) =>
  AppException.conflict(
    ErrorCode.DUPLICATE_DESIGNATION,
    `该企业已有一条在培育或有效的“${DESIGNATION_TYPE_LABELS[type]}”记录(同类型、级别、产业链),请对原记录办理复核或状态变更 (a live designation of this type, level and chain exists)`,
    { existingId },
  );

/** Tagging and the lifecycle: every change in one transaction with its event and audit row. */
@Injectable()
export class DesignationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly enterprises: EnterpriseService,
    private readonly expiry: DesignationExpiryService,
    private readonly query: DesignationQueryService,
  ) {}

  async create(actor: Actor, dto: CreateDesignationDto): Promise<DesignationDetailDto> {
    const today = todayInChina();
    const status = dto.status ?? DesignationStatus.CANDIDATE;
    this.checkShape(dto, status, today);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const enterprise = await this.enterprises.findInScope(manager, actor, dto.enterpriseId, true);
        if (enterprise.archived) throw AppException.conflict(ErrorCode.ENTERPRISE_ARCHIVED, '企业已归档,不能新增认定 (enterprise is archived)');
        if (dto.chainId && !(await manager.existsBy(ChainEntity, { id: dto.chainId }))) throw chainNotFound(dto.chainId);
        await this.expiry.settle(manager, dto.enterpriseId, today);
        await this.checkDuplicates(manager, dto);
        const recognised = status === DesignationStatus.RECOGNISED;
        const expiresOn = dto.expiresOn ?? (recognised && EXPIRING_TYPES.includes(dto.type) ? addYears(dto.recognisedOn!, RECOGNITION_YEARS) : null);
        const entity = await manager.save(
          manager.create(DesignationEntity, {
            enterpriseId: dto.enterpriseId,
            type: dto.type,
            level: dto.level,
            chainId: dto.chainId ?? null,
            productName: dto.productName?.trim() || null,
            productCode: dto.productCode?.trim() || null,
            status,
            batch: dto.batch?.trim() || null,
            year: dto.year ?? (dto.recognisedOn ? Number(dto.recognisedOn.slice(0, 4)) : null),
            noticeNo: dto.noticeNo?.trim() || null,
            recognisingBody: dto.recognisingBody?.trim() || null,
            recognisedOn: recognised ? dto.recognisedOn! : null,
            expiresOn,
            evidence: dto.evidence ?? null,
            taggedById: actor.id,
            taggedByUsername: actor.username,
          }),
        );
        await manager.insert(DesignationEventEntity, {
          designationId: entity.id,
          fromStatus: null,
          toStatus: status,
          effectiveOn: recognised ? dto.recognisedOn! : (dto.candidateSince ?? today),
          reason: recognised ? '登记认定 (recorded as recognised)' : '列入培育对象 (entered as candidate)',
          actorId: actor.id,
          actorUsername: actor.username,
        });
        const view = await this.query.get(actor, entity.id, manager);
        await this.audit.record(manager, actor, { action: 'designation.create', entityType: 'designation', entityId: entity.id, enterpriseId: entity.enterpriseId, after: { ...view, events: undefined } });
        return view;
      });
    } catch (error) {
      throw this.translateUniqueViolation(error, dto.type);
    }
  }

  async transition(actor: Actor, id: string, dto: TransitionDesignationDto): Promise<DesignationDetailDto> {
    const today = todayInChina();
    const effectiveOn = dto.effectiveOn ?? today;
    if (effectiveOn > today) throw futureDate('effectiveOn', effectiveOn, today);
    return this.dataSource.transaction(async (manager) => {
      const entity = await manager.findOne(DesignationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!entity) throw designationNotFound(id);
      // Out of scope reads as absent, and is checked before the version so nothing about it leaks.
      if (!canWriteEnterprise(actor, await this.enterprises.findOrFail(manager, entity.enterpriseId))) throw designationNotFound(id);
      if (entity.version !== dto.version) throw AppException.versionConflict('认定记录', dto.version, entity.version);
      const before = await this.query.get(actor, id, manager);
      // The state machine runs on the status as it read on the change's effective date: a review
      // recorded late for a recognition that was still valid on that day is legal, while a change
      // dated after the expiry finds it EXPIRED (terminal).
      const lapsed = entity.status === DesignationStatus.RECOGNISED && entity.expiresOn !== null && entity.expiresOn < effectiveOn;
      const statusThen = lapsed ? DesignationStatus.EXPIRED : entity.status;
      if (!canTransition(statusThen, dto.toStatus)) throw illegalTransition(statusThen, dto.toStatus);
      const last = before.events[before.events.length - 1];
      if (last && effectiveOn < last.effectiveOn) {
        throw AppException.field(
          ErrorCode.DATE_OUT_OF_ORDER,
          'effectiveOn',
          `生效日期 ${effectiveOn} 早于上一次变更的生效日期 ${last.effectiveOn} (effectiveOn before the previous change)`,
        );
      }
      const fromStatus = entity.status;
      entity.status = dto.toStatus;
      if (dto.toStatus === DesignationStatus.RECOGNISED) {
        // First recognition or re-recognition after review: the three years run from this date.
        entity.recognisedOn = effectiveOn;
        if (EXPIRING_TYPES.includes(entity.type)) entity.expiresOn = addYears(effectiveOn, RECOGNITION_YEARS);
        if (entity.year === null) entity.year = Number(effectiveOn.slice(0, 4));
      }
      await manager.save(entity);
      await manager.insert(DesignationEventEntity, {
        designationId: id,
        fromStatus,
        toStatus: dto.toStatus,
        effectiveOn,
        reason: dto.reason.trim(),
        actorId: actor.id,
        actorUsername: actor.username,
      });
      const after = await this.query.get(actor, id, manager);
      await this.audit.record(manager, actor, {
        action: 'designation.transition',
        entityType: 'designation',
        entityId: id,
        enterpriseId: entity.enterpriseId,
        before: { ...before, events: undefined, allowedTransitions: undefined },
        after: { ...after, events: undefined, allowedTransitions: undefined },
      });
      return after;
    });
  }

  private checkShape(dto: CreateDesignationDto, status: DesignationStatus, today: string): void {
    const chainType = CHAIN_TYPES.includes(dto.type);
    if (chainType && !dto.chainId) throw AppException.field(ErrorCode.VALIDATION_FAILED, 'chainId', `${DESIGNATION_TYPE_LABELS[dto.type]}必须指定产业链 chainId (chain tiers name a chain)`);
    if (!chainType && dto.chainId) throw AppException.field(ErrorCode.VALIDATION_FAILED, 'chainId', `${DESIGNATION_TYPE_LABELS[dto.type]}不属于某条产业链,请不要填 chainId (only chain tiers name a chain)`);
    if (dto.type !== DesignationType.SINGLE_CHAMPION && (dto.productName || dto.productCode)) {
      throw AppException.field(ErrorCode.VALIDATION_FAILED, 'productName', '只有制造业单项冠军可以填写产品名称和产品代码 (product only for SINGLE_CHAMPION)');
    }
    if (status === DesignationStatus.RECOGNISED && !dto.recognisedOn) {
      throw AppException.field(ErrorCode.VALIDATION_FAILED, 'recognisedOn', '已认定的记录必须填写认定日期 recognisedOn (recognisedOn required)');
    }
    if (status === DesignationStatus.CANDIDATE && (dto.recognisedOn || dto.expiresOn)) {
      throw AppException.field(ErrorCode.VALIDATION_FAILED, 'recognisedOn', '培育对象尚未认定,不能填写认定日期或到期日 (a candidate has no recognition dates)');
    }
    if (dto.recognisedOn && dto.recognisedOn > today) throw futureDate('recognisedOn', dto.recognisedOn, today);
    if (dto.candidateSince && dto.candidateSince > today) throw futureDate('candidateSince', dto.candidateSince, today);
    if (dto.expiresOn && dto.recognisedOn && dto.expiresOn <= dto.recognisedOn) {
      throw AppException.field(ErrorCode.VALIDATION_FAILED, 'expiresOn', '到期日必须晚于认定日期 (expiresOn must be after recognisedOn)');
    }
  }

  private async checkDuplicates(manager: EntityManager, dto: CreateDesignationDto): Promise<void> {
    const live = [...LIVE_STATUSES];
    const same = await manager
      .createQueryBuilder(DesignationEntity, 'd')
      .where('d.enterprise_id = :e AND d.type = :t AND d.level = :l AND d.status IN (:...live)', { e: dto.enterpriseId, t: dto.type, l: dto.level, live })
      .andWhere(dto.chainId ? 'd.chain_id = :c' : 'd.chain_id IS NULL', { c: dto.chainId })
      .getOne();
    if (same) throw duplicate(same.id, dto.type);
    if (dto.type === DesignationType.CHAIN_LEADER) {
      const leader = await manager
        .createQueryBuilder(DesignationEntity, 'd')
        .where(`d.enterprise_id = :e AND d.chain_id = :c AND d.type = 'CHAIN_LEADER' AND d.status IN (:...live)`, { e: dto.enterpriseId, c: dto.chainId, live })
        .getOne();
      if (leader) throw duplicate(leader.id, dto.type);
    }
  }

  /** A create that raced another one past the checks loses at the partial unique index: same 409. */
  private translateUniqueViolation(error: unknown, type: DesignationType): unknown {
    if (error instanceof QueryFailedError) {
      const pg = error.driverError as { code?: string; constraint?: string };
      if (pg.code === '23505' && pg.constraint?.startsWith('uq_designation_live')) return duplicate('', type);
    }
    return error;
  }
}
