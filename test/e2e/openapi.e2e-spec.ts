import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';

type Operation = { operationId?: string; parameters?: { name: string; in: string; required?: boolean }[] };
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, { properties?: Record<string, Record<string, unknown>> }> } };

// The committed document is what the console's types are generated from. `npm run openapi:check`
// (CI, after the build) compares it byte for byte with what the built app serves; ts-jest compiles
// without the Swagger plugin, so here the routes and the schema points that broke generation are checked.
describe('the committed OpenAPI document (openapi/openapi.json)', () => {
  let app: INestApplication;
  let served: Document;
  const committed = JSON.parse(readFileSync(join(__dirname, '../../openapi/openapi.json'), 'utf8')) as Document;
  const operations = (doc: Document) =>
    Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })));

  beforeAll(async () => {
    // Preview mode: modules are scanned, nothing is instantiated, no database is needed.
    app = await NestFactory.create(AppModule.forRoot({ databaseUrl: 'postgres://preview@127.0.0.1:1/preview' }), { preview: true, logger: false });
    configureApp(app);
    served = (await request(app.getHttpAdapter().getInstance()).get('/docs-json').expect(200)).body;
  });
  afterAll(() => app.close());

  it('lists exactly the routes and operation ids the app serves', () => {
    const ids = (doc: Document) => operations(doc).map(({ key, op }) => `${key} ${op.operationId}`).sort();
    expect(ids(committed)).toEqual(ids(served));
  });

  it('gives every operation a unique, readable id (Controller_method)', () => {
    const ids = operations(committed).map(({ op }) => op.operationId ?? '');
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z][A-Za-z]+Controller_[a-z][A-Za-z]*$/);
  });

  it('never marks page or pageSize required: they have defaults', () => {
    const required = operations(committed).flatMap(({ key, op }) =>
      (op.parameters ?? []).filter((p) => ['page', 'pageSize'].includes(p.name) && p.required).map((p) => `${key} ${p.name}`),
    );
    expect(required).toEqual([]);
    const list = committed.paths['/api/v1/enterprises'].get.parameters!;
    expect(list.find((p) => p.name === 'page')).toMatchObject({ in: 'query', required: false });
  });

  it('declares a new designation\'s status as one of two strings, not an object', () => {
    expect(committed.components.schemas.CreateDesignationDto.properties!.status).toMatchObject({ type: 'string', enum: ['CANDIDATE', 'RECOGNISED'] });
  });

  it('declares no object schema without properties or additionalProperties (it would generate Record<string, never>)', () => {
    const bare: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${path}/${i}`));
      if (!node || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      const noProperties = !schema.properties || Object.keys(schema.properties).length === 0;
      if (schema.type === 'object' && noProperties && schema.additionalProperties === undefined) bare.push(path);
      for (const [key, value] of Object.entries(schema)) walk(value, `${path}/${key}`);
    };
    walk(committed, '');
    expect(bare).toEqual([]);
  });
});
