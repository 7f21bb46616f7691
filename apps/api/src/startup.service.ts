import { Injectable, Logger } from '@nestjs/common';

import { AdminBootstrapService } from '@app/auth';
import { checkReportFonts, ReportFontCheck } from '@app/reports';
import { SeedCounts, SeedService } from '@app/seeding';

import { DemoLogin, DemoUsersService } from './demo/demo-users.service';

/** Work done once the database is migrated and before the app serves: reference data, the first admin, the report font, and in demo mode a user per role. */
@Injectable()
export class StartupService {
  private readonly logger = new Logger('ReportFont');

  constructor(
    private readonly seeds: SeedService,
    private readonly admin: AdminBootstrapService,
    private readonly demoUsers: DemoUsersService,
  ) {}

  async prepare(options: { demo: boolean }): Promise<{
    seeded: SeedCounts;
    admin?: { username: string; generatedPassword?: string };
    reportFont: ReportFontCheck;
    demoUsers: DemoLogin[];
  }> {
    const seeded = await this.seeds.seed({ demo: options.demo });
    const admin = await this.admin.ensureAdmin();
    const demoUsers = options.demo ? await this.demoUsers.ensure() : [];
    // A missing or unreadable font only disables the PDF report: say so now, not at the first download.
    const reportFont = checkReportFonts();
    if (reportFont.status === 'ok') this.logger.log({ msg: 'PDF report font ready', path: reportFont.path });
    else this.logger.error({ msg: 'PDF report font unavailable: PDF reports answer 503 REPORT_FONT_UNAVAILABLE', error: reportFont.message });
    return { seeded, admin, reportFont, demoUsers };
  }
}
