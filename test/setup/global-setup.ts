import './register-paths';

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

import { AuditService } from '@app/audit';
import { dataSourceOptions, startEmbeddedPostgres } from '@app/database';
import { EvaluationRunService, EvaluationSchemeService } from '@app/evaluation';
import { SeedService } from '@app/seeding';

import { ensureConsoleBuilt } from './console-build';
import { databaseUrl, ENV_SERVER_URL, ENV_TEMPLATE, randomName, withAdminClient } from './test-server';

/**
 * One PostgreSQL for the run: TEST_DATABASE_URL's server when set, else an embedded one in a
 * temporary folder. A template database is migrated and given reference data once; each test file
 * then copies it (CREATE DATABASE … TEMPLATE) and drops its copy at the end.
 */
export default async function globalSetup(): Promise<void> {
  ensureConsoleBuilt();
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'cr-test-pg-'));
    const embedded = await startEmbeddedPostgres(dir);
    (globalThis as Record<string, unknown>).__crEmbedded = embedded;
    serverUrl = embedded.url;
  }
  const template = randomName('cr_template');
  await withAdminClient(serverUrl, (c) =>
    c.query(`CREATE DATABASE ${template} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`),
  );
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl(serverUrl, template))).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const audit = new AuditService();
    const evaluationRuns = new EvaluationRunService(dataSource, new EvaluationSchemeService(dataSource, audit), audit);
    await new SeedService(dataSource, audit, evaluationRuns).seed({ demo: false });
  } finally {
    await dataSource.destroy();
  }
  process.env[ENV_SERVER_URL] = serverUrl;
  process.env[ENV_TEMPLATE] = template;
}
