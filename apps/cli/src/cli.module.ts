import { DynamicModule, Module } from '@nestjs/common';

import { AuditModule } from '@app/audit';
import { AuthModule } from '@app/auth';
import { ConfigModule } from '@app/core';
import { DatabaseModule } from '@app/database';
import { EvaluationModule } from '@app/evaluation';
import { ImportingModule } from '@app/importing';
import { NotificationsModule } from '@app/notifications';
import { RegistryModule } from '@app/registry';
import { ReportsModule } from '@app/reports';
import { SeedingModule } from '@app/seeding';

/** The same libraries as the API, without HTTP. */
@Module({})
export class CliModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: CliModule,
      imports: [ConfigModule, DatabaseModule.forRoot(databaseUrl), AuditModule, AuthModule, RegistryModule, SeedingModule, ReportsModule, ImportingModule, NotificationsModule, EvaluationModule],
    };
  }
}
