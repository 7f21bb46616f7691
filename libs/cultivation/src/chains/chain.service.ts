import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { AuditService } from '@app/audit';
import { Actor, AppException, ErrorCode } from '@app/core';
import { ChainDto, ChainEntity } from '@app/reference';

import { chainNotFound } from '../cultivation.errors';
import { CreateChainDto, UpdateChainDto } from './chain-write.dto';

const toDto = ({ createdAt: _c, updatedAt: _u, ...chain }: ChainEntity): ChainDto => chain;

const codeTaken = (code: string) => AppException.conflict(ErrorCode.CHAIN_CODE_DUPLICATE, `产业链代码 ${code} 已存在 (chain code taken)`);

/** The signature chains: reference data staff create and edit. */
@Injectable()
export class ChainService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(_actor: Actor): Promise<ChainDto[]> {
    const rows = await this.dataSource.getRepository(ChainEntity).find({ order: { sortOrder: 'ASC', code: 'ASC' } });
    return rows.map(toDto);
  }

  async get(_actor: Actor, id: string): Promise<ChainDto> {
    return toDto(await this.findOrFail(this.dataSource.manager, id));
  }

  async create(actor: Actor, dto: CreateChainDto): Promise<ChainDto> {
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(ChainEntity, { code: dto.code })) throw codeTaken(dto.code);
      const saved = await manager.save(
        manager.create(ChainEntity, {
          code: dto.code,
          name: dto.name.trim(),
          description: dto.description ?? '',
          leadUnit: dto.leadUnit ?? null,
          promotionAgency: dto.promotionAgency ?? null,
          provisional: dto.provisional ?? false,
          confirmedBy: dto.confirmedBy ?? '',
          sortOrder: dto.sortOrder ?? 0,
        }),
      );
      const view = toDto(saved);
      await this.audit.record(manager, actor, { action: 'chain.create', entityType: 'chain', entityId: saved.id, after: view });
      return view;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateChainDto): Promise<ChainDto> {
    return this.dataSource.transaction(async (manager) => {
      const chain = await this.findOrFail(manager, id, true);
      if (chain.version !== dto.version) throw AppException.versionConflict('产业链', dto.version, chain.version);
      if (dto.code && dto.code !== chain.code && (await manager.existsBy(ChainEntity, { code: dto.code }))) throw codeTaken(dto.code);
      const before = toDto(chain);
      const { version: _v, ...changes } = dto;
      for (const [key, value] of Object.entries(changes)) {
        if (value !== undefined) (chain as unknown as Record<string, unknown>)[key] = typeof value === 'string' ? value.trim() : value;
      }
      const after = toDto(await manager.save(chain));
      await this.audit.record(manager, actor, { action: 'chain.update', entityType: 'chain', entityId: id, before, after });
      return after;
    });
  }

  async findOrFail(manager: EntityManager, id: string, lock = false): Promise<ChainEntity> {
    const chain = await manager.findOne(ChainEntity, { where: { id }, lock: lock ? { mode: 'pessimistic_write' } : undefined });
    if (!chain) throw chainNotFound(id);
    return chain;
  }
}
