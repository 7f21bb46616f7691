import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';

import { AuditService } from '@app/audit';
import { Actor, AppException, ErrorCode, Role } from '@app/core';

import { UserEntity } from '../entities/user.entity';
import { SAVED_VIEW_STATE_MAX_BYTES, SavedViewPage } from './saved-view-page';
import { CreateSavedViewDto, ListSavedViewsQueryDto, SavedViewDto, UpdateSavedViewDto } from './saved-view.dto';
import { SavedViewEntity } from './saved-view.entity';

/** Roles that may share a view: staff. Everyone may keep personal views. */
const SHARERS: readonly string[] = [Role.BUREAU_STAFF, Role.DISTRICT_STAFF];
/** Roles that see shared views: staff, and the city-wide readers (admin, viewers); a liaison sees none. */
const SHARED_READERS: readonly string[] = [Role.ADMIN, Role.BUREAU_STAFF, Role.DISTRICT_STAFF, Role.VIEWER];

const notFound = (id: string) => AppException.notFound(ErrorCode.SAVED_VIEW_NOT_FOUND, `找不到视图 ${id} (saved view not found)`);

/**
 * Saved views of the console's list pages. Personal views are the owner's alone. A shared view is
 * seen by staff in scope: one saved by city staff by everyone who reads shared views, one saved by a
 * district officer by city-wide readers and the officers of those districts. Only the owner edits.
 */
@Injectable()
export class SavedViewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: ListSavedViewsQueryDto): Promise<SavedViewDto[]> {
    const qb = this.visible(this.dataSource.manager, actor);
    if (query.page) qb.andWhere('v.page = :page', { page: query.page });
    const rows = await qb.orderBy('v.owner_id = :me', 'DESC').addOrderBy('v.page').addOrderBy('v.name').addOrderBy('v.id').limit(500).getRawAndEntities();
    return rows.entities.map((v, i) => this.view(actor, v, rows.raw[i].owner_name));
  }

  async create(actor: Actor, dto: CreateSavedViewDto): Promise<SavedViewDto> {
    this.checkState(dto.state);
    if (dto.shared) this.checkMaySharer(actor);
    return this.dataSource.transaction(async (manager) => {
      await this.checkNameFree(manager, actor.id!, dto.page, dto.name);
      const saved = await manager.save(
        manager.create(SavedViewEntity, {
          ownerId: actor.id!,
          ownerDistrictCodes: actor.role === Role.DISTRICT_STAFF ? actor.districtCodes : [],
          page: dto.page,
          name: dto.name,
          shared: dto.shared ?? false,
          state: dto.state,
        }),
      );
      const view = await this.reload(manager, actor, saved.id);
      await this.audit.record(manager, actor, { action: 'saved_view.create', entityType: 'saved_view', entityId: saved.id, after: this.auditView(view) });
      return view;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateSavedViewDto): Promise<SavedViewDto> {
    if (dto.state !== undefined) this.checkState(dto.state);
    if (dto.shared) this.checkMaySharer(actor);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.lockOwn(manager, actor, id);
      if (row.version !== dto.version) throw AppException.versionConflict('视图', dto.version, row.version);
      if (dto.name !== undefined && dto.name !== row.name) await this.checkNameFree(manager, actor.id!, row.page as SavedViewPage, dto.name);
      const before = this.auditView(await this.reload(manager, actor, id));
      if (dto.name !== undefined) row.name = dto.name;
      if (dto.shared !== undefined) row.shared = dto.shared;
      if (dto.state !== undefined) row.state = dto.state;
      await manager.save(row);
      const view = await this.reload(manager, actor, id);
      await this.audit.record(manager, actor, { action: 'saved_view.update', entityType: 'saved_view', entityId: id, before, after: this.auditView(view) });
      return view;
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockOwn(manager, actor, id);
      const before = this.auditView(await this.reload(manager, actor, id));
      await manager.delete(SavedViewEntity, { id });
      await this.audit.record(manager, actor, { action: 'saved_view.delete', entityType: 'saved_view', entityId: id, before });
    });
  }

  /** Views the actor may see: their own, and shared ones in their scope. */
  private visible(manager: EntityManager, actor: Actor): SelectQueryBuilder<SavedViewEntity> {
    const qb = manager
      .createQueryBuilder(SavedViewEntity, 'v')
      .leftJoin(UserEntity, 'u', 'u.id = v.owner_id')
      .addSelect("COALESCE(NULLIF(u.display_name, ''), u.username)", 'owner_name')
      .setParameter('me', actor.id);
    if (!SHARED_READERS.includes(actor.role)) return qb.where('v.owner_id = :me');
    return qb.where(
      new Brackets((w) => {
        w.where('v.owner_id = :me');
        if (actor.role === Role.DISTRICT_STAFF) {
          w.orWhere("v.shared AND (v.owner_district_codes = '{}' OR v.owner_district_codes && :mine::text[])", { mine: actor.districtCodes });
        } else {
          w.orWhere('v.shared');
        }
      }),
    );
  }

  private async reload(manager: EntityManager, actor: Actor, id: string): Promise<SavedViewDto> {
    const { entities, raw } = await this.visible(manager, actor).andWhere('v.id = :id', { id }).getRawAndEntities();
    if (!entities.length) throw notFound(id);
    return this.view(actor, entities[0], raw[0].owner_name);
  }

  /** Locks the row; 404 when the actor cannot see it, 403 NOT_OWNER when they see it but do not own it. */
  private async lockOwn(manager: EntityManager, actor: Actor, id: string): Promise<SavedViewEntity> {
    const visible = await this.visible(manager, actor).andWhere('v.id = :id', { id }).getOne();
    if (!visible) throw notFound(id);
    if (visible.ownerId !== actor.id) {
      throw AppException.forbidden(ErrorCode.NOT_OWNER, '只有创建人可以修改或删除这个视图 (only the owner may change this view)');
    }
    const row = await manager.findOne(SavedViewEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw notFound(id);
    return row;
  }

  private async checkNameFree(manager: EntityManager, ownerId: string, page: SavedViewPage, name: string): Promise<void> {
    if (await manager.existsBy(SavedViewEntity, { ownerId, page, name })) {
      throw new AppException(HttpStatus.CONFLICT, ErrorCode.SAVED_VIEW_NAME_TAKEN, `已有同名视图“${name}” (a view of that name exists)`, [
        { field: 'name', code: ErrorCode.SAVED_VIEW_NAME_TAKEN, message: `已有同名视图“${name}”` },
      ]);
    }
  }

  private checkMaySharer(actor: Actor): void {
    if (SHARERS.includes(actor.role)) return;
    const message = '只有市局和区县工作人员可以共享视图 (only staff may share a view)';
    throw AppException.forbidden(ErrorCode.FORBIDDEN, message, [{ field: 'shared', code: ErrorCode.FORBIDDEN, message }]);
  }

  private checkState(state: Record<string, unknown>): void {
    if (Array.isArray(state)) throw AppException.field(ErrorCode.VALIDATION_FAILED, 'state', 'state 应为 JSON 对象,不能是数组 (state must be an object)');
    const bytes = Buffer.byteLength(JSON.stringify(state), 'utf8');
    if (bytes > SAVED_VIEW_STATE_MAX_BYTES) {
      throw AppException.field(ErrorCode.VALIDATION_FAILED, 'state', `视图内容过大(${bytes} 字节,最多 ${SAVED_VIEW_STATE_MAX_BYTES} 字节) (state too large)`);
    }
  }

  private view(actor: Actor, v: SavedViewEntity, ownerName: string): SavedViewDto {
    return {
      id: v.id,
      page: v.page as SavedViewPage,
      name: v.name,
      shared: v.shared,
      state: v.state,
      ownerId: v.ownerId,
      ownerName,
      mine: v.ownerId === actor.id,
      version: v.version,
      createdAt: v.createdAt,
      updatedAt: v.updatedAt,
    };
  }

  private auditView(v: SavedViewDto) {
    return { page: v.page, name: v.name, shared: v.shared, state: v.state };
  }
}
