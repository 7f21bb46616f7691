import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from '@app/database';

const ROOT = join(__dirname, '../..');

/** Runs the real API entry point (TypeScript, transpiled on the fly) as its own process. */
function startApi(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const { DATABASE_URL: _omit, ...inherited } = process.env;
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: { ...inherited, TS_NODE_PROJECT: 'tsconfig.json', LOG_LEVEL: 'info', ...env },
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

function waitFor(run: ReturnType<typeof startApi>, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (run.output().includes(text)) return resolve();
      if (run.child.exitCode !== null) return reject(new Error(`exited ${run.child.exitCode}: ${run.output()}`));
      setTimeout(check, 100);
    };
    check();
  });
}

describe('start-up', () => {
  it.each([
    ['PORT', 'abc', 'PORT must be a whole number'],
    ['DATABASE_URL', 'mysql://localhost/x', 'DATABASE_URL must be a postgres'],
    ['JWT_SECRET', 'too-short', 'JWT_SECRET must be at least 32'],
  ])('stops with a message naming %s when it is bad', async (name, value, message) => {
    const run = startApi({ [name]: value });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain(message);
  });

  it('runs on the embedded database, refuses a second app on the same DATA_DIR, and recovers from a killed run', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cr-startup-'));
    const env = { DATA_DIR: dataDir, PORT: '0', ADMIN_PASSWORD: 'First-admin-2022' };
    const first = startApi(env);
    const runs = [first];
    try {
    await waitFor(first, 'is serving on');

    const second = startApi(env);
    runs.push(second);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('is in use by another Cultivation Registry process');

    // Kill the first without letting it stop its PostgreSQL: the next start must take over.
    const postmasterPid = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(() => process.kill(postmasterPid, 0)).not.toThrow();

    const third = startApi(env);
    runs.push(third);
    await waitFor(third, 'is serving on');
    expect(third.output()).toContain('left running by an earlier run');
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
    expect(() => process.kill(postmasterPid, 0)).toThrow();
    } finally {
      for (const run of runs) if (run.child.exitCode === null) run.child.kill('SIGKILL');
    }
  });

  it('answers 503 when the embedded database dies under the app, and still exits cleanly on SIGTERM', async () => {
    // It used to wait ~10 s for a server that was already gone.
    const dataDir = mkdtempSync(join(tmpdir(), 'cr-outage-'));
    const port = await freePort();
    const run = startApi({ DATA_DIR: dataDir, PORT: String(port), ADMIN_PASSWORD: 'First-admin-2022' });
    try {
      await waitFor(run, 'is serving on');
      const postmaster = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(postmaster, 'SIGKILL');
      const down = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'First-admin-2022' }),
      });
      expect([down.status, down.headers.get('retry-after')]).toEqual([503, '5']);
      run.child.kill('SIGTERM');
      // No timing assert (the machine may be loaded): it must exit cleanly by itself, not be killed.
      expect(await run.exited).toBe(0);
    } finally {
      if (run.child.exitCode === null) run.child.kill('SIGKILL');
    }
  });
});
