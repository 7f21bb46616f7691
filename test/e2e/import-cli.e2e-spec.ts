import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import iconv from 'iconv-lite';

import { createTestApp, TestApp } from '../setup/test-app';
import { creditCode } from '../setup/fixtures';

const ROOT = join(__dirname, '../..');

/** Runs the real CLI entry point (TypeScript, transpiled on the fly) on the test database. */
function cli(databaseUrl: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.json', DATABASE_URL: databaseUrl },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('cli import', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'cr-cli-import-'));

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('checks with --dry-run, applies a GB18030 file with a progress bar, and a repeated apply is all unchanged', async () => {
    const codes = [creditCode(), creditCode()];
    const file = join(dir, 'good.csv');
    const csv = '统一社会信用代码,企业名称,所属区县代码,行业代码\r\n' + codes.map((c, i) => `${c},宁波命令行导入${i}号有限公司,330212,3411`).join('\r\n') + '\r\n';
    writeFileSync(file, iconv.encode(csv, 'gb18030'));

    const dry = await cli(t.databaseUrl, ['import', 'enterprises', file, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('created 2, updated 0, unchanged 0, rejected 0');
    expect(await t.sql('SELECT 1 FROM enterprise WHERE credit_code = ANY($1)', [codes])).toHaveLength(0);

    const applied = await cli(t.databaseUrl, ['import', 'enterprises', file]);
    expect(applied.code).toBe(0);
    expect(applied.stderr).toMatch(/2\/2 100% [\d,]+ rows\/s/);
    expect(applied.stdout).toContain('created 2, updated 0, unchanged 0, rejected 0');
    const [e] = await t.sql<{ name: string }>('SELECT name FROM enterprise WHERE credit_code = $1', [codes[1]]);
    expect(e.name).toBe('宁波命令行导入1号有限公司');

    const again = await cli(t.databaseUrl, ['import', 'enterprises', file]);
    expect(again.stdout).toContain('created 0, updated 0, unchanged 2, rejected 0');
  });

  it('writes nothing and exits 1 when a row in the middle is bad, naming its line and column', async () => {
    const good = [creditCode(), creditCode()];
    const file = join(dir, 'bad.csv');
    writeFileSync(file, `统一社会信用代码,企业名称,所属区县代码,行业代码\n${good[0]},宁波好一有限公司,330212,3411\n${creditCode()},宁波坏行有限公司,330212,9999\n${good[1]},宁波好二有限公司,330212,3411\n`);
    const run = await cli(t.databaseUrl, ['import', 'enterprises', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('line 3, 行业代码: INDUSTRY_UNKNOWN');
    expect(run.stdout).toContain('rejected 1');
    expect(run.stdout).toContain('nothing was written');
    expect(await t.sql('SELECT 1 FROM enterprise WHERE credit_code = ANY($1)', [good])).toHaveLength(0);
  });

  it('refuses an unknown kind with usage', async () => {
    const run = await cli(t.databaseUrl, ['import', 'people', 'x.csv']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage: import <enterprises|figures|designations|chain-memberships|land-use|evaluation-figures|projects|project-progress|carriers|remediation-cases|land-blocks> FILE [--dry-run]');
  });
});
