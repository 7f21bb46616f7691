import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { AuditService } from '@app/audit';
import { Actor, AppException, ErrorCode } from '@app/core';
import { CHAIN_STAGE_LABELS, ChainSegmentEntity } from '@app/reference';

import { ChainMembershipEntity } from '../entities/chain-membership.entity';
import { ChainSegmentNodeDto, CreateChainSegmentDto, UpdateChainSegmentDto } from './chain-segment.dto';
import { ChainService } from './chain.service';

const segmentNotFound = (id: string) => AppException.notFound(ErrorCode.SEGMENT_NOT_FOUND, `找不到该产业链的环节 ${id} (segment not found on this chain)`);

const plain = ({ chain: _c, parent: _p, ...s }: ChainSegmentEntity) => s;

/** A chain's segment tree (环节), each node with its stage. */
@Injectable()
export class ChainSegmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly chains: ChainService,
  ) {}

  async tree(_actor: Actor, chainId: string): Promise<ChainSegmentNodeDto[]> {
    await this.chains.findOrFail(this.dataSource.manager, chainId);
    const rows = await this.dataSource.getRepository(ChainSegmentEntity).find({ where: { chainId }, order: { sortOrder: 'ASC', code: 'ASC' } });
    const nodes = new Map<string, ChainSegmentNodeDto>(
      rows.map((s) => [s.id, { id: s.id, code: s.code, name: s.name, stage: s.stage, stageLabel: CHAIN_STAGE_LABELS[s.stage], parentId: s.parentId, sortOrder: s.sortOrder, version: s.version, children: [] }]),
    );
    const roots: ChainSegmentNodeDto[] = [];
    for (const node of nodes.values()) {
      const parent = node.parentId ? nodes.get(node.parentId) : undefined;
      (parent ? parent.children : roots).push(node);
    }
    return roots;
  }

  async create(actor: Actor, chainId: string, dto: CreateChainSegmentDto): Promise<ChainSegmentNodeDto[]> {
    await this.dataSource.transaction(async (manager) => {
      await this.chains.findOrFail(manager, chainId, true);
      if (await manager.existsBy(ChainSegmentEntity, { chainId, code: dto.code })) {
        throw AppException.conflict(ErrorCode.DUPLICATE, `该产业链已有环节代码 ${dto.code} (segment code taken)`);
      }
      if (dto.parentId) await this.findOrFail(manager, chainId, dto.parentId);
      const saved = await manager.save(
        manager.create(ChainSegmentEntity, { chainId, code: dto.code, name: dto.name.trim(), stage: dto.stage, parentId: dto.parentId ?? null, sortOrder: dto.sortOrder ?? 0 }),
      );
      await this.audit.record(manager, actor, { action: 'chain_segment.create', entityType: 'chain_segment', entityId: saved.id, after: plain(saved) });
    });
    return this.tree(actor, chainId);
  }

  async update(actor: Actor, chainId: string, segmentId: string, dto: UpdateChainSegmentDto): Promise<ChainSegmentNodeDto[]> {
    await this.dataSource.transaction(async (manager) => {
      await this.chains.findOrFail(manager, chainId, true);
      const segment = await this.findOrFail(manager, chainId, segmentId, true);
      if (segment.version !== dto.version) throw AppException.versionConflict('产业链环节', dto.version, segment.version);
      const before = plain({ ...segment });
      if (dto.code && dto.code !== segment.code && (await manager.existsBy(ChainSegmentEntity, { chainId, code: dto.code }))) {
        throw AppException.conflict(ErrorCode.DUPLICATE, `该产业链已有环节代码 ${dto.code} (segment code taken)`);
      }
      if (dto.parentId) await this.checkParent(manager, chainId, segmentId, dto.parentId);
      const { version: _v, ...changes } = dto;
      Object.assign(segment, Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v])));
      const saved = await manager.save(segment);
      await this.audit.record(manager, actor, { action: 'chain_segment.update', entityType: 'chain_segment', entityId: segmentId, before, after: plain(saved) });
    });
    return this.tree(actor, chainId);
  }

  /** Refused while members sit on it or it has sub-segments, so nobody loses a placement silently. */
  async remove(actor: Actor, chainId: string, segmentId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.chains.findOrFail(manager, chainId, true);
      const segment = await this.findOrFail(manager, chainId, segmentId);
      const members = await manager.countBy(ChainMembershipEntity, { segmentId });
      const children = await manager.countBy(ChainSegmentEntity, { parentId: segmentId });
      if (members || children) {
        throw AppException.conflict(ErrorCode.SEGMENT_IN_USE, `该环节下还有 ${members} 家成员企业、${children} 个子环节,请先移走 (segment in use)`, { members, children });
      }
      await manager.delete(ChainSegmentEntity, { id: segmentId });
      await this.audit.record(manager, actor, { action: 'chain_segment.delete', entityType: 'chain_segment', entityId: segmentId, before: plain(segment) });
    });
  }

  async findOrFail(manager: EntityManager, chainId: string, segmentId: string, lock = false): Promise<ChainSegmentEntity> {
    const segment = await manager.findOne(ChainSegmentEntity, { where: { id: segmentId, chainId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!segment) throw segmentNotFound(segmentId);
    return segment;
  }

  private async checkParent(manager: EntityManager, chainId: string, segmentId: string, parentId: string): Promise<void> {
    let cursor: string | null = parentId;
    while (cursor) {
      if (cursor === segmentId) throw AppException.field(ErrorCode.VALIDATION_FAILED, 'parentId', '上级环节不能是它自己或它的下级 (parent would make a cycle)');
      cursor = (await this.findOrFail(manager, chainId, cursor)).parentId;
    }
  }
}
