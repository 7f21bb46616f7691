import { StartupService } from '../../apps/api/src/startup.service';
import { creditCode } from '../setup/fixtures';
import { BrowserApp, ConsoleUser, startBrowserApp } from './support/browser-app';
import { beijingDate, choose, dialog, pickDate } from './support/ui';

describe('console: 整治提升 and 低效区块', () => {
  let b: BrowserApp;
  let staff: ConsoleUser;
  let headers: Record<string, string>;
  const codes = [creditCode('330211'), creditCode('330211')];

  beforeAll(async () => {
    b = await startBrowserApp();
    await b.t.app.get(StartupService).prepare({ demo: true });
    staff = await b.user('BUREAU_STAFF', '李科员');
    headers = { Authorization: `Bearer ${await b.t.login(staff.username, staff.password)}` };
    for (const [i, code] of codes.entries()) {
      const res = await b.t.http.post('/api/v1/enterprises').set(headers).send({ creditCode: code, name: `宁波整治测试${i + 1}号五金有限公司`, districtCode: '330211', industryCode: '3411', landAreaMu: 12 });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => b.close());

  it('lists cases with overdue ones marked, closes one with an outcome, opens a pasted list in bulk and lists the blocks', async () => {
    const page = await b.loggedIn(staff);
    await page.getByRole('menuitem', { name: '整治提升' }).click();
    await page.getByRole('row').filter({ hasText: '已逾期' }).first().waitFor();
    await b.screenshot(page, 'remediation-cases');

    // An in-progress block case: close it as 腾退 with evidence.
    await page.getByRole('row').filter({ hasText: '慈溪周巷家电区块' }).click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByText('办理记录').waitFor();
    await choose(page, '变为', '已销号');
    await pickDate(page, '销号日期(默认今天)', beijingDate(0));
    await choose(page, '整治结果', '腾退');
    await drawer.getByLabel('佐证材料').fill('区块整治验收报告');
    await drawer.getByRole('button', { name: /提\s*交/ }).click();
    await drawer.getByText('腾退', { exact: false }).first().waitFor();
    await drawer.locator('.ant-descriptions').getByText('已销号').waitFor();
    await b.screenshot(page, 'remediation-case-detail');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: '批量立案' }).click();
    const form = dialog(page, '批量立案');
    await page.getByTestId('bulk-codes').fill(codes.join('\n'));
    await form.getByLabel('来源年度(亩均评价D类必填)').fill('2022');
    await form.getByLabel('责任单位').fill('镇海区亩均办');
    await pickDate(page, '整治期限', beijingDate(180));
    await form.getByRole('button', { name: /立\s*案/ }).click();
    await form.getByText('已立案 2 件').waitFor();
    await b.screenshot(page, 'remediation-bulk-open');
    const opened = await b.t.http.get('/api/v1/remediation/cases?category=EVALUATION_D_CLASS&q=整治测试').set(headers);
    expect(opened.body.meta.total).toBe(2);
    await form.getByRole('button', { name: /取\s*消/ }).click();

    await page.getByRole('link', { name: '低效区块' }).click();
    await page.getByRole('row').filter({ hasText: '镇海骆驼机电园低效区块' }).waitFor();
    await b.screenshot(page, 'remediation-blocks');
  });
});
