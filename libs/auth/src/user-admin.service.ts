import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { AuditService } from '@app/audit';
import { Actor, AppException, ErrorCode, paginated, Paginated, parseSort, Role, ROLE_LABELS } from '@app/core';

import { ListUsersQueryDto, ResetPasswordDto, UpdateUserDto, UserDto } from './dto/user.dto';
import { UserEntity } from './entities/user.entity';
import { assertStrongPassword, hashPassword } from './password';

const view = (user: UserEntity) => UserDto.from(user, ROLE_LABELS[user.role]);
const userNotFound = (id: string) => AppException.notFound(ErrorCode.USER_NOT_FOUND, `找不到用户 ${id} (user not found)`);

/** Admin use cases on accounts: list, change role/scope, disable, reset password. Every change is audited. */
@Injectable()
export class UserAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListUsersQueryDto): Promise<Paginated<UserDto>> {
    const qb = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.active !== undefined) qb.andWhere('u.active = :active', { active: query.active });
    if (query.q) {
      qb.andWhere("(u.username ILIKE :q OR u.display_name ILIKE :q)", { q: `%${query.q.replace(/[\\%_]/g, (c) => '\\' + c)}%` });
    }
    const [column, direction] = parseSort(query.sort, { username: 'u.username', createdAt: 'u.createdAt' }, 'u.username ASC').split(' ');
    qb.orderBy(column, direction as 'ASC' | 'DESC').skip((query.page - 1) * query.pageSize).take(query.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return paginated(rows.map(view), query.page, query.pageSize, total);
  }

  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserDto> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lock(manager, id);
      if (user.version !== dto.version) throw AppException.versionConflict('用户信息', dto.version, user.version);
      if (user.id === actor.id && (dto.active === false || (dto.role !== undefined && dto.role !== Role.ADMIN))) {
        throw AppException.conflict(ErrorCode.SELF_LOCKOUT, '不能停用自己或取消自己的管理员角色 (you cannot disable or demote yourself)');
      }
      if (dto.districtCodes) await this.checkDistricts(manager, dto.districtCodes);
      if (dto.enterpriseIds) await this.checkEnterprises(manager, dto.enterpriseIds);
      const before = view(user);
      for (const key of ['displayName', 'role', 'active', 'districtCodes', 'enterpriseIds'] as const) {
        if (dto[key] !== undefined) (user as unknown as Record<string, unknown>)[key] = dto[key];
      }
      const after = view(await manager.save(user));
      const action = dto.active === false && before.active ? 'user.disable' : dto.active === true && !before.active ? 'user.enable' : 'user.update';
      await this.audit.record(manager, actor, { action, entityType: 'user', entityId: id, before, after });
      return after;
    });
  }

  async resetPassword(actor: Actor, id: string, dto: ResetPasswordDto): Promise<UserDto> {
    assertStrongPassword(dto.password);
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lock(manager, id);
      user.passwordHash = passwordHash;
      const after = view(await manager.save(user));
      // The hash never goes into the audit row; the row only says that it changed.
      await this.audit.record(manager, actor, { action: 'user.reset_password', entityType: 'user', entityId: id, after: { passwordChanged: true } });
      return after;
    });
  }

  private async lock(manager: EntityManager, id: string): Promise<UserEntity> {
    const user = await manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw userNotFound(id);
    return user;
  }

  private async checkDistricts(manager: EntityManager, codes: string[]): Promise<void> {
    const rows: { code: string }[] = await manager.query("SELECT code FROM district WHERE code = ANY($1) AND kind <> 'FUNCTIONAL_ZONE'", [codes]);
    const missing = codes.filter((c) => !rows.some((r) => r.code === c));
    if (missing.length) throw AppException.field(ErrorCode.DISTRICT_UNKNOWN, 'districtCodes', `没有区县代码 ${missing.join('、')} (unknown district)`);
  }

  private async checkEnterprises(manager: EntityManager, ids: string[]): Promise<void> {
    const rows: { id: string }[] = await manager.query('SELECT id FROM enterprise WHERE id = ANY($1::uuid[])', [ids]);
    const missing = ids.filter((i) => !rows.some((r) => r.id === i));
    if (missing.length) throw AppException.field(ErrorCode.ENTERPRISE_NOT_FOUND, 'enterpriseIds', `找不到企业 ${missing.join('、')} (unknown enterprise)`);
  }
}
