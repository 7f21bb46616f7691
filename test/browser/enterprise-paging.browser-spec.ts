import type { Page, Request } from 'playwright-core';

import { BrowserApp, startBrowserApp } from './support/browser-app';

describe('console: 企业名录 paging', () => {
  let b: BrowserApp;
  beforeAll(async () => {
    b = await startBrowserApp();
    // 70 firms, more than three pages of 20: the setup, not the behaviour under test.
    await b.t.sql(
      `INSERT INTO enterprise (credit_code, name, district_code, industry_code, industry_section, version)
       SELECT 'PGT' || lpad(i::text, 15, '0'), '宁波翻页测试' || lpad(i::text, 2, '0') || '号有限公司', '330211', '3411', 'C', 1 FROM generate_series(1, 70) i`,
    );
  });
  afterAll(() => b.close());

  const listRequest = (page: Page, pageNumber: number) =>
    page.waitForRequest((r: Request) => r.url().includes('/api/v1/enterprises?') && new URL(r.url()).searchParams.get('page') === String(pageNumber));
  const firstLink = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row').first().locator('a').first();
  const firstName = (page: Page) => firstLink(page).innerText();
  // The table keeps the previous page's rows until the next page's arrive: wait for the first row to change.
  const rowsChangedFrom = (page: Page, name: string) => firstLink(page).filter({ hasNotText: name }).waitFor();

  it('shows registered capital in 万元 and 亿元, and copies a credit code', async () => {
    // Figures a clerk reads off a licence: 3,040万, 1.235万 (half away from zero: 1.24), 170.21亿, none.
    await b.t.sql(`UPDATE enterprise SET registered_capital_yuan = v.capital::numeric FROM (VALUES ('01', '30400000.00'), ('02', '12350.00'), ('03', '17021000000.00')) v(no, capital)
      WHERE enterprise.credit_code = 'PGT' || lpad(v.no, 15, '0')`);
    const staff = await b.user('BUREAU_STAFF', '注册资本科员');
    const page = await b.loggedIn(staff);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`${b.baseUrl}/enterprises`);
    const row = (no: string) => page.getByRole('row').filter({ hasText: `宁波翻页测试${no}号有限公司` });
    await row('01').waitFor();
    const capital = async (no: string) => (await row(no).locator('td').nth(6).innerText()).trim();
    expect([await capital('01'), await capital('02'), await capital('03'), await capital('04')]).toEqual(['3,040万元', '1.24万元', '170.21亿元', '—']);

    await row('02').getByRole('button', { name: '复制' }).click();
    await page.getByText('已复制 PGT000000000000002').waitFor();
    type Clipboard = { navigator: { clipboard: { readText(): Promise<string> } } };
    expect(await page.evaluate(() => (globalThis as unknown as Clipboard).navigator.clipboard.readText())).toBe('PGT000000000000002');
    await page.context().close();
  });

  it('pages forward by cursor and goes back to a page by the cursor it was read with, not by page number', async () => {
    const staff = await b.user('BUREAU_STAFF', '翻页科员');
    const page = await b.loggedIn(staff);
    await page.goto(`${b.baseUrl}/enterprises`);
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    const firstOfPage1 = await firstName(page);

    const second = listRequest(page, 2);
    await page.getByTitle('下一页').click();
    const secondAfter = new URL((await second).url()).searchParams.get('after');
    expect(secondAfter).toBeTruthy();
    await page.locator('.ant-pagination-item-active').getByText('2').waitFor();
    await rowsChangedFrom(page, firstOfPage1);
    const secondFirst = await firstName(page);

    const third = listRequest(page, 3);
    await page.getByTitle('下一页').click();
    expect(new URL((await third).url()).searchParams.get('after')).toBeTruthy();
    await page.locator('.ant-pagination-item-active').getByText('3').waitFor();
    await rowsChangedFrom(page, secondFirst);
    expect(await firstName(page)).not.toBe(secondFirst);

    // Back: page 2's rows again, from the query cache or by its cursor, never as page=2 by OFFSET.
    const afters: (string | null)[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/api/v1/enterprises' && url.searchParams.get('page') === '2') afters.push(url.searchParams.get('after'));
    });
    await page.getByTitle('上一页').click();
    await page.locator('.ant-pagination-item-active').getByText('2').waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().getByText(secondFirst).waitFor();
    expect(afters.every((after) => after === secondAfter)).toBe(true);
    await page.context().close();
  });
});
