import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ApiProcess {
  url: string;
  pid: number;
  /** Milliseconds from spawning the process to its "serving" line (time to listening) */
  readyMs: number;
  /** CPU time (user + system) the process had used by then, in ms: steadier than wall time on a busy machine */
  readyCpuMs: number;
  /** What the API printed (for diagnosing a failed suite) */
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the real API as its own process, so the memory it uses is measured apart from the bench
 * runner. Built code runs as is; under ts-node (development) the TypeScript entry point is used.
 */
export async function startApiProcess(databaseUrl: string, env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const built = __filename.endsWith('.js');
  const root = join(__dirname, built ? '../../../../..' : '../../../..');
  // Built: the API of this same build (dist/apps/api beside dist/apps/cli), so a second build compares with the first.
  const args = built
    ? [join(__dirname, '../../../api/src/main.js')]
    : ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(root, 'apps/api/src/main.ts')];
  const t0 = process.hrtime.bigint();
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'cr-bench-api-')),
      LOG_LEVEL: 'error',
      LOGIN_RATE_LIMIT: '10000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let readyMs = NaN;
  let readyCpuMs = NaN;
  const ready = new Promise<void>((resolve, reject) => {
    const seen = (d: Buffer) => {
      output += d;
      if (Number.isNaN(readyMs) && output.includes('is serving on')) {
        readyMs = Number(process.hrtime.bigint() - t0) / 1e6;
        readyCpuMs = cpuMs(child.pid!);
        resolve();
      }
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    child.once('exit', (code) => reject(new Error(`API exited ${code}: ${output}`)));
  });
  ready.catch(() => undefined);
  await ready;
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    readyMs,
    readyCpuMs,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** CPU time (user + system) of a process in ms, from /proc (Linux; clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resident memory of a process in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** Samples a process's RSS while `work` runs and returns the peak (MB). */
export async function peakRss<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peakMb: number; startMb: number }> {
  const startMb = rssMb(pid);
  let peakMb = startMb;
  const timer = setInterval(() => {
    try {
      peakMb = Math.max(peakMb, rssMb(pid));
    } catch {
      // the process may be gone at the very end
    }
  }, 50);
  try {
    const result = await work();
    peakMb = Math.max(peakMb, rssMb(pid));
    return { result, peakMb, startMb };
  } finally {
    clearInterval(timer);
  }
}
