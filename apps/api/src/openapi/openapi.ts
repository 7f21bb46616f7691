import 'reflect-metadata';

import { NestFactory } from '@nestjs/core';
import { OpenAPIObject } from '@nestjs/swagger';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';

import { AppModule } from '../app.module';
import { configureApp } from '../configure-app';
import { createOpenApiDocument, serializeOpenApiDocument } from './openapi-document';

// Writes (or with --check, compares) openapi/openapi.json from the built app. Run from `dist` so the
// Swagger CLI plugin's metadata (DTO comments, optional fields) is what production serves.
// Preview mode scans modules without instantiating providers: no database is needed.
const OUT = resolve(__dirname, '../../../../../openapi/openapi.json');

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const app = await NestFactory.create(AppModule.forRoot({ databaseUrl: 'postgres://preview@127.0.0.1:1/preview' }), {
    preview: true,
    logger: ['error'],
  });
  configureApp(app);
  const generated = serializeOpenApiDocument(createOpenApiDocument(app));
  const served = await fetchServedDocument(app.getHttpAdapter().getInstance());
  await app.close();
  if (served !== generated) {
    process.stderr.write('openapi: the document /docs-json serves differs from the generated one\n');
    return 1;
  }
  if (!check) {
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, generated);
    process.stdout.write(`openapi: wrote ${OUT}\n`);
    return 0;
  }
  let committed = '';
  try {
    committed = readFileSync(OUT, 'utf8');
  } catch {
    // missing file: reported below like any difference
  }
  if (committed === generated) {
    process.stdout.write('openapi: openapi/openapi.json is up to date\n');
    return 0;
  }
  const a = committed.split('\n');
  const b = generated.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  process.stderr.write(
    `openapi: openapi/openapi.json is stale (first difference at line ${line + 1}:\n  committed: ${a[line] ?? '<end>'}\n  generated: ${b[line] ?? '<end>'})\n` +
      'Run `npm run openapi` and commit the result.\n',
  );
  return 1;
}

/** GET /docs-json from the app's own Express instance on a loopback port (preview mode cannot listen). */
async function fetchServedDocument(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/docs-json`);
    if (!res.ok) throw new Error(`/docs-json answered ${res.status}`);
    return serializeOpenApiDocument((await res.json()) as OpenAPIObject);
  } finally {
    server.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`openapi: ${String((error as Error)?.stack ?? error)}\n`);
    process.exit(1);
  },
);
