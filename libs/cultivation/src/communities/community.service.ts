import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { AuditService } from '@app/audit';
import {
  Actor,
  AppException,
  canWriteEnterprise,
  COMMUNITY_ROLE_LABELS,
  COMMUNITY_STATUS_LABELS,
  CommunityRole,
  CommunityStatus,
  ErrorCode,
  paginated,
  Paginated,
  todayInChina,
} from '@app/core';
import { EnterpriseService } from '@app/registry';

import { scopeSql } from '../common/scope';
import { ChainService } from '../chains/chain.service';
import { communityNotFound, futureDate } from '../cultivation.errors';
import { CommunityEntity } from '../entities/community.entity';
import { assertChainLeader, checkCommunityTransition } from './community-rules';
import { CommunityDetailDto, CommunityDto, CommunityMemberDto, CreateCommunityDto, ListCommunitiesQueryDto, UpdateCommunityDto } from './community.dto';

const SELECT =
  `SELECT k.*, c.name AS chain_name, e.name AS lead_name, ` +
  `(SELECT count(*)::int FROM community_member cm WHERE cm.community_id = k.id AND cm.left_on IS NULL) AS active_members ` +
  `FROM community k JOIN chain c ON c.id = k.chain_id JOIN enterprise e ON e.id = k.lead_enterprise_id`;

const pad = (n: number) => String(n).padStart(2, '0');

// node-pg turns a `date` into local midnight, so read it back with local getters (never toISOString).
const dateText = (v: unknown) =>
  v === null || v === undefined ? null : v instanceof Date ? `${v.getFullYear()}-${pad(v.getMonth() + 1)}-${pad(v.getDate())}` : String(v);

/**
 * A community is visible to a scoped actor (district officer, liaison) when its lead enterprise
 * (alias `e`) or any of its members, current or past, is in their scope. Appends to `params`.
 */
function visibleSql(actor: Actor, params: unknown[]): string {
  const lead = scopeSql('e', actor, params);
  if (lead === 'TRUE') return 'TRUE';
  const member = scopeSql('me', actor, params);
  return `(${lead} OR EXISTS (SELECT 1 FROM community_member vm JOIN enterprise me ON me.id = vm.enterprise_id WHERE vm.community_id = k.id AND ${member}))`;
}

const leadOutOfScope = () => {
  const message = '该共同体的牵头企业不在您的管辖范围内,请由牵头企业所在区县或市局修改 (the lead enterprise is outside your scope)';
  return new AppException(HttpStatus.FORBIDDEN, ErrorCode.OUT_OF_SCOPE, message, [{ field: 'leadEnterpriseId', code: ErrorCode.OUT_OF_SCOPE, message }]);
};

/** 产业链上下游企业共同体: created around a chain leader, then formed and maybe dissolved. */
@Injectable()
export class CommunityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly chains: ChainService,
    private readonly enterprises: EnterpriseService,
  ) {}

  async list(actor: Actor, query: ListCommunitiesQueryDto): Promise<Paginated<CommunityDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const visible = visibleSql(actor, params);
    if (visible !== 'TRUE') where.push(visible);
    if (query.chainId) where.push(`k.chain_id = $${params.push(query.chainId)}`);
    if (query.status) where.push(`k.status = $${params.push(query.status)}`);
    const filter = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM community k JOIN enterprise e ON e.id = k.lead_enterprise_id${filter}`, params);
    const rows = await this.dataSource.query(
      `${SELECT}${filter} ORDER BY k.created_at DESC, k.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return paginated(rows.map(toCommunityDto), query.page, query.pageSize, total);
  }

  /**
   * One community with its membership spells. Not visible to the actor → 404 COMMUNITY_NOT_FOUND;
   * a scoped actor sees only the members in their scope (`activeMemberCount` stays the community's own).
   */
  async get(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<CommunityDetailDto> {
    const params: unknown[] = [id];
    const [row] = await manager.query(`${SELECT} WHERE k.id = $1 AND ${visibleSql(actor, params)}`, params);
    if (!row) throw communityNotFound(id);
    const memberParams: unknown[] = [id];
    const memberScope = scopeSql('e', actor, memberParams);
    const members = await manager.query(
      `SELECT cm.*, e.name AS enterprise_name FROM community_member cm JOIN enterprise e ON e.id = cm.enterprise_id ` +
        `WHERE cm.community_id = $1 AND ${memberScope} ORDER BY cm.joined_on, cm.created_at`,
      memberParams,
    );
    return { ...toCommunityDto(row), members: members.map(toMemberDto) };
  }

  async create(actor: Actor, dto: CreateCommunityDto): Promise<CommunityDetailDto> {
    const today = todayInChina();
    const status = dto.status ?? CommunityStatus.PLANNED;
    if (status === CommunityStatus.DISSOLVED) throw AppException.field(ErrorCode.VALIDATION_FAILED, 'status', '新建的共同体只能是筹建中或已组建 (create as PLANNED or FORMED)');
    if (status === CommunityStatus.FORMED && !dto.formedOn) throw AppException.field(ErrorCode.VALIDATION_FAILED, 'formedOn', '已组建的共同体须填写组建日期 formedOn (formedOn required)');
    for (const field of ['plannedOn', 'formedOn'] as const) if (dto[field] && dto[field]! > today) throw futureDate(field, dto[field]!, today);
    return this.dataSource.transaction(async (manager) => {
      await this.chains.findOrFail(manager, dto.chainId);
      await this.enterprises.findInScope(manager, actor, dto.leadEnterpriseId);
      await assertChainLeader(manager, dto.leadEnterpriseId, dto.chainId, today);
      const saved = await manager.save(
        manager.create(CommunityEntity, {
          name: dto.name.trim(),
          chainId: dto.chainId,
          leadEnterpriseId: dto.leadEnterpriseId,
          status,
          plannedOn: dto.plannedOn ?? (status === CommunityStatus.PLANNED ? today : null),
          formedOn: status === CommunityStatus.FORMED ? dto.formedOn! : null,
          description: dto.description ?? '',
        }),
      );
      const view = await this.get(actor, saved.id, manager);
      await this.audit.record(manager, actor, { action: 'community.create', entityType: 'community', entityId: saved.id, after: { ...view, members: undefined } });
      return view;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateCommunityDto): Promise<CommunityDetailDto> {
    const today = todayInChina();
    for (const field of ['plannedOn', 'formedOn', 'dissolvedOn'] as const) if (dto[field] && dto[field]! > today) throw futureDate(field, dto[field]!, today);
    return this.dataSource.transaction(async (manager) => {
      const community = await manager.findOne(CommunityEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!community) throw communityNotFound(id);
      // Invisible → 404 as if absent (checked before the version); visible through a member only → 403: the lead's side edits it.
      const before = await this.get(actor, id, manager);
      if (!canWriteEnterprise(actor, await this.enterprises.findOrFail(manager, community.leadEnterpriseId))) throw leadOutOfScope();
      if (community.version !== dto.version) throw AppException.versionConflict('共同体', dto.version, community.version);
      if (dto.status && dto.status !== community.status) {
        checkCommunityTransition(community.status, dto.status);
        if (dto.status === CommunityStatus.FORMED) community.formedOn = dto.formedOn ?? today;
        if (dto.status === CommunityStatus.DISSOLVED) community.dissolvedOn = dto.dissolvedOn ?? today;
        community.status = dto.status;
      } else {
        if (dto.formedOn) community.formedOn = dto.formedOn;
        if (dto.dissolvedOn) community.dissolvedOn = dto.dissolvedOn;
      }
      if (dto.leadEnterpriseId && dto.leadEnterpriseId !== community.leadEnterpriseId) {
        await this.enterprises.findInScope(manager, actor, dto.leadEnterpriseId);
        await assertChainLeader(manager, dto.leadEnterpriseId, community.chainId, today);
        community.leadEnterpriseId = dto.leadEnterpriseId;
      }
      if (dto.name !== undefined) community.name = dto.name.trim();
      if (dto.description !== undefined) community.description = dto.description;
      if (dto.plannedOn !== undefined) community.plannedOn = dto.plannedOn;
      if (community.formedOn && community.dissolvedOn && community.dissolvedOn < community.formedOn) {
        throw AppException.field(ErrorCode.DATE_OUT_OF_ORDER, 'dissolvedOn', '解散日期不能早于组建日期 (dissolvedOn before formedOn)');
      }
      await manager.save(community);
      const after = await this.get(actor, id, manager);
      await this.audit.record(manager, actor, {
        action: 'community.update',
        entityType: 'community',
        entityId: id,
        before: { ...before, members: undefined },
        after: { ...after, members: undefined },
      });
      return after;
    });
  }
}

function toCommunityDto(r: Record<string, unknown>): CommunityDto {
  return {
    id: r.id as string,
    name: r.name as string,
    chainId: r.chain_id as string,
    chainName: r.chain_name as string,
    leadEnterpriseId: r.lead_enterprise_id as string,
    leadEnterpriseName: r.lead_name as string,
    status: r.status as CommunityStatus,
    statusLabel: COMMUNITY_STATUS_LABELS[r.status as CommunityStatus],
    plannedOn: dateText(r.planned_on),
    formedOn: dateText(r.formed_on),
    dissolvedOn: dateText(r.dissolved_on),
    description: r.description as string,
    activeMemberCount: r.active_members as number,
    version: Number(r.version),
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
  };
}

export function toMemberDto(r: Record<string, unknown>): CommunityMemberDto {
  const leftOn = dateText(r.left_on);
  return {
    id: r.id as string,
    communityId: r.community_id as string,
    enterpriseId: r.enterprise_id as string,
    enterpriseName: r.enterprise_name as string,
    role: r.role as CommunityRole,
    roleLabel: COMMUNITY_ROLE_LABELS[r.role as CommunityRole],
    joinedOn: dateText(r.joined_on)!,
    leftOn,
    active: leftOn === null,
  };
}
