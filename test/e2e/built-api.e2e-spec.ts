import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from '@app/database';

import { ensureApiBuilt } from '../setup/api-build';
import { databaseUrl, ENV_SERVER_URL, ENV_TEMPLATE, randomName, withAdminClient } from '../setup/test-server';

const ROOT = join(__dirname, '../..');
const CACHE_DIR = join(ROOT, 'dist/.v8-cache');
const PASSWORD = 'Bundle-admin-2022';

/** `npm start` without the build: the built entry point (the loader of the API's bundle) as its own process. */
function startBuilt(env: Record<string, string>): { child: ChildProcess; output: () => string; serving: Promise<void> } {
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'error', ...env } });
  let output = '';
  const serving = new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d;
      if (output.includes('is serving on')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the built API exited ${code}: ${output}`)));
  });
  return { child, output: () => output, serving };
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

describe('the built API (one bundle with a V8 code cache, as npm start runs it)', () => {
  const database = randomName('cr_built');
  const server = () => process.env[ENV_SERVER_URL]!;

  beforeAll(async () => {
    ensureApiBuilt();
    await withAdminClient(server(), (c) => c.query(`CREATE DATABASE ${database} TEMPLATE ${process.env[ENV_TEMPLATE]}`));
  }, 300_000);
  afterAll(() => withAdminClient(server(), (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)));

  it('serves the console, the API and its checks, writes its code cache once, and starts again from it', async () => {
    const cacheFiles = () => (existsSync(CACHE_DIR) ? readdirSync(CACHE_DIR).filter((f) => f.endsWith('.v8')) : []);
    const run = async () => {
      const port = await freePort();
      const api = startBuilt({ DATABASE_URL: databaseUrl(server(), database), PORT: String(port), HOST: '127.0.0.1', DATA_DIR: mkdtempSync(join(tmpdir(), 'cr-built-')), ADMIN_PASSWORD: PASSWORD });
      try {
        await api.serving;
        const url = `http://127.0.0.1:${port}`;
        expect((await fetch(`${url}/health/ready`)).status).toBe(200);
        const page = await fetch(`${url}/enterprises`);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('<div id="root">');
        const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
        expect(login.status).toBe(200);
        const { accessToken } = (await login.json()) as { accessToken: string };
        const list = await fetch(`${url}/api/v1/enterprises?q=${encodeURIComponent('宁波')}`, { headers: { authorization: `Bearer ${accessToken}` } });
        expect(list.status).toBe(200);
        expect(await list.json()).toMatchObject({ items: expect.any(Array), meta: { page: 1 } });
        // A bad query is still the API's 400 with its code and field, from the bundled validation.
        const bad = await fetch(`${url}/api/v1/enterprises?pageSize=abc`, { headers: { authorization: `Bearer ${accessToken}` } });
        expect(bad.status).toBe(400);
        expect(await bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: expect.arrayContaining([expect.objectContaining({ field: 'pageSize' })]) });
      } finally {
        await stop(api.child);
      }
    };

    rmSync(CACHE_DIR, { recursive: true, force: true });
    await run();
    const written = cacheFiles();
    expect(written).toHaveLength(1);
    const first = statSync(join(CACHE_DIR, written[0])).mtimeMs;
    await run();
    // Accepted by V8 on the second start: the same file, not written again.
    expect(cacheFiles()).toEqual(written);
    expect(statSync(join(CACHE_DIR, written[0])).mtimeMs).toBe(first);
  });
});
