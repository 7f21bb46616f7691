import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { todayInChina } from '@app/core';
import { NotificationJobService } from '@app/notifications';

import { creditCode } from '../setup/fixtures';

import { BrowserApp, ConsoleUser, startBrowserApp } from './support/browser-app';
import { openedDialog, settled } from './support/ui';

// The PDF report embeds Debian's WenQuanYi (CI installs it); where it is missing, use the npm Noto Sans SC.
if (!process.env.REPORT_CJK_FONT && !existsSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc')) {
  process.env.REPORT_CJK_FONT = resolve(__dirname, '../../node_modules/@embedpdf/fonts-sc/fonts/NotoSansHans-Regular.otf');
}

describe('console: progress, quarterly reports, the dashboard, liaison self-service and the inbox', () => {
  let b: BrowserApp;
  let staff: ConsoleUser;
  let staffHeaders: Record<string, string>;
  const firms: Record<'zhenhai' | 'yinzhou', { id: string; name: string }> = {} as never;

  const firm = async (key: 'zhenhai' | 'yinzhou', districtCode: string, name: string) => {
    const res = await b.t.http.post('/api/v1/enterprises').set(staffHeaders).send({ creditCode: creditCode(districtCode), name, districtCode, industryCode: '3411', aboveScale: true, landAreaMu: 30 });
    expect(res.status).toBe(201);
    firms[key] = { id: res.body.id, name };
    // a national little giant since February 2022: counted in the 2022 plan and listed in its drill-down
    const d = await b.t.http.post('/api/v1/designations').set(staffHeaders).send({ enterpriseId: res.body.id, type: 'LITTLE_GIANT', level: 'NATIONAL', status: 'RECOGNISED', recognisedOn: '2022-02-15', expiresOn: '2099-12-31' });
    expect(d.status).toBe(201);
  };
  const runDailyJob = () => b.t.app.get(NotificationJobService).run();

  beforeAll(async () => {
    b = await startBrowserApp();
    staff = await b.user('BUREAU_STAFF', '王科员');
    staffHeaders = { Authorization: `Bearer ${await b.t.login(staff.username, staff.password)}` };
    await firm('zhenhai', '330211', '宁波镇海海天精工有限公司');
    await firm('yinzhou', '330212', '宁波鄞州东方电缆有限公司');
    // the little-giant line split by district, so the map and the district view have targets to show
    const plan = (await b.t.http.get('/api/v1/quota-plans/2022').set(staffHeaders)).body as { lines: { code: string; label: string; version: number; splits: unknown[] }[] };
    const line = plan.lines.find((l) => l.label.includes('小巨人'))!;
    const patched = await b.t.http
      .patch(`/api/v1/quota-plans/2022/lines/${line.code}`)
      .set(staffHeaders)
      .send({ version: line.version, splits: [{ districtCode: '330211', target: 3 }, { districtCode: '330212', target: 2 }, { districtCode: '330206', target: 4 }] });
    expect(patched.status).toBe(200);
    // Q1 2022 frozen before anyone opens the console: the leaders' latest report
    expect((await b.t.http.post('/api/v1/quota-plans/2022/quarters/1/snapshot').set(staffHeaders)).status).toBe(201);
  });
  afterAll(() => b.close());

  it('lets a viewer open the dashboard and download the latest frozen report as PDF', async () => {
    const viewer = await b.user('VIEWER', '张局长');
    const page = await b.loggedIn(viewer);
    await page.getByTestId('dashboard').waitFor();
    const latest = page.getByTestId('latest-report');
    await latest.getByText(/2022 年第 1 季度/).waitFor();
    await latest.getByText('王科员').waitFor();
    await page.getByTestId('district-map').locator('canvas').waitFor();
    await page.getByTestId('chain-pyramid').locator('canvas').first().waitFor();
    await b.screenshot(page, 'dashboard');
    // The PDF clicks are sent as DOM clicks: a pointer click that starts a PDF download or an in-page PDF view
    // sometimes never got its input acknowledgement from headless Chromium (the button's handler is the same).
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), latest.getByRole('button', { name: '下载 PDF' }).dispatchEvent('click')]);
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);
    expect(readFileSync(await file.path()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.context().close();
  });

  it('lets city staff read progress, edit the plan, and freeze a quarter only after the preview and a warning', async () => {
    const page = await b.loggedIn(staff);
    await page.getByRole('menuitem', { name: '目标进度' }).click();
    await page.getByTestId('as-of').getByText('截至 2022-12-31').waitFor();
    await page.getByTestId('group-企业梯队').locator('canvas').waitFor();
    await page.getByText('未填报').first().waitFor();
    await b.screenshot(page, 'progress');
    await page.getByRole('button', { name: /企业明细/ }).first().click();
    await page.locator('.ant-drawer').getByRole('row').nth(1).waitFor();
    await settled(page);
    await b.screenshot(page, 'progress-drill-down');
    await page.locator('.ant-drawer-close').click();

    await page.goto(`${b.baseUrl}/plans`);
    await page.getByRole('button', { name: '复制为 2023 年计划' }).waitFor();
    await b.screenshot(page, 'plans');

    await page.getByRole('menuitem', { name: '季度报告' }).click();
    const q2 = page.getByTestId('quarter-2');
    await q2.getByText('未冻结').waitFor();
    await q2.getByRole('button', { name: '预览并冻结' }).click();
    const preview = await openedDialog(page, /冻结前预览/);
    await preview.getByRole('row').nth(2).waitFor();
    await b.screenshot(page, 'report-freeze-preview');
    await preview.getByRole('button', { name: /冻\s*结/ }).click();
    await page.getByText('此操作不可撤销').waitFor();
    await settled(page);
    await page.getByRole('button', { name: '确认冻结,不可撤销' }).click();
    await q2.getByText('已冻结').waitFor();
    await q2.getByText(/由 王科员 于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 冻结/).waitFor();
    const quarters = await b.t.http.get('/api/v1/quota-plans/2022/quarters').set(staffHeaders);
    expect(quarters.body.quarters.map((q: { frozen: boolean }) => q.frozen)).toEqual([true, true, false, false]);

    await q2.getByRole('button', { name: '预览 PDF' }).dispatchEvent('click');
    await page.getByTestId('pdf-preview').waitFor({ timeout: 60_000 });
    await b.screenshot(page, 'reports');
    await page.context().close();
  });

  it('lets a liaison submit a change and a figure report, and read both decisions in the inbox', async () => {
    const liaison = await b.user('LIAISON', '李联络', { enterpriseIds: [firms.zhenhai.id] });
    // the firm sits on a chain and is a supplier (not the lead) in a community led by a Beilun firm
    const chain = await b.t.http.post('/api/v1/chains').set(staffHeaders).send({ code: 'LIAISON_VIEW', name: '联络视图测试产业链' });
    expect(chain.status).toBe(201);
    expect((await b.t.http.post(`/api/v1/chains/${chain.body.id}/members`).set(staffHeaders).send({ enterpriseId: firms.zhenhai.id, keyEnterprise: true })).status).toBe(201);
    const lead = await b.t.http.post('/api/v1/enterprises').set(staffHeaders).send({ creditCode: creditCode('330206'), name: '宁波北仑链主测试有限公司', districtCode: '330206', industryCode: '3411', aboveScale: true, landAreaMu: 30 });
    expect(lead.status).toBe(201);
    const leader = await b.t.http.post('/api/v1/designations').set(staffHeaders).send({ enterpriseId: lead.body.id, type: 'CHAIN_LEADER', level: 'MUNICIPAL', chainId: chain.body.id, status: 'RECOGNISED', recognisedOn: todayInChina() });
    expect(leader.status).toBe(201);
    const community = await b.t.http.post('/api/v1/communities').set(staffHeaders).send({ name: '联络视图上下游共同体', chainId: chain.body.id, leadEnterpriseId: lead.body.id });
    expect(community.status).toBe(201);
    const joined = await b.t.http.post(`/api/v1/communities/${community.body.id}/members`).set(staffHeaders).send({ enterpriseId: firms.zhenhai.id, role: 'UPSTREAM_SUPPLIER' });
    expect(joined.status).toBe(201);

    const page = await b.loggedIn(liaison);
    await page.getByRole('menuitem', { name: '我的企业' }).click();
    await page.getByText('宁波镇海海天精工有限公司').first().waitFor();
    await page.getByRole('row', { name: /联络视图测试产业链.*重点企业/ }).waitFor();
    await page.getByRole('row', { name: /联络视图上下游共同体.*上游供应商/ }).waitFor();
    await b.screenshot(page, 'my-enterprise');

    await page.getByRole('menuitem', { name: '申请修改' }).click();
    await page.getByTestId('rule-contactPhone').getByText('立即生效').waitFor();
    await page.getByTestId('rule-legalRepresentative').getByText('需审核').waitFor();
    await page.getByTestId('rule-districtCode').getByText('请联系区县工作人员').waitFor();
    await page.getByLabel('法定代表人', { exact: true }).fill('赵海天');
    await b.screenshot(page, 'my-change');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('已提交审核').waitFor();

    await page.getByRole('menuitem', { name: '经营数据填报' }).click();
    await page.getByLabel('全年 营业收入').fill('23500');
    await page.getByLabel('数据来源说明').fill('统计年报');
    await b.screenshot(page, 'my-figures');
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByText(/已提交 1 份经营数据申请/).waitFor();

    const liaisonHeaders = { Authorization: `Bearer ${await b.t.login(liaison.username, liaison.password)}` };
    const mine = (await b.t.http.get('/api/v1/change-requests').set(liaisonHeaders)).body.items as { id: string; kind: string; status: string; changes: Record<string, unknown> }[];
    const profile = mine.find((r) => r.kind === 'PROFILE')!;
    const figures = mine.find((r) => r.kind === 'FIGURES')!;
    expect([profile.status, figures.status]).toEqual(['PENDING', 'PENDING']);
    // 23,500 万元 is sent in yuan
    expect(figures.changes.operatingRevenueYuan).toBe(235_000_000);

    const review = await b.loggedIn(staff);
    await review.getByRole('menuitem', { name: '变更审核' }).click();
    const rows = review.getByRole('row').filter({ hasText: '宁波镇海海天精工有限公司' });
    await rows.filter({ hasText: '企业基本信息' }).getByRole('button', { name: /通\s*过/ }).click();
    await review.getByText('已通过,变更已生效').waitFor();
    await rows.filter({ hasText: '经营数据' }).getByRole('button', { name: /驳\s*回/ }).click();
    const reject = await openedDialog(review, /驳回/);
    await reject.getByPlaceholder('请填写驳回原因').fill('营业收入与统计年报不符');
    await reject.getByRole('button', { name: /驳\s*回/ }).click();
    await review.locator('.ant-message').getByText('已驳回').waitFor();
    await review.context().close();
    const decided = (await b.t.http.get('/api/v1/change-requests').set(liaisonHeaders)).body.items as { kind: string; status: string }[];
    expect(decided.map((r) => `${r.kind}:${r.status}`).sort()).toEqual(['FIGURES:REJECTED', 'PROFILE:APPROVED']);

    await runDailyJob();
    await page.reload();
    await page.getByTestId('inbox-badge').getByText('2').waitFor();
    await page.getByRole('button', { name: '消息' }).click();
    const items = page.getByTestId('notification');
    await items.filter({ hasText: '已通过' }).waitFor();
    await items.filter({ hasText: '已驳回' }).filter({ hasText: '营业收入与统计年报不符' }).waitFor();
    expect(await items.count()).toBe(2);
    await b.screenshot(page, 'inbox');

    await page.getByRole('menuitem', { name: '我的申请' }).click();
    await page.getByRole('row').filter({ hasText: '营业收入与统计年报不符' }).getByRole('button', { name: '按最新数据重新提交' }).waitFor();
    // the reviewer shows by display name, not by login
    await page.getByRole('row').filter({ hasText: '营业收入与统计年报不符' }).filter({ hasText: '王科员' }).waitFor();
    expect(await page.getByRole('cell', { name: staff.username, exact: true }).count()).toBe(0);
    await b.screenshot(page, 'my-requests');
    await page.context().close();
  });

  it("shows a district officer only their district's progress, report and inbox", async () => {
    // a pending request in each district: the 镇海 officer is told of 镇海's only
    for (const key of ['zhenhai', 'yinzhou'] as const) {
      const liaison = await b.user('LIAISON', `${key}联络员`, { enterpriseIds: [firms[key].id] });
      const headers = { Authorization: `Bearer ${await b.t.login(liaison.username, liaison.password)}` };
      const res = await b.t.http.post(`/api/v1/enterprises/${firms[key].id}/change-requests`).set(headers).send({ figures: { year: 2021, employees: 300 } });
      expect(res.status).toBe(201);
    }
    const officer = await b.user('DISTRICT_STAFF', '镇海区钱科长', { districtCodes: ['330211'] });
    await runDailyJob();
    const page = await b.loggedIn(officer);

    await page.goto(`${b.baseUrl}/progress`);
    await page.getByTestId('district-scope').getByText('仅本辖区:镇海区').waitFor();
    await page.getByRole('button', { name: /企业明细/ }).first().waitFor();
    await b.screenshot(page, 'progress-district');
    const lines = (await b.t.http.get('/api/v1/quota-plans/2022/progress').set({ Authorization: `Bearer ${await b.t.login(officer.username, officer.password)}` })).body;
    expect(lines.districtCode).toBe('330211');

    await page.goto(`${b.baseUrl}/reports`);
    await page.getByText('区县视图').waitFor();
    const q1 = page.getByTestId('quarter-1');
    const [csv] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), q1.getByRole('button', { name: '下载 CSV' }).click()]);
    const text = readFileSync(await csv.path(), 'utf8');
    expect(text).toContain('宁波镇海海天精工有限公司');
    expect(text).not.toContain('宁波鄞州东方电缆有限公司');

    await page.goto(`${b.baseUrl}/inbox`);
    const items = page.getByTestId('notification');
    await items.filter({ hasText: '宁波镇海海天精工有限公司' }).first().waitFor();
    expect(await items.filter({ hasText: '宁波鄞州东方电缆有限公司' }).count()).toBe(0);
    await page.context().close();
  });
});
