import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

import { UsersService } from '@app/auth';
import { Role, SYSTEM_ACTOR } from '@app/core';

export interface DemoLogin {
  username: string;
  role: Role;
  displayName: string;
  /** Generated when the user was created now; printed once, like the first admin's */
  generatedPassword?: string;
}

const DEMO_DISTRICT = '330211'; // 镇海区

/**
 * Demo mode only (`--demo`, `npm start`): one user per role so a newcomer sees every role's console.
 * Passwords are generated at creation and printed once (never fixed: a demo started on an intranet
 * host must not open with a published password). Created once; later starts leave them alone.
 */
@Injectable()
export class DemoUsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
  ) {}

  async ensure(): Promise<DemoLogin[]> {
    // The liaison speaks for a 镇海 firm, so the 镇海 officer reviews their requests; prefer one with designations.
    const [firm] = await this.dataSource.query<{ id: string; name: string }[]>(
      `SELECT e.id, e.name FROM enterprise e
        WHERE e.district_code = $1 AND NOT e.archived
        ORDER BY EXISTS (SELECT 1 FROM designation d WHERE d.enterprise_id = e.id) DESC, e.credit_code
        LIMIT 1`,
      [DEMO_DISTRICT],
    );
    const plan: (Omit<DemoLogin, 'generatedPassword'> & { districtCodes?: string[]; enterpriseIds?: string[] })[] = [
      { username: 'demo_staff', role: Role.BUREAU_STAFF, displayName: '王科员(市局)' },
      { username: 'demo_zhenhai', role: Role.DISTRICT_STAFF, displayName: '李科员(镇海区)', districtCodes: [DEMO_DISTRICT] },
      ...(firm ? [{ username: 'demo_liaison', role: Role.LIAISON, displayName: `张联络员(${firm.name})`, enterpriseIds: [firm.id] }] : []),
      { username: 'demo_viewer', role: Role.VIEWER, displayName: '赵局长(只读)' },
    ];
    const logins: DemoLogin[] = [];
    for (const user of plan) {
      const exists = await this.users.exists(user.username);
      const generatedPassword = exists ? undefined : `Demo${randomBytes(6).toString('base64url')}7`;
      if (!exists) await this.users.create(SYSTEM_ACTOR, { ...user, password: generatedPassword! });
      logins.push({ username: user.username, role: user.role, displayName: user.displayName, generatedPassword });
    }
    return logins;
  }
}
