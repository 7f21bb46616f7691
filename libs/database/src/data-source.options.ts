import { DataSourceOptions } from 'typeorm';

import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** The one data-source definition shared by the API, the CLI, the migration tool and tests. */
export function dataSourceOptions(url: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    uuidExtension: 'pgcrypto',
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    // A connection attempt to an unreachable server fails after 5 s (503) instead of hanging the request.
    extra: { max: Number(process.env.DB_POOL_SIZE ?? 10), application_name: 'cultivation-registry', connectionTimeoutMillis: 5000 },
    ...overrides,
  } as DataSourceOptions;
}
