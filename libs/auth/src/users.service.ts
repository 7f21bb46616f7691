import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';

import { AuditService } from '@app/audit';
import { Actor, AppException, ErrorCode, Role, ROLE_LABELS } from '@app/core';

import { CreateUserDto, UserDto } from './dto/user.dto';
import { UserEntity } from './entities/user.entity';
import { assertStrongPassword, hashPassword } from './password';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: CreateUserDto): Promise<UserDto> {
    assertStrongPassword(dto.password);
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (manager) => {
      const taken = await manager.existsBy(UserEntity, { username: dto.username });
      if (taken) throw AppException.conflict(ErrorCode.USERNAME_TAKEN, `用户名 ${dto.username} 已存在 (username taken)`);
      const user = await manager.save(
        manager.create(UserEntity, {
          username: dto.username,
          passwordHash,
          displayName: dto.displayName ?? '',
          role: dto.role,
          districtCodes: dto.districtCodes ?? [],
          enterpriseIds: dto.enterpriseIds ?? [],
        }),
      );
      const view = UserDto.from(user, ROLE_LABELS[user.role]);
      await this.audit.record(manager, actor, { action: 'user.create', entityType: 'user', entityId: user.id, after: view });
      return view;
    });
  }

  async get(id: string): Promise<UserDto> {
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id });
    return UserDto.from(user, ROLE_LABELS[user.role]);
  }

  /** Display names by user id (the login when a user has none), for showing who did something. */
  async displayNames(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const users = await this.dataSource.getRepository(UserEntity).findBy({ id: In([...new Set(ids)]) });
    return new Map(users.map((u) => [u.id, u.displayName || u.username]));
  }

  async exists(username: string): Promise<boolean> {
    return this.dataSource.getRepository(UserEntity).existsBy({ username });
  }

  async hasAdmin(): Promise<boolean> {
    return this.dataSource.getRepository(UserEntity).existsBy({ role: Role.ADMIN });
  }
}
