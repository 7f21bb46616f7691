import { spawn } from 'node:child_process';

import { startApiProcess } from './api-process';
import { BenchContext, BenchResult, BenchSuite } from './bench-suite';

const RUNS = 7;

/** A bare Node.js process that connects to the same database and asks it one thing. */
function bareNode(databaseUrl: string): Promise<number> {
  const t0 = process.hrtime.bigint();
  const script = `const { Client } = require('pg'); const c = new Client({ connectionString: process.env.DATABASE_URL });
    c.connect().then(() => c.query('SELECT 1')).then(() => c.end()).then(() => process.stdout.write('ok'));`;
  const child = spawn(process.execPath, ['-e', script], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve(Number(process.hrtime.bigint() - t0) / 1e6) : reject(new Error(`node exited ${code}`)))),
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const stats = (xs: number[]) => `min ${Math.round(Math.min(...xs))} ms, median ${Math.round(median(xs))} ms`;

/** Warm start: spawn to listening, repeated, on a migrated and seeded city (nothing left to migrate). */
export const startBench: BenchSuite = async (ctx: BenchContext): Promise<BenchResult> => {
  const api: number[] = [];
  const apiCpu: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const process = await startApiProcess(ctx.databaseUrl, { ADMIN_PASSWORD: 'Bench-admin-2022' });
    api.push(process.readyMs);
    apiCpu.push(process.readyCpuMs);
    await process.stop();
    bare.push(await bareNode(ctx.databaseUrl));
  }
  const verdict = median(api) < 1000 ? 'met' : `missed by ${Math.round(median(api) - 1000)} ms`;
  return {
    title: `Warm start: ${RUNS} runs`,
    rows: [
      {
        measure: 'API process: spawn to "serving" (migrations checked, reference data checked, port open)',
        value: `${stats(api)} (CPU used by then: ${stats(apiCpu)})`,
        baseline: 'bare Node.js process that connects and runs SELECT 1',
        baselineValue: stats(bare),
        goal: 'median < 1 s',
        verdict,
      },
    ],
    notes: [
      'echarts, pdfkit and exceljs load on the first report or export, Swagger on the first request for /docs.',
      'The built API is one bundle (tools/bundle-api.mjs) run with a V8 code cache that its first start after a build writes: run 1 compiles, the others reuse it.',
    ],
  };
};
