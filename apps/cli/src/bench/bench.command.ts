import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';

import { UsersService } from '@app/auth';
import { JsonLogger, Role, SYSTEM_ACTOR } from '@app/core';
import { CityCounts } from '@app/importing';

import { UsageError } from '../args';
import { CliModule } from '../cli.module';
import { createDatabase, generateCity, withDatabase } from '../commands/generate-demo.command';
import { startApiProcess } from './api-process';
import { BenchResult } from './bench-suite';
import { SUITES } from './suites';

const BENCH_USER = { username: 'bench', password: 'Bench-pass-2022' };

interface SizeRun {
  size: number;
  counts: CityCounts;
  generationSeconds: number;
  results: BenchResult[];
}

/**
 * `bench [--quick] [--sizes 100000,1000000] [--keep]`: for each size, a fresh database on the
 * server (BENCH_DATABASE_URL, DATABASE_URL, or the embedded one), a generated city, the API
 * started on it as its own process, every suite; then docs/benchmarks.md is written.
 */
export async function benchCommand(serverUrl: string, options: Record<string, string | true>, print: (line: string) => void): Promise<number> {
  const sizes =
    typeof options.sizes === 'string' ? options.sizes.split(',').map((s) => Number(s.replace(/_/g, ''))) : options.quick ? [100_000] : [100_000, 1_000_000];
  if (sizes.some((s) => !Number.isInteger(s) || s < 200)) throw new UsageError('--sizes must be whole numbers ≥ 200, comma-separated');
  const runs: SizeRun[] = [];
  for (const size of sizes) {
    const name = `cr_bench_${size}`;
    print(`\n== ${size.toLocaleString('en-US')} enterprises (database ${name})`);
    const url = await createDatabase(serverUrl, name, true);
    const t0 = Date.now();
    const counts = await generateCity(url, size, print);
    const generationSeconds = (Date.now() - t0) / 1000;
    await createBenchUser(url);
    const api = await startApiProcess(url, { ADMIN_PASSWORD: 'Bench-admin-2022' });
    const results: BenchResult[] = [];
    try {
      const token = await login(api.url);
      for (const suite of SUITES) {
        print(`-- ${suite.name}`);
        try {
          const result = await suite({ databaseUrl: url, enterprises: size, apiUrl: api.url, token, apiPid: api.pid, print });
          results.push(result);
          for (const row of result.rows) print(`   ${row.measure}: ${row.value} | ${row.baseline}: ${row.baselineValue}${row.verdict ? ` | ${row.verdict}` : ''}`);
        } catch (error) {
          print(`   failed: ${String((error as Error)?.stack ?? error)}\n   API output: ${api.output().slice(-3000)}`);
          results.push({ title: `${suite.name} (failed)`, rows: [], notes: [`The suite failed: ${String((error as Error)?.message ?? error)}`] });
        }
      }
    } finally {
      await api.stop();
    }
    runs.push({ size, counts, generationSeconds, results });
    if (!options.keep) await dropDatabase(serverUrl, name);
  }
  const file = join(process.cwd(), 'docs', 'benchmarks.md');
  mkdirSync(join(process.cwd(), 'docs'), { recursive: true });
  writeFileSync(file, await render(serverUrl, runs));
  print(`\nwrote ${file}`);
  return 0;
}

async function createBenchUser(url: string): Promise<void> {
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(url), { logger: new JsonLogger('warn') });
  try {
    await app.get(UsersService).create(SYSTEM_ACTOR, { ...BENCH_USER, role: Role.BUREAU_STAFF, districtCodes: [], enterpriseIds: [] });
  } finally {
    await app.close();
  }
}

async function login(apiUrl: string): Promise<string> {
  const res = await fetch(`${apiUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BENCH_USER) });
  if (!res.ok) throw new Error(`bench login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => client.end());
}

async function postgresVersion(serverUrl: string): Promise<string> {
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    return (await client.query('SHOW server_version')).rows[0].server_version as string;
  } finally {
    await client.end();
  }
}

const cell = (s: string | undefined) => (s ?? '').replace(/\|/g, '\\|');

async function render(serverUrl: string, runs: SizeRun[]): Promise<string> {
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (`cli bench`): for each size, a fresh database with a synthetic city from',
    '`generate-demo`, the API started on it as its own process, and each suite. Every figure stands next',
    'to a baseline measured in the same run. Regenerate with `npm run bench` (100,000 and 1,000,000) or',
    '`npm run bench -- --quick` (100,000 only).',
    '',
    '## Machine',
    '',
    `- date: ${new Date().toISOString()}`,
    `- CPU: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown'} (nproc ${cpus().length})`,
    `- memory: ${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `- PostgreSQL ${await postgresVersion(serverUrl)} on the same machine; Node.js ${process.version}`,
    `- sizes run: ${runs.map((r) => r.size.toLocaleString('en-US')).join(', ')} enterprises`,
    '',
  ];
  for (const run of runs) {
    const c = run.counts;
    lines.push(
      `## ${run.size.toLocaleString('en-US')} enterprises`,
      '',
      `City generated in ${run.generationSeconds.toFixed(1)} s: ${c.enterprises.toLocaleString('en-US')} enterprises, ${c.figures.toLocaleString('en-US')} ` +
        `yearly figure rows, ${c.designations.toLocaleString('en-US')} designations with ${c.designationEvents.toLocaleString('en-US')} events, ` +
        `${c.chainMemberships.toLocaleString('en-US')} chain memberships, ${c.communities} communities with ${c.communityMembers} members.`,
      '',
    );
    for (const result of run.results) {
      lines.push(`### ${result.title}`, '');
      if (result.rows.length) {
        lines.push('| measure | value | baseline | baseline value | goal | verdict |', '|---|---|---|---|---|---|');
        for (const r of result.rows) {
          lines.push(`| ${cell(r.measure)} | ${cell(r.value)} | ${cell(r.baseline)} | ${cell(r.baselineValue)} | ${cell(r.goal)} | ${cell(r.verdict)} |`);
        }
        lines.push('');
      }
      for (const note of result.notes ?? []) lines.push(`- ${note}`);
      if (result.notes?.length) lines.push('');
    }
  }
  return lines.join('\n');
}
