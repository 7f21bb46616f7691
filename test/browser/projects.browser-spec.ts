import { creditCode } from '../setup/fixtures';
import { BrowserApp, startBrowserApp } from './support/browser-app';
import { openedDialog, submitDialog } from './support/ui';

describe('console: investment projects', () => {
  let b: BrowserApp;
  let staff: Record<string, string>;
  let zhenhai: { id: string; name: string };
  let haishu: { id: string; name: string };
  let own: string;

  beforeAll(async () => {
    b = await startBrowserApp();
    const user = await b.user('BUREAU_STAFF', '王科员');
    staff = { Authorization: `Bearer ${await b.t.login(user.username, user.password)}` };
    const enterprise = async (districtCode: string, name: string) =>
      (await b.t.http.post('/api/v1/enterprises').set(staff).send({ creditCode: creditCode(districtCode), name, districtCode, industryCode: '3411' }).expect(201)).body;
    zhenhai = await enterprise('330211', '宁波镇海远帆智能装备有限公司');
    haishu = await enterprise('330203', '宁波海曙远帆纺织有限公司');
    const project = async (enterpriseId: string, name: string, programmeCodes: string[], progress: [string, number][]) => {
      const res = await b.t.http
        .post('/api/v1/projects')
        .set(staff)
        .send({ name, enterpriseId, kind: 'TECH_UPGRADE', programmeCodes, planYear: 2022, plannedTotalYuan: 240000000, plannedStartOn: '2022-01-10', plannedCompletionOn: '2022-12-20', registeredOn: '2022-01-05', stage: 'STARTED' })
        .expect(201);
      for (const [month, cumulativeYuan] of progress) {
        await b.t.http.post(`/api/v1/projects/${res.body.id}/progress`).set(staff).send({ month, cumulativeYuan, reportedOn: `${month}-28` }).expect(201);
      }
      return res.body.id as string;
    };
    // Plan: 20,000,000 a month. Ahead, on plan, then behind.
    own = await project(zhenhai.id, '智能注塑装备数字化车间项目', ['SHUANGBAI', 'DIGITAL_TRANSFORMATION'], [['2022-01', 25000000], ['2022-02', 40000000], ['2022-03', 60000000], ['2022-04', 62000000]]);
    await project(haishu.id, '高端面料扩产项目', ['EXPANSION'], [['2022-01', 20000000]]);
  });
  afterAll(() => b.close());

  it('staff filter the list and read a project with its stage steps and its chart of plan against completion', async () => {
    const page = await b.loggedIn(await b.user('BUREAU_STAFF', '李科员'));
    await page.getByRole('menuitem', { name: '投资项目' }).click();
    // The first visit loads the ProTable chunk: allow a loaded machine longer than the default.
    await page.getByRole('link', { name: '智能注塑装备数字化车间项目' }).waitFor({ timeout: 90_000 });
    await page.getByRole('link', { name: '高端面料扩产项目' }).waitFor();
    await b.screenshot(page, 'projects');

    await page.getByRole('link', { name: '智能注塑装备数字化车间项目' }).click();
    await page.getByText('累计完成投资与累计计划').waitFor();
    await page.locator('canvas').first().waitFor();
    for (const label of ['超前', '正常', '滞后']) await page.getByRole('cell', { name: label }).first().waitFor();
    await page.getByText('开工').first().waitFor();
    await b.screenshot(page, 'project-detail');
    await page.context().close();
  });

  it("a liaison sees only their firm's project and reports progress, which waits for review", async () => {
    const liaison = await b.user('LIAISON', '张联络员', { enterpriseIds: [zhenhai.id] });
    const page = await b.loggedIn(liaison);
    await page.getByRole('menuitem', { name: '投资项目' }).click();
    await page.getByRole('link', { name: '智能注塑装备数字化车间项目' }).waitFor();
    expect(await page.getByText('高端面料扩产项目').count()).toBe(0);
    await page.getByRole('link', { name: '智能注塑装备数字化车间项目' }).click();
    await page.getByRole('button', { name: '填报进度' }).click();
    const modal = await openedDialog(page, '填报月度进度');
    await modal.getByLabel('月份').fill('2022-05');
    await modal.getByLabel('月份').press('Enter');
    await modal.getByLabel('截至月末累计完成投资(万元)').fill('9000');
    await submitDialog(modal, /确\s*定|OK/);
    await page.getByRole('cell', { name: '待审核' }).waitFor();
    const detail = await b.t.http.get(`/api/v1/projects/${own}`).set(staff).expect(200);
    expect(detail.body.progress.find((r: { month: string }) => r.month === '2022-05')).toMatchObject({ status: 'PENDING', cumulativeYuan: 90000000 });
    await page.context().close();
  });
});
