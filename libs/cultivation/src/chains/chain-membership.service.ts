import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';

import { AuditService } from '@app/audit';
import { Actor, AppException, canWriteEnterprise, ErrorCode, holdsOnSql, paginated, Paginated, todayInChina } from '@app/core';
import { CHAIN_STAGE_LABELS, ChainStage } from '@app/reference';
import { EnterpriseService } from '@app/registry';

import { scopeSql } from '../common/scope';
import { futureDate } from '../cultivation.errors';
import { ChainMembershipEntity } from '../entities/chain-membership.entity';
import { AddChainMemberDto, ChainMemberDto, EnterpriseChainMembershipDto, ListChainMembersQueryDto } from './chain-membership.dto';
import { ChainSegmentService } from './chain-segment.service';
import { ChainService } from './chain.service';

const toDto = (r: Record<string, unknown>): ChainMemberDto => ({
  id: r.id as string,
  chainId: r.chain_id as string,
  enterpriseId: r.enterprise_id as string,
  enterpriseName: r.enterprise_name as string,
  creditCode: r.credit_code as string,
  districtCode: r.district_code as string,
  segmentId: (r.segment_id as string) ?? null,
  segmentCode: (r.segment_code as string) ?? null,
  segmentName: (r.segment_name as string) ?? null,
  stage: (r.stage as ChainStage) ?? null,
  stageLabel: r.stage ? CHAIN_STAGE_LABELS[r.stage as ChainStage] : null,
  mainProducts: (r.main_products as string) ?? null,
  joinedOn: (r.joined_on as string) ?? null,
  keyEnterprise: r.key_enterprise as boolean,
  version: Number(r.version),
  createdAt: r.created_at as Date,
});

const SELECT =
  `SELECT m.id, m.chain_id, m.enterprise_id, e.name AS enterprise_name, e.credit_code, e.district_code, m.segment_id, s.code AS segment_code, ` +
  `s.name AS segment_name, s.stage, m.main_products, m.joined_on::text, m.key_enterprise, m.version, m.created_at ` +
  `FROM chain_membership m JOIN enterprise e ON e.id = m.enterprise_id LEFT JOIN chain_segment s ON s.id = m.segment_id`;

const memberNotFound = (memberId: string) => AppException.notFound(ErrorCode.CHAIN_MEMBER_NOT_FOUND, `该产业链上没有成员 ${memberId} (membership not found)`);

/** Which enterprises sit on a chain, and where. */
@Injectable()
export class ChainMembershipService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly chains: ChainService,
    private readonly segments: ChainSegmentService,
    private readonly enterprises: EnterpriseService,
  ) {}

  /**
   * One page of the chain's current members. The chain is reference data, its members are not: only members in
   * the actor's scope are listed and counted. Filters: a held tier on this chain, a segment (with its
   * sub-segments), a stage, a keyword on name or credit code.
   */
  async list(actor: Actor, chainId: string, query: ListChainMembersQueryDto): Promise<Paginated<ChainMemberDto>> {
    await this.chains.findOrFail(this.dataSource.manager, chainId);
    const params: unknown[] = [chainId];
    const where = ['m.chain_id = $1', 'm.left_on IS NULL', scopeSql('e', actor, params)];
    if (query.tier) {
      params.push(query.tier, todayInChina());
      where.push(
        `EXISTS (SELECT 1 FROM designation d WHERE d.enterprise_id = m.enterprise_id AND d.chain_id = m.chain_id AND d.type = $${params.length - 1} ` +
          `AND ${holdsOnSql('d.status', 'd.expires_on', `$${params.length}::date`)})`,
      );
    }
    if (query.segmentId) {
      await this.segments.findOrFail(this.dataSource.manager, chainId, query.segmentId);
      params.push(query.segmentId);
      where.push(
        `m.segment_id IN (WITH RECURSIVE sub AS (SELECT id FROM chain_segment WHERE id = $${params.length} ` +
          `UNION ALL SELECT c.id FROM chain_segment c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub)`,
      );
    }
    if (query.stage) where.push(`s.stage = $${params.push(query.stage)}`);
    const keyword = query.keyword?.trim();
    if (keyword) {
      const like = `%${keyword.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
      where.push(`(e.name ILIKE $${params.push(like)} OR e.credit_code ILIKE $${params.length})`);
    }
    const condition = where.join(' AND ');
    const from = 'FROM chain_membership m JOIN enterprise e ON e.id = m.enterprise_id LEFT JOIN chain_segment s ON s.id = m.segment_id';
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total ${from} WHERE ${condition}`, params);
    const rows = await this.dataSource.query(
      `${SELECT} WHERE ${condition} ORDER BY s.stage NULLS LAST, s.sort_order, e.name, m.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return paginated(rows.map(toDto), query.page, query.pageSize, total);
  }

  /** Every chain spell of one enterprise, current ones first; an enterprise outside the actor's scope is not found. */
  async forEnterprise(actor: Actor, enterpriseId: string): Promise<EnterpriseChainMembershipDto[]> {
    await this.enterprises.findInScope(this.dataSource.manager, actor, enterpriseId);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT m.id, m.chain_id, c.name AS chain_name, m.segment_id, s.name AS segment_name, s.stage, m.main_products, m.joined_on::text, m.left_on::text, m.key_enterprise ` +
        `FROM chain_membership m JOIN chain c ON c.id = m.chain_id LEFT JOIN chain_segment s ON s.id = m.segment_id ` +
        `WHERE m.enterprise_id = $1 ORDER BY (m.left_on IS NULL) DESC, c.name, m.joined_on DESC NULLS LAST, m.id`,
      [enterpriseId],
    );
    return rows.map((r) => ({
      id: r.id as string,
      chainId: r.chain_id as string,
      chainName: r.chain_name as string,
      segmentId: (r.segment_id as string) ?? null,
      segmentName: (r.segment_name as string) ?? null,
      stage: (r.stage as ChainStage) ?? null,
      stageLabel: r.stage ? CHAIN_STAGE_LABELS[r.stage as ChainStage] : null,
      mainProducts: (r.main_products as string) ?? null,
      joinedOn: (r.joined_on as string) ?? null,
      leftOn: (r.left_on as string) ?? null,
      keyEnterprise: r.key_enterprise as boolean,
      active: r.left_on === null,
    }));
  }

  async add(actor: Actor, chainId: string, dto: AddChainMemberDto): Promise<ChainMemberDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.chains.findOrFail(manager, chainId);
      const enterprise = await this.enterprises.findInScope(manager, actor, dto.enterpriseId);
      if (dto.segmentId) await this.segments.findOrFail(manager, chainId, dto.segmentId);
      const today = todayInChina();
      if (dto.joinedOn && dto.joinedOn > today) throw futureDate('joinedOn', dto.joinedOn, today);
      const existing = await manager.findOneBy(ChainMembershipEntity, { chainId, enterpriseId: dto.enterpriseId, leftOn: IsNull() });
      if (existing) {
        throw AppException.conflict(ErrorCode.CHAIN_MEMBER_DUPLICATE, `${enterprise.name} 已在该产业链上 (already a member of this chain)`, { existingId: existing.id });
      }
      const saved = await manager.save(
        manager.create(ChainMembershipEntity, {
          chainId,
          enterpriseId: dto.enterpriseId,
          segmentId: dto.segmentId ?? null,
          mainProducts: dto.mainProducts?.trim() || null,
          keyEnterprise: dto.keyEnterprise ?? false,
          joinedOn: dto.joinedOn ?? today,
        }),
      );
      const view = await this.getOne(manager, chainId, saved.id);
      await this.audit.record(manager, actor, { action: 'chain_member.add', entityType: 'chain_membership', entityId: saved.id, enterpriseId: dto.enterpriseId, after: view });
      return view;
    });
  }

  async remove(actor: Actor, chainId: string, memberId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.getOne(manager, chainId, memberId);
      // A membership of an enterprise outside the actor's scope reads as absent.
      if (!canWriteEnterprise(actor, { id: before.enterpriseId, districtCode: before.districtCode })) throw memberNotFound(memberId);
      // Leaving is dated, not a delete: chain figures of the days it was a member keep counting it.
      const today = todayInChina();
      await manager.update(ChainMembershipEntity, { id: memberId }, { leftOn: today < (before.joinedOn ?? today) ? before.joinedOn : today });
      await this.audit.record(manager, actor, { action: 'chain_member.remove', entityType: 'chain_membership', entityId: memberId, enterpriseId: before.enterpriseId, before });
    });
  }

  private async getOne(manager: EntityManager, chainId: string, memberId: string): Promise<ChainMemberDto> {
    const [row] = await manager.query(`${SELECT} WHERE m.id = $1 AND m.chain_id = $2 AND m.left_on IS NULL`, [memberId, chainId]);
    if (!row) throw memberNotFound(memberId);
    return toDto(row);
  }
}
