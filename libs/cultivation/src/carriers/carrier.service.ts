import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { AuditService } from '@app/audit';
import {
  Actor,
  AppException,
  assertDistrictInScope,
  CARRIER_KIND_LABELS,
  CarrierKind,
  canReadEnterprise,
  enterpriseScopeCondition,
  ErrorCode,
  holdsOnSql,
  paginated,
  Paginated,
  parseSort,
  todayInChina,
} from '@app/core';
import { ChainEntity, DistrictEntity, DistrictKind } from '@app/reference';
import { EnterpriseService } from '@app/registry';

import { chainNotFound } from '../cultivation.errors';
import { DesignationQueryService } from '../designations/designation-query.service';
import { CarrierEntity } from '../entities/carrier.entity';
import { CarrierDetailDto, CarrierDto, CreateCarrierDto, ListCarriersQueryDto, UpdateCarrierDto } from './carrier.dto';

const carrierNotFound = (id: string) => AppException.notFound(ErrorCode.CARRIER_NOT_FOUND, `找不到载体 ${id} (carrier not found)`);

const SORTABLE = { name: 'k.name', kind: 'k.kind', createdAt: 'k.created_at' };

const COLUMNS = `k.id, k.kind, k.name, k.district_code, dist.name AS district_name, k.operator_enterprise_id, oe.name AS operator_enterprise_name,
  oe.credit_code AS operator_credit_code, k.operator_name, k.chain_id, c.name AS chain_name, k.description, k.version, k.created_at, k.updated_at,
  (SELECT count(*) FROM designation d WHERE d.carrier_id = k.id AND ${holdsOnSql('d.status', 'd.expires_on', 'CAST(:today AS date)')})::int AS holding_count`;

const toDto = (r: Record<string, unknown>): CarrierDto => ({
  id: r.id as string,
  kind: r.kind as CarrierKind,
  kindLabel: CARRIER_KIND_LABELS[r.kind as CarrierKind] ?? (r.kind as string),
  name: r.name as string,
  districtCode: r.district_code as string,
  districtName: (r.district_name as string) ?? null,
  operatorEnterpriseId: (r.operator_enterprise_id as string) ?? null,
  operatorEnterpriseName: (r.operator_enterprise_name as string) ?? null,
  operatorCreditCode: (r.operator_credit_code as string) ?? null,
  operatorName: (r.operator_name as string) ?? null,
  chainId: (r.chain_id as string) ?? null,
  chainName: (r.chain_name as string) ?? null,
  description: (r.description as string) ?? null,
  holdingCount: Number(r.holding_count ?? 0),
  version: Number(r.version),
  createdAt: r.created_at as Date,
  updatedAt: r.updated_at as Date,
});

/**
 * Carriers (载体): parks, products, platforms, industry brains and their apps that hold recognitions.
 * Scope as for enterprises, by the carrier's district: district officers their districts; liaisons none.
 */
@Injectable()
export class CarrierService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly enterprises: EnterpriseService,
    private readonly designations: DesignationQueryService,
  ) {}

  private base(manager: EntityManager = this.dataSource.manager) {
    return manager
      .createQueryBuilder(CarrierEntity, 'k')
      .leftJoin('district', 'dist', 'dist.code = k.district_code')
      .leftJoin('enterprise', 'oe', 'oe.id = k.operator_enterprise_id')
      .leftJoin('chain', 'c', 'c.id = k.chain_id')
      .select(COLUMNS)
      .setParameter('today', todayInChina());
  }

  async list(actor: Actor, query: ListCarriersQueryDto): Promise<Paginated<CarrierDto>> {
    const qb = this.base();
    const scope = enterpriseScopeCondition('k', actor);
    if (scope.sql !== 'TRUE') qb.andWhere(scope.sql, scope.params);
    if (query.kind) qb.andWhere('k.kind = :kind', { kind: query.kind });
    if (query.districtCode) qb.andWhere('k.district_code = :district', { district: query.districtCode });
    if (query.q) qb.andWhere(`k.name ILIKE :q`, { q: `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` });
    const [column, direction] = parseSort(query.sort, SORTABLE, 'k.created_at DESC').split(' ');
    qb.orderBy(column, direction as 'ASC' | 'DESC').addOrderBy('k.id', 'ASC');
    const total = await qb.getCount();
    const rows = await qb.offset((query.page - 1) * query.pageSize).limit(query.pageSize).getRawMany();
    return paginated(rows.map(toDto), query.page, query.pageSize, total);
  }

  async get(actor: Actor, id: string): Promise<CarrierDetailDto> {
    const manager = this.dataSource.manager;
    await this.findInScope(manager, actor, id);
    return this.view(manager, id);
  }

  /** In `outer` (an import's transaction) when given, else in its own transaction. */
  async create(actor: Actor, dto: CreateCarrierDto, outer?: EntityManager): Promise<CarrierDetailDto> {
    assertDistrictInScope(actor, dto.districtCode);
    return this.inTransaction(outer, async (manager) => {
      await this.checkRefs(manager, actor, dto);
      const saved = await manager.save(
        manager.create(CarrierEntity, {
          kind: dto.kind,
          name: dto.name.trim(),
          districtCode: dto.districtCode,
          operatorEnterpriseId: dto.operatorEnterpriseId ?? null,
          operatorName: dto.operatorName?.trim() || null,
          chainId: dto.chainId ?? null,
          description: dto.description ?? null,
        }),
      );
      const view = await this.view(manager, saved.id);
      await this.audit.record(manager, actor, { action: 'carrier.create', entityType: 'carrier', entityId: saved.id, after: { ...view, designations: undefined } });
      return view;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateCarrierDto, outer?: EntityManager): Promise<CarrierDetailDto> {
    return this.inTransaction(outer, async (manager) => {
      const carrier = await this.findInScope(manager, actor, id, true);
      if (carrier.version !== dto.version) throw AppException.versionConflict('载体', dto.version, carrier.version);
      if (dto.districtCode !== undefined) assertDistrictInScope(actor, dto.districtCode);
      await this.checkRefs(manager, actor, dto);
      const before = await this.view(manager, id);
      if (dto.name !== undefined) carrier.name = dto.name.trim();
      if (dto.districtCode !== undefined) carrier.districtCode = dto.districtCode;
      if (dto.operatorEnterpriseId !== undefined) carrier.operatorEnterpriseId = dto.operatorEnterpriseId ?? null;
      if (dto.operatorName !== undefined) carrier.operatorName = dto.operatorName?.trim() || null;
      if (dto.chainId !== undefined) carrier.chainId = dto.chainId ?? null;
      if (dto.description !== undefined) carrier.description = dto.description ?? null;
      await manager.save(carrier);
      const after = await this.view(manager, id);
      await this.audit.record(manager, actor, {
        action: 'carrier.update',
        entityType: 'carrier',
        entityId: id,
        before: { ...before, designations: undefined },
        after: { ...after, designations: undefined },
      });
      return after;
    });
  }

  private inTransaction<T>(outer: EntityManager | undefined, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return outer ? work(outer) : this.dataSource.transaction(work);
  }

  /** What `create` would refuse (district, operator, chain, scope), checked without writing: an import's dry run. */
  async checkDraft(manager: EntityManager, actor: Actor, dto: Partial<CreateCarrierDto>, existingId: string | null): Promise<void> {
    if (existingId) await this.findInScope(manager, actor, existingId);
    if (dto.districtCode) assertDistrictInScope(actor, dto.districtCode);
    await this.checkRefs(manager, actor, dto);
  }

  async findOrFail(manager: EntityManager, id: string, lock = false): Promise<CarrierEntity> {
    const carrier = await manager.findOne(CarrierEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!carrier) throw carrierNotFound(id);
    return carrier;
  }

  /** A carrier outside the actor's scope is not found (404 CARRIER_NOT_FOUND), as one that does not exist. */
  async findInScope(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<CarrierEntity> {
    const carrier = await this.findOrFail(manager, id, lock);
    if (!canReadEnterprise(actor, carrier)) throw carrierNotFound(id);
    return carrier;
  }

  private async view(manager: EntityManager, id: string): Promise<CarrierDetailDto> {
    const row = await this.base(manager).where('k.id = :id', { id }).getRawOne();
    if (!row) throw carrierNotFound(id);
    return { ...toDto(row), designations: await this.designations.forCarrier(id, manager) };
  }

  private async checkRefs(manager: EntityManager, actor: Actor, dto: Partial<CreateCarrierDto>): Promise<void> {
    if (dto.districtCode) {
      const district = await manager.findOneBy(DistrictEntity, { code: dto.districtCode });
      if (!district || district.retired || district.kind === DistrictKind.CITY || district.kind === DistrictKind.FUNCTIONAL_ZONE) {
        throw AppException.field(ErrorCode.DISTRICT_UNKNOWN, 'districtCode', `没有区县代码 ${dto.districtCode} (unknown district)`);
      }
    }
    if (dto.operatorEnterpriseId) {
      // The operator must be an enterprise the actor can see: a district officer cannot name another district's firm.
      try {
        await this.enterprises.findInScope(manager, actor, dto.operatorEnterpriseId);
      } catch {
        throw AppException.field(ErrorCode.ENTERPRISE_NOT_FOUND, 'operatorEnterpriseId', `找不到运营企业 ${dto.operatorEnterpriseId} (operator not found)`);
      }
    }
    if (dto.chainId && !(await manager.existsBy(ChainEntity, { id: dto.chainId }))) throw chainNotFound(dto.chainId);
  }
}
