import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const source = join(root, 'apps/console');
const built = join(root, 'dist/console/index.html');

export function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the console when dist/console is missing or older than its sources, so `npm test` alone works on a fresh clone. */
export function ensureConsoleBuilt(): void {
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(source)) return;
  process.stderr.write('\nbuilding the console for the browser tests (vite build)…\n');
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: source, stdio: 'inherit' });
}
