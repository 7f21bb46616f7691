import { BrowserApp, startBrowserApp } from './support/browser-app';

describe('console: logging in and out', () => {
  let b: BrowserApp;
  beforeAll(async () => {
    b = await startBrowserApp();
  });
  afterAll(() => b.close());

  it('serves the console at / in Chinese and logs a user in and out', async () => {
    const staff = await b.user('BUREAU_STAFF', '王科员');
    const page = await b.loggedIn(staff);
    await page.getByTestId('current-user').getByText('王科员').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(page.url()).not.toContain('token');
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('button', { name: /登\s*录/ }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('cr.token'))).toBeNull();
  });
});
