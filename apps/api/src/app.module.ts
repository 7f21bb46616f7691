import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';

import { AuditModule } from '@app/audit';
import { AuthModule } from '@app/auth';
import { APP_CONFIG, AppConfig, ConfigModule, createValidationPipe, HttpExceptionFilter } from '@app/core';
import { DatabaseModule } from '@app/database';
import { ImportingModule } from '@app/importing';
import { ReferenceModule } from '@app/reference';
import { RegistryModule } from '@app/registry';
import { SeedingModule } from '@app/seeding';

import { AuthController } from './auth/auth.controller';
import { EnterprisesController } from './enterprises/enterprises.controller';
import { FiguresController } from './enterprises/figures.controller';
import { HealthController } from './health/health.controller';
import { ReferenceController } from './reference/reference.controller';
import { StartupService } from './startup.service';
import { UsersController } from './users/users.controller';
import { ImportsController } from './imports/imports.controller';
import { ExportsController } from './exports/exports.controller';

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
        ImportingModule,
      ],
      controllers: [HealthController, AuthController, UsersController, ReferenceController, EnterprisesController, FiguresController, ImportsController, ExportsController],
      providers: [
        StartupService,
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
      ],
    };
  }
}
