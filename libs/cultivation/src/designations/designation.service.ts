import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

import { AuditService } from '@app/audit';
import {
  Actor,
  AppException,
  canTransition,
  CARRIER_KIND_LABELS,
  CarrierKind,
  canWriteEnterprise,
  defaultExpiry,
  designationKey,
  designationKeySql,
  DesignationStatus,
  DesignationType,
  ErrorCode,
  HolderKind,
  LIVE_STATUSES,
  stateOn,
  statusOn,
  todayInChina,
} from '@app/core';
import { ChainEntity, RecognitionTypeEntity } from '@app/reference';
import { EnterpriseService } from '@app/registry';

import { CarrierService } from '../carriers/carrier.service';
import { checkAgainstCatalogue, RecognitionTypeService } from '../catalogue/recognition-type.service';
import { chainNotFound, designationNotFound, futureDate, illegalTransition } from '../cultivation.errors';
import { DesignationEventEntity } from '../entities/designation-event.entity';
import { DesignationEntity } from '../entities/designation.entity';
import { CreateDesignationDto } from './create-designation.dto';
import { DesignationDetailDto } from './designation.dto';
import { DesignationExpiryService } from './designation-expiry.service';
import { DesignationQueryService } from './designation-query.service';
import { TransitionDesignationDto } from './transition-designation.dto';

const duplicate = (existingId: string, typeName: string) =>
  AppException.conflict(
    ErrorCode.DUPLICATE_DESIGNATION,
    `该企业或载体已有一条在培育或有效的“${typeName}”记录(同类型、级别、产业链),请对原记录办理复核或状态变更 (a live designation of this type, level and chain exists)`,
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
    private readonly catalogue: RecognitionTypeService,
    private readonly carriers: CarrierService,
  ) {}

  async create(actor: Actor, dto: CreateDesignationDto): Promise<DesignationDetailDto> {
    const today = todayInChina();
    const status = dto.status ?? DesignationStatus.CANDIDATE;
    const holder = this.holderOf(dto);
    let typeName = dto.type;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const on = (status === DesignationStatus.RECOGNISED ? dto.recognisedOn : dto.candidateSince) ?? today;
        const type = checkAgainstCatalogue(await this.catalogue.byCode(manager), dto.type, dto.level, holder, on);
        typeName = type.name;
        this.checkShape(dto, type, status, today);
        let enterpriseId: string | null = null;
        if (holder === HolderKind.ENTERPRISE) {
          const enterprise = await this.enterprises.findInScope(manager, actor, dto.enterpriseId!, true);
          if (enterprise.archived) throw AppException.conflict(ErrorCode.ENTERPRISE_ARCHIVED, '企业已归档,不能新增认定 (enterprise is archived)');
          enterpriseId = enterprise.id;
        } else {
          const carrier = await this.carriers.findInScope(manager, actor, dto.carrierId!, true);
          if (type.carrierKind && carrier.kind !== type.carrierKind) {
            throw AppException.field(
              ErrorCode.VALIDATION_FAILED,
              'carrierId',
              `“${type.name}”只能由${CARRIER_KIND_LABELS[type.carrierKind as CarrierKind] ?? type.carrierKind}类载体持有,“${carrier.name}”是${CARRIER_KIND_LABELS[carrier.kind] ?? carrier.kind} (carrier kind does not match the type)`,
            );
          }
        }
        if (dto.chainId && !(await manager.existsBy(ChainEntity, { id: dto.chainId }))) throw chainNotFound(dto.chainId);
        if (enterpriseId) await this.expiry.settle(manager, enterpriseId, today);
        else await this.expiry.settleCarrier(manager, dto.carrierId!, today);
        await this.checkDuplicates(manager, dto, type.name);
        const recognised = status === DesignationStatus.RECOGNISED;
        const expiresOn = recognised ? (dto.expiresOn ?? defaultExpiry(type.validityYears, dto.recognisedOn!)) : null;
        const entity = await manager.save(
          manager.create(DesignationEntity, {
            enterpriseId,
            carrierId: enterpriseId ? null : dto.carrierId!,
            type: dto.type,
            level: dto.level,
            chainId: dto.chainId ?? null,
            productName: dto.productName?.trim() || null,
            productCode: dto.productCode?.trim() || null,
            status,
            batch: dto.batch?.trim() || null,
            year: dto.year ?? (dto.recognisedOn ? Number(dto.recognisedOn.slice(0, 4)) : null),
            noticeNo: dto.noticeNo?.trim() || null,
            recognisingBody: dto.recognisingBody?.trim() || type.issuingBody || null,
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
          expiresOn,
          reason: recognised ? '登记认定 (recorded as recognised)' : '列入培育对象 (entered as candidate)',
          actorId: actor.id,
          actorUsername: actor.username,
        });
        const view = await this.query.get(actor, entity.id, manager);
        await this.audit.record(manager, actor, {
          action: 'designation.create',
          entityType: 'designation',
          entityId: entity.id,
          enterpriseId: entity.enterpriseId ?? undefined,
          after: { ...view, events: undefined },
        });
        return view;
      });
    } catch (error) {
      throw this.translateUniqueViolation(error, typeName);
    }
  }

  /** Exactly one holder: an enterprise or a carrier. */
  private holderOf(dto: CreateDesignationDto): HolderKind {
    if (dto.enterpriseId && dto.carrierId) {
      throw AppException.field(ErrorCode.VALIDATION_FAILED, 'carrierId', '一条认定只能由企业或载体之一持有,enterpriseId 与 carrierId 只填一个 (one holder)');
    }
    if (!dto.enterpriseId && !dto.carrierId) {
      throw AppException.field(ErrorCode.VALIDATION_FAILED, 'enterpriseId', '请填写持有认定的企业 enterpriseId 或载体 carrierId (holder required)');
    }
    return dto.carrierId ? HolderKind.CARRIER : HolderKind.ENTERPRISE;
  }

  async transition(actor: Actor, id: string, dto: TransitionDesignationDto): Promise<DesignationDetailDto> {
    const today = todayInChina();
    const effectiveOn = dto.effectiveOn ?? today;
    if (effectiveOn > today) throw futureDate('effectiveOn', effectiveOn, today);
    return this.dataSource.transaction(async (manager) => {
      const entity = await manager.findOne(DesignationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!entity) throw designationNotFound(id);
      // Out of scope reads as absent, and is checked before the version so nothing about it leaks.
      const holder = entity.enterpriseId
        ? await this.enterprises.findOrFail(manager, entity.enterpriseId)
        : await this.carriers.findOrFail(manager, entity.carrierId!);
      if (!canWriteEnterprise(actor, holder)) throw designationNotFound(id);
      if (entity.version !== dto.version) throw AppException.versionConflict('认定记录', dto.version, entity.version);
      const before = await this.query.get(actor, id, manager);
      const last = before.events[before.events.length - 1];
      if (last && effectiveOn < last.effectiveOn) {
        throw AppException.field(
          ErrorCode.DATE_OUT_OF_ORDER,
          'effectiveOn',
          `生效日期 ${effectiveOn} 早于上一次变更的生效日期 ${last.effectiveOn} (effectiveOn before the previous change)`,
        );
      }
      // The state machine runs on the status as it read on the change's effective date, with the expiry
      // in force then: a review recorded late for a recognition still valid on that day is legal, while a
      // change dated after the expiry finds it EXPIRED (terminal).
      const then = stateOn(before.events.map((e) => ({ status: e.toStatus, expiresOn: e.expiresOn, effectiveOn: e.effectiveOn })), effectiveOn);
      const statusThen = then ? statusOn(then, effectiveOn) : entity.status;
      if (!canTransition(statusThen, dto.toStatus)) throw illegalTransition(statusThen, dto.toStatus);
      if (dto.expiresOn !== undefined && dto.toStatus !== DesignationStatus.RECOGNISED) {
        throw AppException.field(ErrorCode.VALIDATION_FAILED, 'expiresOn', '只有认定(已认定)时可以填写到期日 (expiresOn only with toStatus RECOGNISED)');
      }
      if (dto.expiresOn !== undefined && dto.expiresOn <= effectiveOn) {
        throw AppException.field(ErrorCode.VALIDATION_FAILED, 'expiresOn', '到期日必须晚于认定日期 (expiresOn must be after the recognition)');
      }
      const fromStatus = entity.status;
      entity.status = dto.toStatus;
      if (dto.toStatus === DesignationStatus.RECOGNISED) {
        // First recognition or re-recognition after review: a new term from this date; the previous
        // term's expiry, explicit or not, is not carried over.
        entity.recognisedOn = effectiveOn;
        const type = await manager.findOneBy(RecognitionTypeEntity, { code: entity.type });
        entity.expiresOn = dto.expiresOn ?? defaultExpiry(type?.validityYears ?? null, effectiveOn);
        if (entity.year === null) entity.year = Number(effectiveOn.slice(0, 4));
      }
      await manager.save(entity);
      await manager.insert(DesignationEventEntity, {
        designationId: id,
        fromStatus,
        toStatus: dto.toStatus,
        effectiveOn,
        expiresOn: entity.expiresOn,
        reason: dto.reason.trim(),
        actorId: actor.id,
        actorUsername: actor.username,
      });
      const after = await this.query.get(actor, id, manager);
      await this.audit.record(manager, actor, {
        action: 'designation.transition',
        entityType: 'designation',
        entityId: id,
        enterpriseId: entity.enterpriseId ?? undefined,
        before: { ...before, events: undefined, allowedTransitions: undefined },
        after: { ...after, events: undefined, allowedTransitions: undefined },
      });
      return after;
    });
  }

  private checkShape(dto: CreateDesignationDto, type: RecognitionTypeEntity, status: DesignationStatus, today: string): void {
    if (type.namesChain && !dto.chainId) throw AppException.field(ErrorCode.VALIDATION_FAILED, 'chainId', `${type.name}必须指定产业链 chainId (chain tiers name a chain)`);
    if (!type.namesChain && dto.chainId) throw AppException.field(ErrorCode.VALIDATION_FAILED, 'chainId', `${type.name}不属于某条产业链,请不要填 chainId (only chain tiers name a chain)`);
    if (!type.namesProduct && (dto.productName || dto.productCode)) {
      throw AppException.field(ErrorCode.VALIDATION_FAILED, 'productName', `“${type.name}”不登记产品名称和产品代码 (no product for this type)`);
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

  private async checkDuplicates(manager: EntityManager, dto: CreateDesignationDto, typeName: string): Promise<void> {
    const live = [...LIVE_STATUSES];
    const key = designationKey({ enterpriseId: dto.enterpriseId ?? null, carrierId: dto.carrierId ?? null, type: dto.type, level: dto.level, chainId: dto.chainId ?? null });
    const holder = dto.enterpriseId ? 'd.enterprise_id = :h' : 'd.carrier_id = :h';
    const same = await manager
      .createQueryBuilder(DesignationEntity, 'd')
      .where(`${holder} AND ${designationKeySql('d')} = :key AND d.status IN (:...live)`, { h: dto.enterpriseId ?? dto.carrierId, key, live })
      .getOne();
    if (same) throw duplicate(same.id, typeName);
    if (dto.type === DesignationType.CHAIN_LEADER) {
      const leader = await manager
        .createQueryBuilder(DesignationEntity, 'd')
        .where(`d.enterprise_id = :e AND d.chain_id = :c AND d.type = 'CHAIN_LEADER' AND d.status IN (:...live)`, { e: dto.enterpriseId, c: dto.chainId, live })
        .getOne();
      if (leader) throw duplicate(leader.id, typeName);
    }
  }

  /** A create that raced another one past the checks loses at the partial unique index: same 409. */
  private translateUniqueViolation(error: unknown, typeName: string): unknown {
    if (error instanceof QueryFailedError) {
      const pg = error.driverError as { code?: string; constraint?: string };
      if (pg.code === '23505' && pg.constraint?.startsWith('uq_designation_live')) return duplicate('', typeName);
    }
    return error;
  }
}
