import { creditCode } from '../setup/fixtures';
import { BrowserApp, ConsoleUser, startBrowserApp } from './support/browser-app';
import { beijingDate, choose, openedDialog, pickDate, submitDialog } from './support/ui';

describe('console: the recognition catalogue and carriers', () => {
  let b: BrowserApp;
  let staff: ConsoleUser;
  let headers: Record<string, string>;

  beforeAll(async () => {
    b = await startBrowserApp();
    staff = await b.user('BUREAU_STAFF', '李科员');
    headers = { Authorization: `Bearer ${await b.t.login(staff.username, staff.password)}` };
    const operator = await b.t.http
      .post('/api/v1/enterprises')
      .set(headers)
      .send({ creditCode: creditCode('330206'), name: '宁波北仑甬智造科技有限公司', districtCode: '330206', industryCode: '3411', aboveScale: true });
    expect(operator.status).toBe(201);
    const platform = await b.t.http.post('/api/v1/carriers').set(headers).send({ kind: 'INDUSTRIAL_INTERNET_PLATFORM', name: '甬智造工业互联网平台', districtCode: '330206', operatorEnterpriseId: operator.body.id });
    expect(platform.status).toBe(201);
    const rec = await b.t.http.post('/api/v1/designations').set(headers).send({ carrierId: platform.body.id, type: 'INDUSTRIAL_INTERNET_PLATFORM', level: 'MUNICIPAL', status: 'RECOGNISED', recognisedOn: '2022-05-26' });
    expect(rec.status).toBe(201);
  });
  afterAll(() => b.close());

  it('lists the catalogue by name and adds a type that is offered at once', async () => {
    const page = await b.loggedIn(staff);
    await page.getByRole('menuitem', { name: '认定类型' }).click();
    await page.getByRole('row').filter({ hasText: '绿色设计产品' }).filter({ hasText: '载体' }).waitFor();
    await page.getByRole('row').filter({ hasText: '智能工厂' }).filter({ hasText: '国家级(领航级)' }).waitFor();
    await page.getByRole('button', { name: '新增认定类型' }).click();
    const form = await openedDialog(page, '新增认定类型');
    await form.getByLabel('代码').fill('GREEN_SUPPLY_CHAIN');
    await form.getByLabel('名称').fill('绿色供应链管理企业');
    await form.getByLabel('有效期(年)').fill('3');
    await submitDialog(form, /保\s*存/);
    await page.getByRole('row').filter({ hasText: '绿色供应链管理企业' }).filter({ hasText: '3 年' }).waitFor();
    await b.screenshot(page, 'recognition-types');
  });

  it('shows a carrier with its recognitions and records a new one with the type’s own levels', async () => {
    const page = await b.loggedIn(staff);
    await page.getByRole('menuitem', { name: '载体' }).click();
    await page.getByRole('row').filter({ hasText: '甬智造工业互联网平台' }).filter({ hasText: '北仑区' }).filter({ hasText: '宁波北仑甬智造科技有限公司' }).waitFor();
    await b.screenshot(page, 'carriers');
    await page.getByRole('link', { name: '甬智造工业互联网平台' }).click();
    await page.getByRole('row').filter({ hasText: '工业互联网平台' }).filter({ hasText: '市级' }).filter({ hasText: '已认定' }).waitFor();
    await page.getByRole('button', { name: '新增认定' }).click();
    const form = await openedDialog(page, '新增认定');
    await choose(page, '认定类型', '工业互联网平台');
    await choose(page, '级别', '省级');
    await pickDate(page, '认定日期', beijingDate(-10));
    await submitDialog(form, /保\s*存/);
    await page.getByRole('row').filter({ hasText: '省级' }).filter({ hasText: '已认定' }).waitFor();
    await b.screenshot(page, 'carrier-detail');
  });
});
