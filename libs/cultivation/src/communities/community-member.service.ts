import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';

import { AuditService } from '@app/audit';
import { Actor, AppException, canWriteEnterprise, COMMUNITY_STATUS_LABELS, CommunityStatus, ErrorCode, todayInChina } from '@app/core';
import { EnterpriseService } from '@app/registry';

import { communityNotFound, futureDate } from '../cultivation.errors';
import { CommunityMemberEntity } from '../entities/community-member.entity';
import { CommunityEntity } from '../entities/community.entity';
import { AddCommunityMemberDto, CommunityMemberDto, EnterpriseCommunityDto, LeaveCommunityDto } from './community.dto';
import { CommunityService, toMemberDto } from './community.service';

/** Membership spells: joining adds a row, leaving closes it; a rejoin is a new row, so history stays. */
@Injectable()
export class CommunityMemberService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly communities: CommunityService,
    private readonly enterprises: EnterpriseService,
  ) {}

  async list(actor: Actor, communityId: string): Promise<CommunityMemberDto[]> {
    return (await this.communities.get(actor, communityId)).members;
  }

  /** Every community spell of one enterprise, any role, current ones first; an enterprise outside the actor's scope is not found. */
  async forEnterprise(actor: Actor, enterpriseId: string): Promise<EnterpriseCommunityDto[]> {
    await this.enterprises.findInScope(this.dataSource.manager, actor, enterpriseId);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT cm.*, e.name AS enterprise_name, k.name AS community_name, k.status AS community_status, k.chain_id, c.name AS chain_name ` +
        `FROM community_member cm JOIN enterprise e ON e.id = cm.enterprise_id JOIN community k ON k.id = cm.community_id JOIN chain c ON c.id = k.chain_id ` +
        `WHERE cm.enterprise_id = $1 ORDER BY (cm.left_on IS NULL) DESC, k.name, cm.joined_on DESC, cm.id`,
      [enterpriseId],
    );
    return rows.map((r) => ({
      ...toMemberDto(r),
      communityName: r.community_name as string,
      chainId: r.chain_id as string,
      chainName: r.chain_name as string,
      communityStatus: r.community_status as CommunityStatus,
      communityStatusLabel: COMMUNITY_STATUS_LABELS[r.community_status as CommunityStatus],
    }));
  }

  async join(actor: Actor, communityId: string, dto: AddCommunityMemberDto): Promise<CommunityMemberDto> {
    const today = todayInChina();
    const joinedOn = dto.joinedOn ?? today;
    if (joinedOn > today) throw futureDate('joinedOn', joinedOn, today);
    return this.dataSource.transaction(async (manager) => {
      const community = await manager.findOne(CommunityEntity, { where: { id: communityId }, lock: { mode: 'pessimistic_write' } });
      if (!community) throw communityNotFound(communityId);
      await this.communities.get(actor, communityId, manager); // 404 COMMUNITY_NOT_FOUND when not visible to the actor
      if (community.status === CommunityStatus.DISSOLVED) throw AppException.conflict(ErrorCode.COMMUNITY_DISSOLVED, '共同体已解散,不能加入新成员 (community dissolved)');
      const enterprise = await this.enterprises.findInScope(manager, actor, dto.enterpriseId);
      const current = await manager.findOneBy(CommunityMemberEntity, { communityId, enterpriseId: dto.enterpriseId, leftOn: IsNull() });
      if (current) {
        throw AppException.conflict(ErrorCode.COMMUNITY_MEMBER_DUPLICATE, `${enterprise.name} 已是该共同体成员 (already a member)`, { existingId: current.id });
      }
      const saved = await manager.save(manager.create(CommunityMemberEntity, { communityId, enterpriseId: dto.enterpriseId, role: dto.role, joinedOn }));
      const view = (await this.communities.get(actor, communityId, manager)).members.find((m) => m.id === saved.id)!;
      await this.audit.record(manager, actor, { action: 'community_member.join', entityType: 'community_member', entityId: saved.id, enterpriseId: dto.enterpriseId, after: view });
      return view;
    });
  }

  async leave(actor: Actor, communityId: string, memberId: string, dto: LeaveCommunityDto): Promise<CommunityMemberDto> {
    const today = todayInChina();
    const leftOn = dto.leftOn ?? today;
    if (leftOn > today) throw futureDate('leftOn', leftOn, today);
    return this.dataSource.transaction(async (manager) => {
      const member = await manager.findOne(CommunityMemberEntity, { where: { id: memberId, communityId }, lock: { mode: 'pessimistic_write' } });
      // A member outside the actor's scope reads as absent.
      if (!member || !canWriteEnterprise(actor, await this.enterprises.findOrFail(manager, member.enterpriseId))) {
        throw AppException.notFound(ErrorCode.COMMUNITY_MEMBER_NOT_FOUND, `该共同体没有成员记录 ${memberId} (member not found)`);
      }
      if (member.leftOn) throw AppException.conflict(ErrorCode.CONFLICT, `该成员已于 ${member.leftOn} 退出 (already left)`);
      if (leftOn < member.joinedOn) throw AppException.field(ErrorCode.DATE_OUT_OF_ORDER, 'leftOn', `退出日期不能早于加入日期 ${member.joinedOn} (leftOn before joinedOn)`);
      member.leftOn = leftOn;
      await manager.save(member);
      const view = (await this.communities.get(actor, communityId, manager)).members.find((m) => m.id === memberId)!;
      await this.audit.record(manager, actor, { action: 'community_member.leave', entityType: 'community_member', entityId: memberId, enterpriseId: member.enterpriseId, after: view });
      return view;
    });
  }
}
