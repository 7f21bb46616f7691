import { INestApplication } from '@nestjs/common';
import { AbstractLoader, ExpressLoader } from '@nestjs/serve-static';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type TestAgent from 'supertest/lib/agent';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { StartupService } from '../../apps/api/src/startup.service';
import { databaseUrl, ENV_SERVER_URL, ENV_TEMPLATE, randomName, withAdminClient } from './test-server';

export const ADMIN = { username: 'admin', password: 'Admin-pass-2022' };
export const TEST_PASSWORD = 'Test-pass-2022';

export interface TestApp {
  app: INestApplication;
  http: TestAgent;
  databaseUrl: string;
  /** Bearer header for a user created once per role (admin is the bootstrap admin). */
  as(role: string, extra?: { districtCodes?: string[]; enterpriseIds?: string[]; username?: string }): Promise<Record<string, string>>;
  login(username: string, password: string): Promise<string>;
  /** Runs SQL on the test database through the app's own pool. */
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  dataSource: DataSource;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Rewrites the database URL the app connects through, e.g. to go through a TcpProxy. */
  connectThrough?: (url: string) => string;
}

/** Boots the real app on a fresh copy of the migrated template database. */
export async function createTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const serverUrl = process.env[ENV_SERVER_URL]!;
  const template = process.env[ENV_TEMPLATE]!;
  const database = randomName('cr_test');
  await withAdminClient(serverUrl, (c) => c.query(`CREATE DATABASE ${database} TEMPLATE ${template}`));
  const url = (options.connectThrough ?? ((u: string) => u))(databaseUrl(serverUrl, database));
  Object.assign(process.env, {
    DATABASE_URL: url,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'cr-test-data-')),
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-0123456789',
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    LOGIN_RATE_LIMIT: '1000',
    LOG_LEVEL: 'error',
    ...env,
  });
  // A testing module resolves providers before the HTTP adapter exists, so serve-static would pick its
  // no-op loader; give it the Express one that NestFactory.create picks in production.
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot({ databaseUrl: url })] })
    .overrideProvider(AbstractLoader)
    .useValue(new ExpressLoader())
    .compile();
  const app = moduleRef.createNestApplication({ logger: ['error'] });
  configureApp(app);
  await app.init();
  await app.get(StartupService).prepare({ demo: false });
  const http = request(app.getHttpServer());

  const login = async (username: string, password: string) => {
    const res = await http.post('/api/v1/auth/login').send({ username, password });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  };
  const tokens = new Map<string, string>();
  const as: TestApp['as'] = async (role, extra = {}) => {
    const username = extra.username ?? `${role.toLowerCase()}_${(extra.districtCodes ?? []).join('_')}${(extra.enterpriseIds ?? []).length}`.replace(/[^a-z0-9_]/g, '');
    if (!tokens.has(username)) {
      if (role === 'ADMIN') {
        tokens.set(username, await login(ADMIN.username, ADMIN.password));
      } else {
        const admin = await as('ADMIN');
        const res = await http
          .post('/api/v1/users')
          .set(admin)
          .send({ username, password: TEST_PASSWORD, role, districtCodes: extra.districtCodes, enterpriseIds: extra.enterpriseIds });
        if (res.status !== 201) throw new Error(`create ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
        tokens.set(username, await login(username, TEST_PASSWORD));
      }
    }
    return { Authorization: `Bearer ${tokens.get(username)}` };
  };

  return {
    app,
    http,
    databaseUrl: url,
    as,
    login,
    sql: (query, params) => app.get(DataSource).query(query, params),
    dataSource: app.get(DataSource),
    async close() {
      await app.close();
      await withAdminClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    },
  };
}
