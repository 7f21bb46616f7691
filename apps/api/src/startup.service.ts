import { Injectable } from '@nestjs/common';

import { AdminBootstrapService } from '@app/auth';
import { SeedCounts, SeedService } from '@app/seeding';

/** Work done once the database is migrated and before the app serves: reference data and the first admin. */
@Injectable()
export class StartupService {
  constructor(
    private readonly seeds: SeedService,
    private readonly admin: AdminBootstrapService,
  ) {}

  async prepare(options: { demo: boolean }): Promise<{ seeded: SeedCounts; admin?: { username: string; generatedPassword?: string } }> {
    const seeded = await this.seeds.seed({ demo: options.demo });
    const admin = await this.admin.ensureAdmin();
    return { seeded, admin };
  }
}
