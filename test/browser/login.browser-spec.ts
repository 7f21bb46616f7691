import { BrowserApp, INTRANET_HOST, startBrowserApp } from './support/browser-app';

describe('console: logging in and out', () => {
  let b: BrowserApp;
  beforeAll(async () => {
    b = await startBrowserApp();
  });
  afterAll(() => b.close());

  it('serves the console at / in Chinese and logs a user in and out, keeping the token out of the URL', async () => {
    const staff = await b.user('BUREAU_STAFF', '王科员');
    const page = await b.loggedIn(staff);
    await page.getByTestId('current-user').getByText('王科员').waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
    expect(page.url()).not.toContain('token');
    expect(await page.evaluate("sessionStorage.getItem('cr.token')")).toBeTruthy();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('button', { name: /登\s*录/ }).waitFor();
    expect(await page.evaluate("sessionStorage.getItem('cr.token')")).toBeNull();
    // a logged-out browser going back to a page lands on the login page again
    await page.goto(`${b.baseUrl}/enterprises`);
    await page.getByRole('button', { name: /登\s*录/ }).waitFor();
    await page.context().close();
  });

  it('works over plain HTTP on an intranet host name (no forced https)', async () => {
    const staff = await b.user('BUREAU_STAFF', '周科员');
    const context = await b.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const port = new URL(b.baseUrl).port;
    const response = await page.goto(`http://${INTRANET_HOST}:${port}/login`);
    expect(response?.headers()['content-security-policy'] ?? '').not.toContain('upgrade-insecure-requests');
    await page.getByLabel('用户名').fill(staff.username);
    await page.getByLabel('密码').fill(staff.password);
    await b.screenshot(page, 'login');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('current-user').getByText('周科员').waitFor();
    expect(page.url()).toMatch(new RegExp(`^http://${INTRANET_HOST}:${port}/`));
    await context.close();
  });
});
