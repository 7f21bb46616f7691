import type Sparticuz from '@sparticuz/chromium' with { 'resolution-mode': 'import' };
import { mkdirSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';

import { ADMIN, createTestApp, TEST_PASSWORD, TestApp } from '../../setup/test-app';

// the package is ESM-first; its CommonJS build exports the class itself
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sparticuz: typeof Sparticuz = require('@sparticuz/chromium');

const ROOT = resolve(__dirname, '../../..');
const SCREENSHOTS = join(ROOT, 'docs/screenshots');
export const INTRANET_HOST = 'registry.intranet';
const SYSTEM_CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export interface ConsoleUser {
  username: string;
  password: string;
  displayName: string;
}

export interface BrowserApp {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  admin: ConsoleUser;
  /** Creates a user through the API (as admin) and returns its login. */
  user(role: string, displayName: string, extra?: { districtCodes?: string[]; enterpriseIds?: string[] }): Promise<ConsoleUser>;
  /** A fresh browser context logged in through the console's login page. */
  loggedIn(user: ConsoleUser): Promise<Page>;
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Fontconfig for the npm Chromium, which ships no CJK font: its own font folder plus the Noto Sans
 * SC faces of the npm package @embedpdf/fonts-sc, so Chinese renders in screenshots (tests only;
 * users' browsers have system fonts).
 */
function fontEnv(): Record<string, string> {
  const dir = join(ROOT, 'dist/.browser-fonts');
  mkdirSync(dir, { recursive: true });
  const fonts = resolve(ROOT, 'node_modules/@embedpdf/fonts-sc/fonts');
  writeFileSync(
    join(dir, 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>/tmp/fonts</dir>\n  <dir>${fonts}</dir>\n  <cachedir>${join(dir, 'cache')}</cachedir>\n</fontconfig>\n`,
  );
  return { FONTCONFIG_PATH: dir, FONTCONFIG_FILE: join(dir, 'fonts.conf') };
}

async function launch(): Promise<Browser> {
  const system = process.env.CHROMIUM_PATH;
  const executablePath = system ?? (await sparticuz.executablePath());
  const env = { ...(process.env as Record<string, string>), ...fontEnv() };
  // --single-process (meant for AWS Lambda) takes the whole browser down when a context closes
  // an intranet host name (not localhost) resolves to the test server, to prove plain HTTP works there
  const args = [...(system ? SYSTEM_CHROMIUM_FLAGS : sparticuz.args.filter((a) => a !== '--single-process')), `--host-resolver-rules=MAP ${INTRANET_HOST} 127.0.0.1`];
  return chromium.launch({ executablePath, headless: true, args, env });
}

/** The real app (own database) listening on a free port, and one Chromium for the whole test file. */
export async function startBrowserApp(): Promise<BrowserApp> {
  const t = await createTestApp();
  await t.app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  const browser = await launch();
  const adminHeaders = await t.as('ADMIN');

  const user: BrowserApp['user'] = async (role, displayName, extra = {}) => {
    const username = `u${Math.random().toString(36).slice(2, 10)}`;
    const res = await t.http.post('/api/v1/users').set(adminHeaders).send({ username, password: TEST_PASSWORD, role, displayName, ...extra });
    if (res.status !== 201) throw new Error(`create user: ${res.status} ${JSON.stringify(res.body)}`);
    return { username, password: TEST_PASSWORD, displayName };
  };

  const loggedIn: BrowserApp['loggedIn'] = async (u) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    page.on('pageerror', (e) => process.stderr.write(`pageerror ${e.message}\n`));
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('用户名').fill(u.username);
    await page.getByLabel('密码').fill(u.password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('current-user').waitFor();
    return page;
  };

  return {
    t,
    baseUrl,
    browser,
    admin: { ...ADMIN, displayName: ADMIN.username },
    user,
    loggedIn,
    async screenshot(page, name) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
    },
    async close() {
      await browser.close();
      await t.close();
    },
  };
}
