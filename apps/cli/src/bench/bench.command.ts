import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';

import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

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
  /** Seconds spent generating the city; null when an existing city was reused */
  generationSeconds: number | null;
  database: string;
  results: BenchResult[];
}

/**
 * `bench [--quick] [--sizes 100000,1000000] [--keep] [--database NAME] [--suites lookup,start] [--out FILE]`:
 * for each size, a fresh database on the server (BENCH_DATABASE_URL, DATABASE_URL, or the embedded
 * one), a generated city, the API started on it as its own process, every suite; then
 * docs/benchmarks.md (or FILE) is written. With --database, that city is used as it is (generated
 * first, once, if it holds no enterprises) and kept, so one generation serves several runs.
 */
export async function benchCommand(serverUrl: string, options: Record<string, string | true>, print: (line: string) => void): Promise<number> {
  const reuse = typeof options.database === 'string' ? options.database : undefined;
  const sizes =
    typeof options.sizes === 'string'
      ? options.sizes.split(',').map((s) => Number(s.replace(/_/g, '')))
      : options.quick || reuse
        ? [100_000]
        : [100_000, 1_000_000];
  if (sizes.some((s) => !Number.isInteger(s) || s < 200)) throw new UsageError('--sizes must be whole numbers ≥ 200, comma-separated');
  if (reuse && sizes.length > 1) throw new UsageError('--database takes one city: give at most one --sizes (used only if it must be generated)');
  const picked = typeof options.suites === 'string' ? options.suites.split(',') : Object.keys(SUITES);
  const unknown = picked.filter((n) => !SUITES[n]);
  if (unknown.length) throw new UsageError(`unknown suite ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}`);
  const out = typeof options.out === 'string' ? options.out : join(process.cwd(), 'docs', 'benchmarks.md');
  const runs: SizeRun[] = [];
  for (const wanted of sizes) {
    const name = reuse ?? `cr_bench_${wanted}`;
    const url = await createDatabase(serverUrl, name, !reuse);
    let counts = reuse ? await existingCity(url) : undefined;
    let generationSeconds: number | null = null;
    if (!counts) {
      print(`\n== generating ${wanted.toLocaleString('en-US')} enterprises (database ${name})`);
      const t0 = Date.now();
      counts = await generateCity(url, wanted, print);
      generationSeconds = (Date.now() - t0) / 1000;
    }
    const size = counts.enterprises;
    print(`\n== ${size.toLocaleString('en-US')} enterprises (database ${name}${generationSeconds === null ? ', reused' : ''})`);
    await createBenchUser(url);
    await settle(url, print);
    const api = await startApiProcess(url, { ADMIN_PASSWORD: 'Bench-admin-2022' });
    const results: BenchResult[] = [];
    try {
      const token = await login(api.url);
      for (const suiteName of picked) {
        const suite = SUITES[suiteName];
        print(`-- ${suiteName}`);
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
    runs.push({ size, counts, generationSeconds, database: name, results });
    if (!options.keep && !reuse) await dropDatabase(serverUrl, name);
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, await render(serverUrl, runs));
  print(`\nwrote ${out}`);
  return 0;
}

/** The counts of a city generated earlier, or undefined when the database holds no enterprises (or no schema yet). */
async function existingCity(url: string): Promise<CityCounts | undefined> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT to_regclass('enterprise') IS NOT NULL AS ready`);
    if (!rows[0].ready) return undefined;
    const n = async (table: string) => Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    const enterprises = await n('enterprise');
    if (!enterprises) return undefined;
    return {
      enterprises,
      figures: await n('enterprise_figure'),
      designations: await n('designation'),
      designationEvents: await n('designation_event'),
      chainMemberships: await n('chain_membership'),
      communities: await n('community'),
      communityMembers: await n('community_member'),
    };
  } finally {
    await client.end();
  }
}

/**
 * What autovacuum does to a freshly loaded database in production, done before measuring, as some
 * servers (this project's bench machine among them) run with autovacuum off: without the visibility
 * map every index-only scan (the list's name walk and capped counts) fetches each row from the table
 * (at 1,000,000: the 机械 search walk read 8,596 table pages, 173 ms, instead of none, 16–27 ms),
 * and without statistics the planner guesses. Cheap once done: later runs find little to do.
 */
async function settle(url: string, print: (line: string) => void): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const t0 = Date.now();
    await client.query('VACUUM (ANALYZE)');
    print(`   VACUUM (ANALYZE): ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await client.end();
  }
}

/** The bench user, created once per city (a reused city has it already). */
async function createBenchUser(url: string): Promise<void> {
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(url), { logger: new JsonLogger('warn') });
  try {
    const users = app.get(UsersService);
    const exists = await app.get(DataSource).query('SELECT 1 FROM app_user WHERE username = $1', [BENCH_USER.username]);
    if (!exists.length) await users.create(SYSTEM_ACTOR, { ...BENCH_USER, role: Role.BUREAU_STAFF, districtCodes: [], enterpriseIds: [] });
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
      `${run.generationSeconds === null ? `City reused from database ${run.database} (generated earlier)` : `City generated in ${run.generationSeconds.toFixed(1)} s`}: ${c.enterprises.toLocaleString('en-US')} enterprises, ${c.figures.toLocaleString('en-US')} ` +
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
