import { Injectable } from '@nestjs/common';

import { AdminBootstrapService } from '@app/auth';
import { SeedCounts, SeedService } from '@app/seeding';

import { DemoLogin, DemoUsersService } from './demo/demo-users.service';

/** Work done once the database is migrated and before the app serves: reference data, the first admin, and in demo mode a user per role. */
@Injectable()
export class StartupService {
  constructor(
    private readonly seeds: SeedService,
    private readonly admin: AdminBootstrapService,
    private readonly demoUsers: DemoUsersService,
  ) {}

  async prepare(options: { demo: boolean }): Promise<{ seeded: SeedCounts; admin?: { username: string; generatedPassword?: string }; demoUsers: DemoLogin[] }> {
    const seeded = await this.seeds.seed({ demo: options.demo });
    const admin = await this.admin.ensureAdmin();
    const demoUsers = options.demo ? await this.demoUsers.ensure() : [];
    return { seeded, admin, demoUsers };
  }
}
