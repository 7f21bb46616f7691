import { mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { Browser, Page } from 'playwright-core';

import { launchChromium } from '../../../apps/cli/src/bench/chromium';
import { ADMIN, createTestApp, TEST_PASSWORD, TestApp } from '../../setup/test-app';

const ROOT = resolve(__dirname, '../../..');
const SCREENSHOTS = join(ROOT, 'docs/screenshots');
export const INTRANET_HOST = 'registry.intranet';

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

/** An intranet host name (not localhost) resolves to the test server, to prove plain HTTP works there. */
const launch = (): Promise<Browser> => launchChromium(ROOT, [`--host-resolver-rules=MAP ${INTRANET_HOST} 127.0.0.1`]);

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
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    page.on('pageerror', (e) => process.stderr.write(`pageerror ${e.message}\n`));
    // What the console was told when an API call failed: a test that then waits in vain says why in the log.
    page.on('response', (r) => {
      if (r.status() >= 400 && r.url().includes('/api/')) {
        void r.text().then(
          (body) => process.stderr.write(`console ${r.request().method()} ${new URL(r.url()).pathname} → ${r.status()} ${body.slice(0, 300)}\n`),
          () => undefined,
        );
      }
    });
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
