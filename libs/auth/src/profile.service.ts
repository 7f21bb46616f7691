import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AuditService } from '@app/audit';
import { Actor, AppException, ErrorCode, Role, ROLE_LABELS } from '@app/core';

import { ChangePasswordDto, MeDto, ScopeDistrictDto, ScopeEnterpriseDto } from './dto/me.dto';
import { UserDto } from './dto/user.dto';
import { UserEntity } from './entities/user.entity';
import { assertStrongPassword, hashPassword, verifyPassword } from './password';
import { ROLE_PERMISSIONS } from './permission';

/** The caller's own account: who they are, what they may do and see, their password. */
@Injectable()
export class ProfileService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async me(actor: Actor): Promise<MeDto> {
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: actor.id! });
    const districts: ScopeDistrictDto[] = user.districtCodes.length
      ? await this.dataSource.query('SELECT code, name FROM district WHERE code = ANY($1) ORDER BY code', [user.districtCodes])
      : [];
    const enterprises: ScopeEnterpriseDto[] = user.enterpriseIds.length
      ? await this.dataSource.query('SELECT id, name, credit_code AS "creditCode" FROM enterprise WHERE id = ANY($1::uuid[]) ORDER BY name, id', [user.enterpriseIds])
      : [];
    const cityWide = user.role !== Role.DISTRICT_STAFF && user.role !== Role.LIAISON;
    return {
      ...UserDto.from(user, ROLE_LABELS[user.role]),
      permissions: [...ROLE_PERMISSIONS[user.role]],
      scope: {
        cityWide,
        districts: user.role === Role.DISTRICT_STAFF ? districts : [],
        enterprises: user.role === Role.LIAISON ? enterprises : [],
      },
    };
  }

  async changePassword(actor: Actor, dto: ChangePasswordDto): Promise<void> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: actor.id })
      .getOneOrFail();
    if (!(await verifyPassword(dto.currentPassword, user.passwordHash))) {
      // 400, not 401: the session is fine, only the field is wrong (a 401 would log the user out).
      throw AppException.field(ErrorCode.CURRENT_PASSWORD_WRONG, 'currentPassword', '当前密码不正确 (the current password is wrong)');
    }
    assertStrongPassword(dto.newPassword, 'newPassword');
    if (dto.newPassword === dto.currentPassword) {
      throw AppException.field(ErrorCode.PASSWORD_TOO_WEAK, 'newPassword', '新密码不能与当前密码相同 (the new password must differ from the current one)');
    }
    const passwordHash = await hashPassword(dto.newPassword);
    await this.dataSource.transaction(async (manager) => {
      // Plain SQL: a password change is not a profile edit, so it must not bump the version an admin's PATCH checks.
      await manager.query('UPDATE app_user SET password_hash = $2, updated_at = now() WHERE id = $1', [user.id, passwordHash]);
      // The hash never goes into the audit row; the row only says that it changed.
      await this.audit.record(manager, actor, { action: 'auth.password_change', entityType: 'user', entityId: user.id, after: { passwordChanged: true } });
    });
  }
}
