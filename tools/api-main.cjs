'use strict';
// dist/apps/api/src/main.js: starts the API bundle (main.bundle.js beside it, made by
// tools/bundle-api.mjs) with a V8 code cache, so a warm start neither reads ~2,200 module files nor
// compiles again the functions that the previous start compiled. The cache is written once, after
// the first start that found none (or found one V8 rejected: another Node.js, other V8 flags), into
// dist/.v8-cache/, beside the code it was made from and writable only by whoever may write dist/
// (never a shared temp folder: compiled code is read from it). Where that folder cannot be written,
// every start compiles, as without a cache (the Docker image makes it writable for its user).
// With --enable-source-maps the bundle is required plainly: Node.js 20 maps stack traces of
// required files only, not of vm scripts. API_CODE_CACHE=0 runs it without the cache too.
const { isAscii } = require('node:buffer');
const { createHash } = require('node:crypto');
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { join } = require('node:path');
const vm = require('node:vm');

const bundle = join(__dirname, 'main.bundle.js');

if (process.sourceMapsEnabled || process.env.API_CODE_CACHE === '0') {
  require(bundle);
} else {
  const stat = statSync(bundle);
  // V8 rejects a cache made under other flags: one cache per set of Node.js options.
  const options = createHash('sha1').update(`${process.execArgv.join(' ')}\n${process.env.NODE_OPTIONS ?? ''}`).digest('hex').slice(0, 8);
  const bundleKey = `api-${process.version}-${process.arch}-${stat.size}-${Math.floor(stat.mtimeMs)}-`;
  const key = `${bundleKey}${options}.v8`;
  const dir = join(__dirname, '../../../.v8-cache');
  let cachedData;
  try {
    cachedData = readFileSync(join(dir, key));
  } catch {
    // none yet
  }
  const bytes = readFileSync(bundle);
  // The bundle is written in ASCII (charset: 'ascii'): read as latin1 it becomes a one-byte string without UTF-8 decoding.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const script = new vm.Script(Module.wrap(source), {
    filename: bundle,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (!cachedData || script.cachedDataRejected) {
    // After the start (main.ts emits 'api-serving'): the cache then holds what a start compiles.
    process.once('api-serving', () =>
      setImmediate(() => {
        const data = script.createCachedData();
        try {
          mkdirSync(dir, { recursive: true });
          const tmp = join(dir, `${key}.${process.pid}.tmp`);
          writeFileSync(tmp, data);
          renameSync(tmp, join(dir, key));
          // Caches of earlier bundles are of no more use (those of this bundle under other options are kept).
          for (const name of readdirSync(dir)) if (/^api-.*\.v8$/.test(name) && !name.startsWith(bundleKey)) rmSync(join(dir, name), { force: true });
        } catch {
          // not writable: every start compiles, as without a cache
        }
      }),
    );
  }
  script.runInThisContext()(module.exports, require, module, bundle, __dirname);
}
