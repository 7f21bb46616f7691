import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { creditCode } from '../setup/fixtures';
import { BrowserApp, ConsoleUser, startBrowserApp } from './support/browser-app';
import { beijingDate, choose, openedDialog, pickDate, pickEnterprise, submitDialog } from './support/ui';

describe('console: bureau staff do their daily jobs', () => {
  let b: BrowserApp;
  let staff: ConsoleUser;
  let staffHeaders: Record<string, string>;
  let zhenhai: { id: string; name: string; version: number };

  beforeAll(async () => {
    b = await startBrowserApp();
    staff = await b.user('BUREAU_STAFF', '王科员');
    staffHeaders = { Authorization: `Bearer ${await b.t.login(staff.username, staff.password)}` };
    const res = await b.t.http
      .post('/api/v1/enterprises')
      .set(staffHeaders)
      .send({ creditCode: creditCode('330211'), name: '宁波镇海甬江精密机械有限公司', districtCode: '330211', industryCode: '3411', aboveScale: true, registeredCapitalYuan: 30_400_000, landAreaMu: 40 });
    expect(res.status).toBe(201);
    zhenhai = res.body;
    for (const [year, revenue] of [[2021, 180_000_000], [2022, 215_000_000], [2023, 263_000_000]]) {
      const put = await b.t.http
        .put(`/api/v1/enterprises/${zhenhai.id}/figures/${year}`)
        .set(staffHeaders)
        .send({ operatingRevenueYuan: revenue, industrialOutputYuan: Math.round(revenue * 1.1), taxPaidYuan: Math.round(revenue * 0.04), employees: 320 });
      expect(put.status).toBeLessThan(300);
    }
  });
  afterAll(() => b.close());

  it('finds a 镇海 firm, tags it 链核 on a chain and sees it on the chain page', async () => {
    const page = await b.loggedIn(staff);
    await page.getByText('待审核变更申请').waitFor();
    await b.screenshot(page, 'workbench');
    await page.getByRole('menuitem', { name: '企业名录' }).click();
    await page.getByLabel('关键词').fill('甬江精密');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    // districts and industries by name: 3411 is under 34 通用设备制造业
    await page.getByRole('row').filter({ hasText: '镇海区' }).filter({ hasText: '通用设备制造业' }).first().waitFor();
    await b.screenshot(page, 'enterprises');
    await page.getByRole('link', { name: '宁波镇海甬江精密机械有限公司' }).click();
    await page.getByTestId('enterprise-name').getByText('宁波镇海甬江精密机械有限公司').waitFor();
    await page.getByText('镇海区').first().waitFor();

    await page.getByRole('tab', { name: '认定与培育' }).click();
    await page.getByRole('button', { name: '新增认定' }).click();
    const form = await openedDialog(page, '新增认定');
    await choose(page, '认定类型', '链核');
    await choose(page, '级别', '市级');
    await choose(page, '产业链', '智能成型装备');
    await pickDate(page, '认定日期', beijingDate(-30));
    await submitDialog(form, /保\s*存/);
    await page.getByTestId('live-designations').getByText(/智能成型装备 · 链核/).waitFor();
    await b.screenshot(page, 'enterprise-designations');

    await page.getByRole('menuitem', { name: '产业链' }).click();
    await page.getByTestId('chain-card').getByText('成员企业').first().waitFor();
    await b.screenshot(page, 'chains');
    await page.getByRole('link', { name: '智能成型装备' }).click();
    await page.getByTestId('chain-cores').getByText(/宁波镇海甬江精密机械有限公司/).waitFor();
    await b.screenshot(page, 'chain-detail');

    const held = await b.t.http.get(`/api/v1/enterprises/${zhenhai.id}/designations`).set(staffHeaders);
    expect(held.body.map((d: { type: string; chainName: string }) => `${d.type}@${d.chainName}`)).toEqual(['CHAIN_CORE@智能成型装备']);
    await page.context().close();
  });

  it('says when a hit came through a former name, saves the query as a view and exports the current result', async () => {
    const renamed = await b.t.http
      .post('/api/v1/enterprises')
      .set(staffHeaders)
      .send({ creditCode: creditCode('330211'), name: '宁波镇海蓝海智造有限公司', formerNames: ['宁波镇海老渔具厂'], districtCode: '330211', industryCode: '3411' });
    expect(renamed.status).toBe(201);
    const page = await b.loggedIn(staff);
    await page.getByRole('menuitem', { name: '企业名录' }).click();
    await page.getByLabel('关键词').fill('老渔具');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const row = page.getByRole('row').filter({ hasText: '宁波镇海蓝海智造有限公司' });
    await row.getByText('曾用名').waitFor();

    await page.getByRole('button', { name: '保存当前视图' }).click();
    const saveView = await openedDialog(page, '保存当前查询条件');
    await saveView.getByLabel('视图名称').fill('老渔具厂');
    // the dialog closes once the view is stored (on an error it says why); the menu below then lists it
    await submitDialog(saveView, /保\s*存/);
    await page.getByRole('button', { name: /重\s*置/ }).click();
    await page.getByRole('button', { name: /保存的视图/ }).click();
    await page.getByRole('menuitem', { name: /老渔具厂/ }).click();
    await row.getByText('曾用名').waitFor();
    expect(await page.getByLabel('关键词').inputValue()).toBe('老渔具');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出当前结果/ }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await page.context().close();
  });

  it('records a little-giant recognition and finds it among those expiring within 30 days', async () => {
    const page = await b.loggedIn(staff);
    await page.getByRole('menuitem', { name: '认定管理' }).click();
    await page.getByRole('button', { name: '新增认定' }).click();
    const form = await openedDialog(page, '新增认定');
    await pickEnterprise(page, '企业', '甬江精密');
    await choose(page, '认定类型', '小巨人');
    await choose(page, '级别', '国家级');
    // recognised three years ago less 20 days: the default expiry (three years) falls within 30 days
    await pickDate(page, '认定日期', beijingDate(-(3 * 365 + 1) + 20));
    await pickDate(page, '到期日期', beijingDate(20));
    await page.getByLabel('批次', { exact: true }).fill('第五批');
    await submitDialog(form, /保\s*存/);

    await page.getByRole('tab', { name: '即将到期' }).click();
    await page.getByTestId('expiring-days').getByText('30天内到期').click();
    const row = page.getByRole('row').filter({ hasText: '宁波镇海甬江精密机械有限公司' }).filter({ hasText: '小巨人' });
    await row.waitFor();
    expect(await row.textContent()).toContain(beijingDate(20));
    await b.screenshot(page, 'designations');
    await page.context().close();
  });

  it("approves a liaison's change request, shown before → after in Chinese", async () => {
    const liaison = await b.user('LIAISON', '李联络', { enterpriseIds: [zhenhai.id] });
    const liaisonHeaders = { Authorization: `Bearer ${await b.t.login(liaison.username, liaison.password)}` };
    const current = await b.t.http.get(`/api/v1/enterprises/${zhenhai.id}`).set(liaisonHeaders);
    const submitted = await b.t.http
      .post(`/api/v1/enterprises/${zhenhai.id}/change-requests`)
      .set(liaisonHeaders)
      .send({ version: current.body.version, profile: { registeredCapitalYuan: 20_000_000 } });
    expect(submitted.status).toBe(201);

    const page = await b.loggedIn(staff);
    await page.getByRole('menuitem', { name: '变更审核' }).click();
    const diff = page.getByTestId('change-diff').first();
    await diff.getByText('注册资本').waitFor();
    expect(await diff.textContent()).toContain('3,040万元');
    expect(await diff.textContent()).toContain('2,000万元');
    await b.screenshot(page, 'change-requests');
    await page.getByRole('row').filter({ hasText: '宁波镇海甬江精密机械有限公司' }).getByRole('button', { name: /通\s*过/ }).click();
    await page.getByText('已通过,变更已生效').waitFor();

    const after = await b.t.http.get(`/api/v1/enterprises/${zhenhai.id}`).set(staffHeaders);
    expect(after.body.registeredCapitalYuan).toBe(20_000_000);

    await page.goto(`${b.baseUrl}/enterprises/${zhenhai.id}?tab=history`);
    await page.getByTestId('history-sentence').filter({ hasText: '将 注册资本 由 3,040万元 改为 2,000万元' }).first().waitFor();
    await b.screenshot(page, 'enterprise-history');
    await page.goto(`${b.baseUrl}/enterprises/${zhenhai.id}?tab=figures`);
    await page.locator('canvas').first().waitFor();
    await b.screenshot(page, 'enterprise-figures');
    await page.goto(`${b.baseUrl}/enterprises/${zhenhai.id}`);
    await page.getByText('法定代表人').waitFor();
    await page.getByText('3411(通用设备制造业)').waitFor();
    await b.screenshot(page, 'enterprise-detail');
    await page.context().close();
  });

  it('imports a CSV with one bad row, shows the error, then applies the fixed file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cr-import-'));
    const good = creditCode('330212');
    const second = creditCode('330212');
    const header = '统一社会信用代码,企业名称,所属区县代码,行业代码\n';
    const bad = `${header}${good},宁波鄞州导入测试电器有限公司,330212,3857\n${second},宁波鄞州导入测试二厂有限公司,339999,3857\n`;
    const fixed = bad.replace(',339999,', ',330212,');
    writeFileSync(join(dir, 'bad.csv'), bad);
    writeFileSync(join(dir, 'fixed.csv'), fixed);

    const page = await b.loggedIn(staff);
    await page.getByRole('menuitem', { name: '数据导入' }).click();
    await choose(page, page.getByTestId('import-kind'), '企业');
    await page.locator('input[type=file]').setInputFiles(join(dir, 'bad.csv'));
    await page.getByRole('button', { name: /检查文件/ }).click();
    const errors = page.getByTestId('import-errors');
    const errorRow = errors.getByRole('row').filter({ hasText: '339999' });
    await errorRow.waitFor();
    // line 3 of the file: the header is line 1
    expect(await errorRow.getByRole('cell').first().textContent()).toBe('3');
    await b.screenshot(page, 'import-errors');

    await page.locator('input[type=file]').setInputFiles(join(dir, 'fixed.csv'));
    await page.getByRole('button', { name: /检查文件/ }).click();
    await page.getByText('检查通过,可以导入').waitFor();
    await page.getByRole('button', { name: /确认导入/ }).click();
    await page.locator('.ant-result-title', { hasText: '导入完成' }).waitFor();
    expect(await page.getByText(/新增 2 条/).count()).toBe(1);

    const found = await b.t.http.get(`/api/v1/enterprises/by-credit-code/${second}`).set(staffHeaders);
    expect(found.body).toMatchObject({ name: '宁波鄞州导入测试二厂有限公司', districtCode: '330212' });
    await page.context().close();
  });
});
