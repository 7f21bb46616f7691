import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AuditService } from '@app/audit';
import { APP_CONFIG, AppException, ErrorCode, SYSTEM_ACTOR } from '@app/core';
import type { AppConfig } from '@app/core';

import { LoginResponseDto } from './dto/login.dto';
import { UserEntity } from './entities/user.entity';
import { TokenPayload } from './guards/auth.guard';
import { UNKNOWN_USER_HASH, verifyPassword } from './password';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string): Promise<LoginResponseDto> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username })
      .getOne();
    const valid = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    if (!user || !valid || !user.active) {
      await this.dataSource.transaction((m) =>
        this.audit.record(m, { ...SYSTEM_ACTOR, username }, { action: 'auth.login_failed', entityType: 'user', entityId: user?.id ?? null }),
      );
      throw new AppException(HttpStatus.UNAUTHORIZED, ErrorCode.INVALID_CREDENTIALS, '用户名或密码错误,或账号已停用 (invalid credentials)');
    }
    await this.dataSource.transaction(async (m) => {
      // Plain SQL: a login is not an edit, so it must not bump the row version an admin's PATCH checks.
      await m.query('UPDATE app_user SET last_login_at = now() WHERE id = $1', [user.id]);
      await this.audit.record(
        m,
        { id: user.id, username: user.username, role: user.role, districtCodes: [], enterpriseIds: [] },
        { action: 'auth.login', entityType: 'user', entityId: user.id },
      );
    });
    const payload: TokenPayload = { sub: user.id, role: user.role, tv: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(payload, { expiresIn: this.config.jwtTtlSeconds });
    return { accessToken, expiresIn: this.config.jwtTtlSeconds };
  }
}
