// Lint step: the libraries form a DAG in a declared layer order, and code outside a lib reaches
// it only through its index.ts (`@app/<lib>`). Fails on a deep import (`@app/x/...`), a relative
// import that leaves its lib or app, an import against the layer order, and a cycle.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// The one declaration of the layer order (README, "Architecture"): a lib may import only libs of
// a lower layer. Apps, test/ and seeds/ sit above every lib.
// `database` sits on top because its data-source lists every lib's entities; no lib imports it.
export const LAYERS = [
  ['core'],
  ['audit', 'reference'],
  ['auth', 'registry'],
  ['cultivation', 'projects', 'evaluation'],
  ['remediation'],
  ['quotas'],
  ['reports', 'importing', 'seeding', 'notifications'],
  ['database'],
];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const layerOf = new Map(LAYERS.flatMap((libs, i) => libs.map((lib) => [lib, i])));
const SOURCE = /\.(ts|tsx|mts|cts)$/;
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*|\bjest\.mock\s*\(\s*)['"]([^'"]+)['"]/g;

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

// The unit a file belongs to: 'lib:<name>', 'app:<name>', or the top folder (test, seeds).
function unitOf(path) {
  const parts = relative(root, path).split(sep);
  if (parts[0] === 'libs') return `lib:${parts[1]}`;
  if (parts[0] === 'apps') return `app:${parts[1]}`;
  return parts[0];
}

const problems = [];
const edges = new Map(); // lib -> Map(lib -> first "file:line")
const libs = readdirSync(join(root, 'libs')).filter((n) => statSync(join(root, 'libs', n)).isDirectory());
for (const lib of libs) {
  if (!layerOf.has(lib)) problems.push(`libs/${lib}: not in LAYERS (tools/check-lib-graph.mjs); give it a layer`);
}

const files = ['libs', 'apps', 'test', 'seeds'].flatMap((d) => {
  try { return walk(join(root, d)); } catch { return []; }
});
for (const file of files) {
  const unit = unitOf(file);
  const rel = relative(root, file);
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((text, i) => {
    for (const [, spec] of text.matchAll(IMPORT)) {
      const where = `${rel}:${i + 1}`;
      let target;
      if (spec.startsWith('@app/')) {
        const [, lib, ...rest] = spec.split('/');
        if (rest.length) problems.push(`${where}: deep import '${spec}'; import '@app/${lib}' (export it from libs/${lib}/src/index.ts)`);
        if (unit === 'app:console') problems.push(`${where}: the console imports nothing from libs/ ('${spec}')`);
        target = `lib:${lib}`;
        if (target === unit) problems.push(`${where}: libs/${lib} imports itself through '${spec}'; use a relative import`);
      } else if (spec.startsWith('.')) {
        const resolved = resolve(dirname(file), spec);
        const targetUnit = unitOf(resolved);
        // Leaving a lib, or entering one from outside, is a deep import by another name. Tests and
        // seeds may reach apps/ and the root config relatively (apps have no index).
        if (targetUnit !== unit && (unit.startsWith('lib:') || targetUnit.startsWith('lib:'))) {
          problems.push(`${where}: relative import '${spec}' crosses from ${unit} into ${targetUnit}; import through '@app/<lib>'`);
          target = targetUnit;
        }
      }
      if (!target || target === unit || !unit.startsWith('lib:')) continue;
      if (!target.startsWith('lib:')) {
        problems.push(`${where}: a lib imports ${target} ('${spec}'); libs never import apps, tests or seeds`);
        continue;
      }
      const from = unit.slice(4);
      const to = target.slice(4);
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from).has(to)) edges.get(from).set(to, where);
      if (layerOf.has(from) && layerOf.has(to) && layerOf.get(to) >= layerOf.get(from)) {
        problems.push(`${where}: libs/${from} (layer ${layerOf.get(from)}) imports libs/${to} (layer ${layerOf.get(to)}); a lib imports only lower layers`);
      }
    }
  });
}

// Cycles, reported once each with the file that makes each step.
const state = new Map();
const stack = [];
const seen = new Set();
function visit(lib) {
  state.set(lib, 'open');
  stack.push(lib);
  for (const next of edges.get(lib)?.keys() ?? []) {
    if (state.get(next) === 'open') {
      const cycle = stack.slice(stack.indexOf(next)).concat(next);
      const key = [...cycle.slice(0, -1)].sort().join(',');
      if (!seen.has(key)) {
        seen.add(key);
        const steps = cycle.slice(0, -1).map((a, k) => `${a} → ${cycle[k + 1]} (${edges.get(a).get(cycle[k + 1])})`);
        problems.push(`cycle between libs: ${steps.join(', ')}`);
      }
    } else if (!state.has(next)) visit(next);
  }
  stack.pop();
  state.set(lib, 'done');
}
for (const lib of edges.keys()) if (!state.has(lib)) visit(lib);

if (problems.length) {
  for (const p of problems) process.stderr.write(`${p}\n`);
  process.stderr.write(`check-lib-graph: ${problems.length} problem(s)\n`);
  process.exit(1);
}
