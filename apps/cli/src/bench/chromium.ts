import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { Browser } from 'playwright-core';

/** The flags Debian's Chromium needs here (CHROMIUM_PATH); the npm one brings its own. */
const SYSTEM_CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/**
 * Fontconfig for the npm Chromium, which ships no CJK font: its own font folder plus the Noto Sans SC
 * faces of the npm package @embedpdf/fonts-sc, so Chinese renders as it does in users' browsers, which
 * have system CJK fonts (without one every Chinese character is a box, found missing by a fallback search).
 */
function fontEnv(root: string): Record<string, string> {
  const dir = join(root, 'dist/.browser-fonts');
  mkdirSync(dir, { recursive: true });
  const fonts = resolve(root, 'node_modules/@embedpdf/fonts-sc/fonts');
  writeFileSync(
    join(dir, 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>/tmp/fonts</dir>\n  <dir>${fonts}</dir>\n  <cachedir>${join(dir, 'cache')}</cachedir>\n</fontconfig>\n`,
  );
  return { FONTCONFIG_PATH: dir, FONTCONFIG_FILE: join(dir, 'fonts.conf') };
}

/**
 * Headless Chromium for the browser tests and `npm run bench`: the npm package @sparticuz/chromium (so
 * `npm ci` is enough), or a system one at CHROMIUM_PATH; with CJK fonts. `root` is the checkout (for
 * node_modules and dist/).
 */
export async function launchChromium(root: string, extraArgs: string[] = []): Promise<Browser> {
  // dev dependencies, present wherever tests or the bench run from a checkout; the npm Chromium's package
  // is ESM-first and its CommonJS build exports the class itself
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sparticuz = require('@sparticuz/chromium') as { executablePath(): Promise<string>; args: string[] };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const system = process.env.CHROMIUM_PATH;
  const executablePath = system ?? (await sparticuz.executablePath());
  // --single-process (meant for AWS Lambda) takes the whole browser down when a context closes
  const args = [...(system ? SYSTEM_CHROMIUM_FLAGS : sparticuz.args.filter((a) => a !== '--single-process')), ...extraArgs];
  return chromium.launch({ executablePath, headless: true, args, env: { ...(process.env as Record<string, string>), ...fontEnv(root) } });
}
