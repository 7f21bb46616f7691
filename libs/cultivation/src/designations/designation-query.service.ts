import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';

import { Actor, addDays, HolderKind, allowedNext, DESIGNATION_STATUS_LABELS, enterpriseScopeCondition, paginated, Paginated, parseSort, todayInChina } from '@app/core';
import { EnterpriseService } from '@app/registry';

import { designationNotFound } from '../cultivation.errors';
import { DesignationEventEntity } from '../entities/designation-event.entity';
import { DesignationEntity } from '../entities/designation.entity';
import { DesignationDetailDto, DesignationDto } from './designation.dto';
import { DESIGNATION_COLUMNS, effectiveStatusSql, toDesignationDto } from './designation-sql';
import { ListDesignationsQueryDto } from './list-designations.query.dto';

/**
 * The actor's scope over a designation's holder: an enterprise (its scope), or a carrier (its district for
 * district officers; liaisons see no carriers — `enterpriseScopeCondition` on the carrier alias matches
 * no enterprise id).
 */
function applyHolderScope<T extends object>(qb: SelectQueryBuilder<T>, actor: Actor): SelectQueryBuilder<T> {
  const e = enterpriseScopeCondition('e', actor);
  if (e.sql === 'TRUE') return qb;
  const k = enterpriseScopeCondition('k', actor);
  return qb.andWhere(`((e.id IS NOT NULL AND ${e.sql}) OR (k.id IS NOT NULL AND ${k.sql}))`, { ...e.params, ...k.params });
}

const SORTABLE = {
  recognisedOn: 'd.recognised_on',
  expiresOn: 'd.expires_on',
  createdAt: 'd.created_at',
  enterpriseName: 'e.name',
  type: 'd.type',
};

/** Reads designations with the status they have today (expiry derived in SQL, never stale). */
@Injectable()
export class DesignationQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enterprises: EnterpriseService,
  ) {}

  base(manager: EntityManager = this.dataSource.manager, today = todayInChina()): SelectQueryBuilder<DesignationEntity> {
    return manager
      .createQueryBuilder(DesignationEntity, 'd')
      .leftJoin('enterprise', 'e', 'e.id = d.enterprise_id')
      .leftJoin('carrier', 'k', 'k.id = d.carrier_id')
      .leftJoin('recognition_type', 'rt', 'rt.code = d.type')
      .leftJoin('chain', 'c', 'c.id = d.chain_id')
      .select(DESIGNATION_COLUMNS)
      .setParameter('today', today);
  }

  /** Only designations of enterprises and carriers in the actor's scope; a filter for another district returns nothing. */
  async list(actor: Actor, query: ListDesignationsQueryDto): Promise<Paginated<DesignationDto>> {
    const today = todayInChina();
    const qb = applyHolderScope(this.base(undefined, today), actor);
    if (query.holderKind) qb.andWhere(query.holderKind === HolderKind.CARRIER ? 'd.carrier_id IS NOT NULL' : 'd.enterprise_id IS NOT NULL');
    if (query.carrierId) qb.andWhere('d.carrier_id = :carrierId', { carrierId: query.carrierId });
    if (query.type) qb.andWhere('d.type = :type', { type: query.type });
    if (query.level) qb.andWhere('d.level = :level', { level: query.level });
    if (query.status) qb.andWhere(`${effectiveStatusSql('d')} = :status`, { status: query.status });
    if (query.chainId) qb.andWhere('d.chain_id = :chainId', { chainId: query.chainId });
    if (query.enterpriseId) qb.andWhere('d.enterprise_id = :enterpriseId', { enterpriseId: query.enterpriseId });
    if (query.districtCode) qb.andWhere('coalesce(e.district_code, k.district_code) = :district', { district: query.districtCode });
    if (query.batch) qb.andWhere('d.batch = :batch', { batch: query.batch });
    if (query.year) qb.andWhere('d.year = :year', { year: query.year });
    let fallback = 'd.created_at DESC';
    if (query.expiringWithinDays !== undefined) {
      qb.andWhere(`d.status IN ('RECOGNISED', 'UNDER_REVIEW')`)
        .andWhere('d.expires_on >= CAST(:today AS date) AND d.expires_on <= CAST(:until AS date)', { until: addDays(today, query.expiringWithinDays) });
      fallback = 'd.expires_on ASC';
    }
    const [column, direction] = parseSort(query.sort, SORTABLE, fallback).split(' ');
    qb.orderBy(column, direction as 'ASC' | 'DESC').addOrderBy('d.id', 'ASC');
    const total = await qb.getCount();
    const rows = await qb.offset((query.page - 1) * query.pageSize).limit(query.pageSize).getRawMany();
    return paginated(rows.map(toDesignationDto), query.page, query.pageSize, total);
  }

  /** A designation of an enterprise outside the actor's scope is not found (404 DESIGNATION_NOT_FOUND). */
  async get(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<DesignationDetailDto> {
    const row = await applyHolderScope(this.base(manager).where('d.id = :id', { id }), actor).getRawOne();
    if (!row) throw designationNotFound(id);
    const designation = toDesignationDto(row);
    const events = await manager.find(DesignationEventEntity, { where: { designationId: id }, order: { effectiveOn: 'ASC', id: 'ASC' } });
    return {
      ...designation,
      allowedTransitions: [...allowedNext(designation.status)],
      events: events.map((e) => ({
        id: e.id,
        fromStatus: e.fromStatus,
        fromStatusLabel: e.fromStatus ? DESIGNATION_STATUS_LABELS[e.fromStatus] : null,
        toStatus: e.toStatus,
        toStatusLabel: DESIGNATION_STATUS_LABELS[e.toStatus],
        effectiveOn: e.effectiveOn,
        expiresOn: e.expiresOn,
        reason: e.reason,
        actorUsername: e.actorUsername,
        at: e.at,
      })),
    };
  }

  /** Every designation of one carrier, live ones first (the carrier's scope is checked by the caller). */
  async forCarrier(carrierId: string, manager: EntityManager = this.dataSource.manager): Promise<DesignationDto[]> {
    const rows = await this.base(manager)
      .where('d.carrier_id = :carrierId', { carrierId })
      .orderBy(`CASE WHEN ${effectiveStatusSql('d')} IN ('CANDIDATE', 'RECOGNISED', 'UNDER_REVIEW') THEN 0 ELSE 1 END`, 'ASC')
      .addOrderBy('d.type', 'ASC')
      .addOrderBy('d.created_at', 'ASC')
      .getRawMany();
    return rows.map(toDesignationDto);
  }

  /** Every designation of one enterprise, live ones first. */
  async forEnterprise(actor: Actor, enterpriseId: string): Promise<DesignationDto[]> {
    await this.enterprises.findInScope(this.dataSource.manager, actor, enterpriseId);
    const rows = await this.base()
      .where('d.enterprise_id = :enterpriseId', { enterpriseId })
      .orderBy(`CASE WHEN ${effectiveStatusSql('d')} IN ('CANDIDATE', 'RECOGNISED', 'UNDER_REVIEW') THEN 0 ELSE 1 END`, 'ASC')
      .addOrderBy('d.type', 'ASC')
      .addOrderBy('d.created_at', 'ASC')
      .getRawMany();
    return rows.map(toDesignationDto);
  }
}
