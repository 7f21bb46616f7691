import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { ThrottlerModule } from '@nestjs/throttler';

import { AuditModule } from '@app/audit';
import { AuthModule } from '@app/auth';
import { APP_CONFIG, AppConfig, ConfigModule, createValidationPipe, HttpExceptionFilter } from '@app/core';
import { CultivationModule } from '@app/cultivation';
import { DatabaseModule } from '@app/database';
import { EvaluationModule } from '@app/evaluation';
import { NotificationsModule } from '@app/notifications';
import { QuotasModule } from '@app/quotas';
import { RemediationModule } from '@app/remediation';
import { ImportingModule } from '@app/importing';
import { ProjectsModule } from '@app/projects';
import { ReferenceModule } from '@app/reference';
import { RegistryModule } from '@app/registry';
import { ReportsModule } from '@app/reports';
import { SeedingModule } from '@app/seeding';

import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { consoleModule } from './console/console-static';
import { ChangeRequestsController } from './change-requests/change-requests.controller';
import { EnterprisesController } from './enterprises/enterprises.controller';
import { FiguresController } from './enterprises/figures.controller';
import { HealthController } from './health/health.controller';
import { QuotaPlansController } from './quotas/quota-plans.controller';
import { QuotaProgressController } from './quotas/quota-progress.controller';
import { ReferenceController } from './reference/reference.controller';
import { ReportsController } from './reports/reports.controller';
import { StartupService } from './startup.service';
import { DemoUsersService } from './demo/demo-users.service';
import { UsersController } from './users/users.controller';
import { ChainMembersController } from './chains/chain-members.controller';
import { ChainSegmentsController } from './chains/chain-segments.controller';
import { ChainsController } from './chains/chains.controller';
import { CommunitiesController } from './communities/communities.controller';
import { CommunityMembersController } from './communities/community-members.controller';
import { DesignationsController } from './designations/designations.controller';
import { EnterpriseDesignationsController } from './designations/enterprise-designations.controller';
import { ScaleTiersController } from './scale-tiers/scale-tiers.controller';
import { ImportsController } from './imports/imports.controller';
import { ExportsController } from './exports/exports.controller';
import { DictionariesController } from './dictionaries/dictionaries.controller';
import { DictionaryService } from './dictionaries/dictionary.service';
import { NotificationScheduler } from './notifications/notification.scheduler';
import { NotificationsController } from './notifications/notifications.controller';
import { SavedViewsController } from './saved-views/saved-views.controller';
import { RecognitionTypesController } from './recognition-types/recognition-types.controller';
import { CarriersController } from './carriers/carriers.controller';
import { WorkbenchController } from './workbench/workbench.controller';
import { LandBlocksController } from './remediation/land-blocks.controller';
import { RemediationCasesController } from './remediation/remediation-cases.controller';
import { WorkbenchService } from './workbench/workbench.service';
import { EvaluationFilesService } from './evaluations/evaluation-files.service';
import { EvaluationsController } from './evaluations/evaluations.controller';
import { ProjectsController } from './projects/projects.controller';

export interface AppOptions {
  databaseUrl: string;
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule,
        DatabaseModule.forRoot(options.databaseUrl),
        ThrottlerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => [{ name: 'login', ttl: 60_000, limit: config.loginRateLimitPerMinute }],
        }),
        AuditModule,
        AuthModule,
        ReferenceModule,
        RegistryModule,
        SeedingModule,
        CultivationModule,
        EvaluationModule,
        ProjectsModule,
        QuotasModule,
        RemediationModule,
        ReportsModule,
        ImportingModule,
        NotificationsModule,
        ScheduleModule.forRoot(),
        ...consoleModule(),
      ],
      controllers: [
        HealthController,
        ProjectsController,
        AuthController,
        UsersController,
        ReferenceController,
        EnterprisesController,
        FiguresController,
        DesignationsController,
        RemediationCasesController,
        LandBlocksController,
        EnterpriseDesignationsController,
        ScaleTiersController,
        ChainsController,
        ChainSegmentsController,
        ChainMembersController,
        CommunitiesController,
        CommunityMembersController,
        ChangeRequestsController,
        AuditController,
        QuotaPlansController,
        QuotaProgressController,
        ReportsController,
        ImportsController,
        ExportsController,
        DictionariesController,
        NotificationsController,
        SavedViewsController,
        RecognitionTypesController,
        CarriersController,
        WorkbenchController,
        EvaluationsController,
      ],
      providers: [
        StartupService,
        DemoUsersService,
        DictionaryService,
        NotificationScheduler,
        WorkbenchService,
        EvaluationFilesService,
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
      ],
    };
  }
}
