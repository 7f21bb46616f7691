// Sums the gzipped size of the JavaScript the console's index.html loads before any route chunk
// (the entry script and its modulepreload links). `--max-kb N` fails above N KB (CI: 400).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../../../dist/console/', import.meta.url));
const html = readFileSync(`${dist}index.html`, 'utf8');
const files = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g)].map((m) => m[1]);
let total = 0;
for (const file of files) {
  const size = gzipSync(readFileSync(`${dist}${file}`), { level: 9 }).length;
  total += size;
  process.stdout.write(`${(size / 1024).toFixed(1).padStart(8)} KB  ${file}\n`);
}
process.stdout.write(`${(total / 1024).toFixed(1).padStart(8)} KB  initial JavaScript, gzipped (${files.length} files)\n`);
const max = process.argv.indexOf('--max-kb');
if (max > 0 && total / 1024 > Number(process.argv[max + 1])) {
  process.stderr.write(`initial JavaScript is over ${process.argv[max + 1]} KB gzipped\n`);
  process.exit(1);
}
