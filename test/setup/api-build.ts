import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { newestMtime } from './console-build';

const root = resolve(__dirname, '../..');
/** What `npm start` runs: the bundle of the API (tools/bundle-api.mjs) */
export const API_BUNDLE = join(root, 'dist/apps/api/src/main.bundle.js');

/** Builds and bundles the API when the bundle is missing or older than its sources, so `npm test` alone works on a fresh clone. */
export function ensureApiBuilt(): void {
  const sources = Math.max(newestMtime(join(root, 'apps/api/src')), newestMtime(join(root, 'libs')), statSync(join(root, 'tools/bundle-api.mjs')).mtimeMs, statSync(join(root, 'tools/api-main.cjs')).mtimeMs);
  if (existsSync(API_BUNDLE) && statSync(API_BUNDLE).mtimeMs >= sources) return;
  process.stderr.write('\nbuilding and bundling the API for the start-up tests (nest build api, tools/bundle-api.mjs)…\n');
  execFileSync(process.execPath, [join(root, 'node_modules/@nestjs/cli/bin/nest.js'), 'build', 'api'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [join(root, 'tools/bundle-api.mjs')], { cwd: root, stdio: 'inherit' });
}
