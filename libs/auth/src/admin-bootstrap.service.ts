import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';

import { APP_CONFIG, Role, SYSTEM_ACTOR } from '@app/core';
import type { AppConfig } from '@app/core';

import { UsersService } from './users.service';

/** Makes sure there is a first admin: from ADMIN_USERNAME/ADMIN_PASSWORD, or a generated password printed once. */
@Injectable()
export class AdminBootstrapService {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async ensureAdmin(): Promise<{ username: string; generatedPassword?: string } | undefined> {
    if (await this.users.hasAdmin()) return undefined;
    const generatedPassword = this.config.adminPassword ? undefined : `Cr${randomBytes(9).toString('base64url')}9`;
    const password = this.config.adminPassword ?? generatedPassword!;
    await this.users.create(SYSTEM_ACTOR, { username: this.config.adminUsername, password, role: Role.ADMIN, displayName: '系统管理员' });
    this.logger.log({ msg: 'first admin created', username: this.config.adminUsername });
    return { username: this.config.adminUsername, generatedPassword };
  }
}
