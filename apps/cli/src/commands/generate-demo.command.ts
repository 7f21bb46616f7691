import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { JsonLogger } from '@app/core';
import { CityGenerator, CityCounts } from '@app/importing';
import { SeedService } from '@app/seeding';

import { requireOption, UsageError } from '../args';
import { CliModule } from '../cli.module';
import { migrateCommand } from './migrate.command';

/** The same server, another database. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createDatabase(serverUrl: string, name: string, dropFirst = false): Promise<string> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new UsageError(`database name "${name}" must be lower-case letters, digits and _`);
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    if (dropFirst) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  } finally {
    await client.end();
  }
  return withDatabase(serverUrl, name);
}

/** Migrates, loads reference data and generates a synthetic city of N enterprises. */
export async function generateCity(url: string, enterprises: number, print: (line: string) => void): Promise<CityCounts> {
  await migrateCommand(url, print);
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(url), { logger: new JsonLogger('warn') });
  try {
    await app.get(SeedService).seed({ demo: false });
    return await new CityGenerator(app.get(DataSource), print).generate(enterprises);
  } finally {
    await app.close();
  }
}

/** `generate-demo --enterprises N [--database NAME]`: into DATABASE_URL's database, or NAME on the same server (created if missing). */
export async function generateDemoCommand(serverUrl: string, options: Record<string, string | true>, print: (line: string) => void): Promise<void> {
  const count = Number(requireOption(options, 'enterprises').replace(/_/g, ''));
  if (!Number.isInteger(count) || count < 1 || count > 10_000_000) throw new UsageError('--enterprises must be a whole number from 1 to 10,000,000');
  const url = typeof options.database === 'string' ? await createDatabase(serverUrl, options.database) : serverUrl;
  const t0 = Date.now();
  const counts = await generateCity(url, count, print);
  print(
    `done in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${counts.enterprises} enterprises, ${counts.figures} figure rows, ${counts.designations} designations ` +
      `(${counts.designationEvents} events), ${counts.chainMemberships} chain memberships, ${counts.communities} communities (${counts.communityMembers} members)`,
  );
}
