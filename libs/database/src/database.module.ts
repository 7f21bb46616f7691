import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { dataSourceOptions } from './data-source.options';

@Module({})
export class DatabaseModule {
  /** Connects to `url` and applies pending migrations before the app serves. */
  static forRoot(url: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(url), migrationsRun: true, logging: ['error'] })],
    };
  }
}
