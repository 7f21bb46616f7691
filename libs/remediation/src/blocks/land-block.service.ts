import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

import { AuditService } from '@app/audit';
import { Actor, AppException, assertDistrictInScope, ErrorCode, paginated, Paginated } from '@app/core';
import { DistrictEntity } from '@app/reference';

import { LandBlockEntity } from '../entities/land-block.entity';
import { OPEN_STATUSES } from '../remediation-enums';
import { blockInUse, blockNameTaken, blockNotFound } from '../remediation.errors';
import { blockScopeSql, canReachBlock } from '../scope';
import { CreateLandBlockDto, LandBlockDto, ListLandBlocksQueryDto, UpdateLandBlockDto } from './land-block.dto';

interface BlockRow {
  id: string;
  name: string;
  district_code: string;
  district_name: string | null;
  area_mu: string;
  location: string;
  longitude: string | null;
  latitude: string | null;
  note: string | null;
  open_cases: number;
  version: number;
}

const toDto = (r: BlockRow): LandBlockDto => ({
  id: r.id,
  name: r.name,
  districtCode: r.district_code,
  districtName: r.district_name ?? r.district_code,
  areaMu: Number(r.area_mu),
  location: r.location,
  longitude: r.longitude === null ? null : Number(r.longitude),
  latitude: r.latitude === null ? null : Number(r.latitude),
  note: r.note,
  openCases: Number(r.open_cases),
  version: r.version,
});

const SELECT = `SELECT b.id, b.name, b.district_code, d.name AS district_name, b.area_mu, b.location, b.longitude, b.latitude, b.note, b.version,
    (SELECT count(*)::int FROM remediation_case c WHERE c.block_id = b.id AND c.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})) AS open_cases
  FROM land_block b LEFT JOIN district d ON d.code = b.district_code`;

/** Land blocks (低效用地区块): a district officer records and sees their districts' blocks. */
@Injectable()
export class LandBlockService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: ListLandBlocksQueryDto): Promise<Paginated<LandBlockDto>> {
    const params: unknown[] = [];
    const where = [blockScopeSql(actor, params)];
    if (query.districtCode) where.push(`b.district_code = $${params.push(query.districtCode)}`);
    if (query.q?.trim()) where.push(`(b.name ILIKE $${params.push(`%${query.q.trim()}%`)} OR b.location ILIKE $${params.length})`);
    const filter = where.join(' AND ');
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM land_block b WHERE ${filter}`, params);
    const rows: BlockRow[] = await this.dataSource.query(
      `${SELECT} WHERE ${filter} ORDER BY b.district_code, b.name LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    return paginated(rows.map(toDto), query.page, query.pageSize, total);
  }

  async get(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<LandBlockDto> {
    const [row]: BlockRow[] = await manager.query(`${SELECT} WHERE b.id = $1`, [id]);
    if (!row || !canReachBlock(actor, { districtCode: row.district_code })) throw blockNotFound(id);
    return toDto(row);
  }

  /** A block the actor may reach, locked for a change (out of scope reads as absent). */
  async findInScope(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<LandBlockEntity> {
    const block = await manager.findOne(LandBlockEntity, { where: { id }, lock: lock ? { mode: 'pessimistic_write' } : undefined });
    if (!block || !canReachBlock(actor, block)) throw blockNotFound(id);
    return block;
  }

  async create(actor: Actor, dto: CreateLandBlockDto, manager?: EntityManager): Promise<LandBlockDto> {
    assertDistrictInScope(actor, dto.districtCode);
    const work = async (m: EntityManager) => {
      const district = await m.findOneBy(DistrictEntity, { code: dto.districtCode });
      if (!district) throw AppException.field(ErrorCode.DISTRICT_UNKNOWN, 'districtCode', `区县代码 ${dto.districtCode} 不存在 (unknown district)`);
      await this.checkName(m, dto.name.trim());
      const saved = await m.save(
        m.create(LandBlockEntity, {
          name: dto.name.trim(),
          districtCode: dto.districtCode,
          areaMu: String(dto.areaMu),
          location: dto.location.trim(),
          longitude: dto.longitude === undefined ? null : String(dto.longitude),
          latitude: dto.latitude === undefined ? null : String(dto.latitude),
          note: dto.note?.trim() || null,
        }),
      );
      const view = await this.get(actor, saved.id, m);
      await this.audit.record(m, actor, { action: 'land_block.create', entityType: 'land_block', entityId: saved.id, after: view });
      return view;
    };
    try {
      return manager ? await work(manager) : await this.dataSource.transaction(work);
    } catch (error) {
      throw translateNameViolation(error, dto.name.trim());
    }
  }

  async update(actor: Actor, id: string, dto: UpdateLandBlockDto): Promise<LandBlockDto> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const block = await this.findInScope(m, actor, id, true);
        if (block.version !== dto.version) throw AppException.versionConflict('区块', dto.version, block.version);
        const before = await this.get(actor, id, m);
        if (dto.name !== undefined && dto.name.trim() !== block.name) {
          await this.checkName(m, dto.name.trim());
          block.name = dto.name.trim();
        }
        if (dto.areaMu !== undefined) block.areaMu = String(dto.areaMu);
        if (dto.location !== undefined) block.location = dto.location.trim();
        if (dto.longitude !== undefined) block.longitude = String(dto.longitude);
        if (dto.latitude !== undefined) block.latitude = String(dto.latitude);
        if (dto.note !== undefined) block.note = dto.note.trim() || null;
        await m.save(block);
        const after = await this.get(actor, id, m);
        await this.audit.record(m, actor, { action: 'land_block.update', entityType: 'land_block', entityId: id, before, after });
        return after;
      });
    } catch (error) {
      throw translateNameViolation(error, dto.name?.trim() ?? '');
    }
  }

  /** Only a block without cases may go: a case's history names its block forever. */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await this.findInScope(m, actor, id, true);
      const before = await this.get(actor, id, m);
      const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM remediation_case WHERE block_id = $1`, [id]);
      if (n > 0) throw blockInUse(n);
      await m.delete(LandBlockEntity, { id });
      await this.audit.record(m, actor, { action: 'land_block.delete', entityType: 'land_block', entityId: id, before });
    });
  }

  private async checkName(m: EntityManager, name: string): Promise<void> {
    if (await m.existsBy(LandBlockEntity, { name })) throw blockNameTaken(name);
  }
}

function translateNameViolation(error: unknown, name: string): unknown {
  if (error instanceof QueryFailedError) {
    const pg = error.driverError as { code?: string; constraint?: string };
    if (pg.code === '23505' && pg.constraint === 'uq_land_block_name') return blockNameTaken(name);
  }
  return error;
}
