import { DataSource } from 'typeorm';

import { dataSourceOptions } from '@app/database';

/** Applies pending migrations and lists what ran. */
export async function migrateCommand(databaseUrl: string, print: (line: string) => void): Promise<void> {
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    print(ran.length ? ran.map((m) => `applied ${m.name}`).join('\n') : 'schema is up to date (no pending migrations)');
  } finally {
    await dataSource.destroy();
  }
}
