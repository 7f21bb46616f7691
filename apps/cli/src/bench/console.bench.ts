import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { BenchContext, BenchResult, BenchSuite } from './bench-suite';

const RUNS = 5;
type PageDocument = { querySelector(selector: string): { getBoundingClientRect(): { height: number } } | null };
type PageTiming = { name: string; startTime: number; responseEnd?: number };
type PagePerformance = { now(): number; getEntriesByType(type: string): PageTiming[] };
type PageGlobal = { document: PageDocument; performance: PagePerformance };
/**
 * Runs in the page (this package is compiled without the DOM types; the console's CSP forbids eval
 * of a string): once the first row is laid out, the page's clock (ms from navigation start), else 0.
 */
const rowLaidOut = () => {
  const page = globalThis as unknown as PageGlobal;
  return (page.document.querySelector('.ant-table-row')?.getBoundingClientRect().height ?? 0) > 0 ? page.performance.now() : 0;
};

/** The steps of one load, in ms from navigation start (runs in the page): Resource Timing and the console's own marks. */
const PHASES: [key: string, label: string][] = [
  ['html', 'HTML received'],
  ['entry', 'entry script received'],
  ['evaluated', 'entry script evaluated (mark cr:entry)'],
  ['listCode', '企业名录 chunk received'],
  ['listData', 'first page of /enterprises received'],
  ['rows', 'rows committed by React (mark cr:rows)'],
  ['shown', 'first row laid out'],
];
const phasesInPage = () => {
  const perf = (globalThis as unknown as PageGlobal).performance;
  const resources = perf.getEntriesByType('resource');
  const received = (pattern: RegExp) => resources.find((r) => pattern.test(r.name))?.responseEnd ?? NaN;
  const mark = (name: string) => perf.getEntriesByType('mark').find((m) => m.name === name)?.startTime ?? NaN;
  return {
    html: perf.getEntriesByType('navigation')[0]?.responseEnd ?? NaN,
    entry: received(/\/assets\/index-[^/]+\.js$/),
    evaluated: mark('cr:entry'),
    listCode: received(/\/assets\/enterprise-list-page-[^/]+\.js$/),
    listData: received(/\/api\/v1\/enterprises\?/),
    rows: mark('cr:rows'),
  } as Record<string, number>;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The gzipped JavaScript index.html loads before any route chunk (entry + modulepreloads). */
export function initialJavaScript(consoleDir: string): { bytes: number; files: number } {
  const html = readFileSync(join(consoleDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g)].map((m) => m[1]);
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(consoleDir, f)), { level: 9 }).length, 0);
  return { bytes, files: files.length };
}

/**
 * The 企业名录's first page in Chromium: from navigation (a fresh browser context, so the assets
 * are fetched too) until the first row of the table is laid out on screen (checked every frame),
 * next to the API call alone.
 */
export const consoleBench: BenchSuite = async (context: BenchContext): Promise<BenchResult> => {
  const consoleDir = join(process.cwd(), 'dist/console');
  if (!existsSync(join(consoleDir, 'index.html'))) throw new Error('dist/console is missing: run npm run build');
  const initial = initialJavaScript(consoleDir);

  const listUrl = `${context.apiUrl}/api/v1/enterprises?page=1&pageSize=20`;
  const api: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const started = performance.now();
    const res = await fetch(listUrl, { headers: { Authorization: `Bearer ${context.token}` } });
    await res.json();
    if (i > 0) api.push(performance.now() - started); // the first call warms the pool
  }

  // dev dependencies: present wherever `npm run bench` runs from a checkout
  const sparticuz = (await import('@sparticuz/chromium')).default;
  const playwright = await import('playwright-core');
  const chromium = playwright.chromium ?? (playwright as unknown as { default: typeof playwright }).default.chromium;
  const executablePath = process.env.CHROMIUM_PATH ?? (await sparticuz.executablePath());
  const args = process.env.CHROMIUM_PATH
    ? ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
    : sparticuz.args.filter((a: string) => a !== '--single-process');
  const browser = await chromium.launch({ executablePath, args, headless: true });
  const page: number[] = [];
  const phases: Record<string, number>[] = [];
  try {
    for (let i = 0; i <= RUNS; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await ctx.addInitScript({ content: `sessionStorage.setItem('cr.token', ${JSON.stringify(context.token)})` });
      const tab = await ctx.newPage();
      const started = performance.now();
      await tab.goto(`${context.apiUrl}/enterprises`);
      // Checked at every animation frame: a locator's waitFor polls ever more slowly (up to every
      // 0.5 s), which on a busy page measured the poll, not the rows.
      const shown = await tab.waitForFunction(rowLaidOut, undefined, { polling: 'raf', timeout: 60_000 });
      if (i > 0) page.push(performance.now() - started); // the first run warms the server's caches
      if (i > 0) phases.push({ ...(await tab.evaluate(phasesInPage)), shown: (await shown.jsonValue()) as number });
      await ctx.close();
    }
  } finally {
    await browser.close();
  }
  const pageMs = median(page);
  return {
    title: '企业名录 in the web console: first page in Chromium',
    rows: [
      {
        measure: 'initial JavaScript of the console, gzipped',
        value: `${(initial.bytes / 1024).toFixed(0)} KB (${initial.files} file)`,
        baseline: 'an unsplit build (issue 11)',
        baselineValue: '1,050 KB',
        goal: '≤ 400 KB',
        verdict: initial.bytes <= 400 * 1024 ? 'met' : `missed by ${((initial.bytes - 400 * 1024) / 1024).toFixed(0)} KB`,
      },
      {
        measure: `first page visible after navigation (fresh context: HTML, JS, CSS, /auth/me, dictionaries, list), median of ${RUNS}`,
        value: `${pageMs.toFixed(0)} ms`,
        baseline: 'GET /enterprises?page=1&pageSize=20 alone, median',
        baselineValue: `${median(api).toFixed(0)} ms`,
        goal: '< 1 s',
        verdict: pageMs < 1000 ? 'met' : `missed: ${(pageMs / 1000).toFixed(2)} s`,
      },
    ],
    notes: [
      'Chromium from the npm package @sparticuz/chromium, headless, on the same machine as the API and PostgreSQL.',
      `Where the time goes, median of each step in ms from navigation start (the page's own clock): ${PHASES.map(([key, label]) => {
        const values = phases.map((p) => p[key]).filter((v) => Number.isFinite(v));
        return `${label} ${values.length ? median(values).toFixed(0) : '—'}`;
      }).join('; ')}.`,
    ],
  };
};
