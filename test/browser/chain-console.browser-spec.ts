import { creditCode } from '../setup/fixtures';
import { Locator } from 'playwright-core';

import { BrowserApp, ConsoleUser, startBrowserApp } from './support/browser-app';
import { beijingDate, choose, openedDialog, submitDialog } from './support/ui';

/**
 * The chain page pages its members from the server and filters them; a segment is edited in place with its
 * version; the chain cards show holders against the plan's per-chain targets; an admin gives a district
 * officer two districts and the officer then sees both districts' members and no third.
 */
describe('console: chain members, segment edit, multi-district scope', () => {
  let b: BrowserApp;
  let staff: ConsoleUser;
  let staffHeaders: Record<string, string>;
  let chainId: string;
  let chainName: string;
  let segmentId: string;
  // 23 members: more than one page of 20. Every third in 海曙, two in 北仑, the rest in 镇海.
  const firms: { id: string; name: string; district: string }[] = [];
  const districtOf = (i: number) => (i < 2 ? '330206' : i % 3 === 0 ? '330203' : '330211');
  const CORE_TARGET = 3;
  // An antd select that already shows a value: its value covers the input, so open it by its box.
  const selectBox = (scope: Locator, id: string) => scope.locator('.ant-select', { has: scope.page().locator(`input#${id}`) });
  // The route's order: members on a segment first (one segment here), then the rest, each by name.
  const byName = (list: typeof firms) => [...list].sort((x, y) => x.name.localeCompare(y.name));
  const inListOrder = (list: typeof firms) => [...byName(list.filter((f) => firms.indexOf(f) % 2)), ...byName(list.filter((f) => firms.indexOf(f) % 2 === 0))];

  beforeAll(async () => {
    b = await startBrowserApp();
    staff = await b.user('BUREAU_STAFF', '钱科员');
    staffHeaders = { Authorization: `Bearer ${await b.t.login(staff.username, staff.password)}` };
    const chains = (await b.t.http.get('/api/v1/chains').set(staffHeaders)).body as { id: string; name: string }[];
    ({ id: chainId, name: chainName } = chains.find((c) => c.name === '时尚纺织服装')!);
    const tree = await b.t.http.post(`/api/v1/chains/${chainId}/segments`).set(staffHeaders).send({ code: 'PAGING_DYE', name: '印染整理', stage: 'MIDSTREAM' });
    expect(tree.status).toBe(201);
    const flat = (nodes: { id: string; code: string; children: unknown[] }[]): { id: string; code: string }[] => nodes.flatMap((n) => [n, ...flat(n.children as never)]);
    segmentId = flat(tree.body).find((n) => n.code === 'PAGING_DYE')!.id;
    for (let i = 0; i < 23; i++) {
      const district = districtOf(i);
      const name = `宁波锦纶分页${String(i).padStart(2, '0')}号纺织有限公司`;
      const res = await b.t.http.post('/api/v1/enterprises').set(staffHeaders).send({ creditCode: creditCode(district), name, districtCode: district, industryCode: '1751' });
      expect(res.status).toBe(201);
      firms.push({ id: res.body.id, name, district });
      const member = await b.t.http.post(`/api/v1/chains/${chainId}/members`).set(staffHeaders).send({ enterpriseId: res.body.id, segmentId: i % 2 ? segmentId : null });
      expect(member.status).toBe(201);
    }
    const core = await b.t.http
      .post('/api/v1/designations')
      .set(staffHeaders)
      .send({ enterpriseId: firms[5].id, type: 'CHAIN_CORE', level: 'MUNICIPAL', chainId, status: 'RECOGNISED', recognisedOn: beijingDate(-10) });
    expect(core.status).toBe(201);
    // The plan's 链核 line split by chain: this chain's target shows on its card.
    const plan = (await b.t.http.get('/api/v1/quota-plans/2022').set(staffHeaders)).body as { lines: { code: string; version: number; measureParams: { designationType?: string } }[] };
    const line = plan.lines.find((l) => l.measureParams.designationType === 'CHAIN_CORE')!;
    const patched = await b.t.http.patch(`/api/v1/quota-plans/2022/lines/${line.code}`).set(staffHeaders).send({ version: line.version, splits: [{ chainId, target: CORE_TARGET }] });
    expect(patched.status).toBe(200);
  });
  afterAll(() => b.close());

  it('shows holders against the chain target on the card, pages the members and filters them by tier, keyword and segment', async () => {
    const page = await b.loggedIn(staff);
    await page.getByRole('menuitem', { name: '产业链' }).click();
    const card = page.getByTestId('chain-card').filter({ hasText: chainName });
    await card.getByTestId('target-CHAIN_CORE').getByText(`/ ${CORE_TARGET}`).waitFor();
    await page.getByTestId('chain-tier-targets').waitFor();
    await b.screenshot(page, 'chain-targets');

    await card.getByRole('link', { name: chainName }).click();
    const table = page.getByTestId('chain-members');
    await table.getByText(`共 ${firms.length} 家`).waitFor();
    const order = inListOrder(firms);
    await table.getByRole('link', { name: order[19].name }).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(20);
    await table.getByRole('listitem', { name: '2' }).click();
    await table.getByRole('link', { name: order[20].name }).waitFor();
    expect(await table.getByRole('link').allTextContents()).toEqual(order.slice(20).map((f) => f.name));

    await choose(page, page.getByRole('combobox', { name: '培育层级' }), '链核');
    await table.getByText('共 1 家').waitFor();
    await table.getByRole('link', { name: firms[5].name }).waitFor();
    await page.goto(`${b.baseUrl}/chains/${chainId}`);
    await table.getByText(`共 ${firms.length} 家`).waitFor();

    await page.getByPlaceholder('企业名称或信用代码').fill('分页07号');
    await page.getByPlaceholder('企业名称或信用代码').press('Enter');
    await table.getByText('共 1 家').waitFor();
    await table.getByRole('link', { name: firms[7].name }).waitFor();
    await page.getByPlaceholder('企业名称或信用代码').fill('');
    await page.getByPlaceholder('企业名称或信用代码').press('Enter');

    await page.locator('.ant-tree').getByText('印染整理', { exact: true }).click();
    const onSegment = firms.filter((_, i) => i % 2).length;
    await table.getByText(`共 ${onSegment} 家`).waitFor();
    await b.screenshot(page, 'chain-members');
    await page.context().close();
  });

  it('renames, reorders and moves a segment in place, and explains a stale version', async () => {
    const page = await b.loggedIn(staff);
    await page.goto(`${b.baseUrl}/chains/${chainId}`);
    await page.getByTestId('chain-members').getByText(`共 ${firms.length} 家`).waitFor();
    await b.screenshot(page, 'chain-segment-edit');
    await page.locator('.ant-tree').getByText('印染整理', { exact: true }).click();
    await page.getByRole('button', { name: '编辑环节' }).click();
    const form = await openedDialog(page, '编辑环节');
    await form.getByLabel('环节名称').fill('印染与后整理');
    await form.getByLabel('排序').fill('7');
    await choose(page, selectBox(form, 'stage'), '下游');
    await submitDialog(form, /保\s*存/);
    await page.locator('.ant-tree').getByText('印染与后整理', { exact: true }).waitFor();
    const tree = (await b.t.http.get(`/api/v1/chains/${chainId}/segments`).set(staffHeaders)).body as { id: string; name: string; stage: string; sortOrder: number; version: number; children: unknown[] }[];
    const flat = (nodes: typeof tree): typeof tree => nodes.flatMap((n) => [n, ...flat(n.children as typeof tree)]);
    expect(flat(tree).find((n) => n.id === segmentId)).toMatchObject({ name: '印染与后整理', stage: 'DOWNSTREAM', sortOrder: 7, version: 2 });

    // Someone else saves first: the form still holds version 2, the save answers 409 and says so.
    await page.getByRole('button', { name: '编辑环节' }).click();
    const again = await openedDialog(page, '编辑环节');
    await again.getByLabel('环节名称').fill('印染(晚到的修改)');
    expect((await b.t.http.patch(`/api/v1/chains/${chainId}/segments/${segmentId}`).set(staffHeaders).send({ name: '印染整理(他人)', version: 2 })).status).toBe(200);
    await expect(submitDialog(again, /保\s*存/)).rejects.toThrow(/已被他人修改/);
    await page.context().close();
  });

  it('lets the admin give a district officer two districts, who then sees both districts’ members and not a third', async () => {
    const page = await b.loggedIn(b.admin);
    await page.getByRole('menuitem', { name: '用户与权限' }).click();
    await page.getByRole('button', { name: '新建用户' }).click();
    const form = await openedDialog(page, '新建用户');
    const username = `two${Date.now().toString(36)}`;
    await form.getByLabel('用户名').fill(username);
    await form.getByLabel('姓名').fill('孙专员');
    await choose(page, selectBox(form, 'role'), '区县工作人员');
    await form.getByLabel('初始密码').fill('Two-districts-2026');
    await choose(page, form.getByLabel('负责区县'), '镇海区');
    // The picker stays open for a second district: type to find it.
    await page.keyboard.type('海曙');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await b.screenshot(page, 'user-districts');
    await submitDialog(form, /保\s*存/);
    await page.getByRole('row').filter({ hasText: '孙专员' }).filter({ hasText: '镇海区' }).filter({ hasText: '海曙区' }).waitFor();
    const users = (await b.t.http.get(`/api/v1/users?q=${username}`).set({ Authorization: `Bearer ${await b.t.login(b.admin.username, b.admin.password)}` })).body;
    expect([...users.items[0].districtCodes].sort()).toEqual(['330203', '330211']);
    await page.context().close();

    const officer = await b.loggedIn({ username, password: 'Two-districts-2026', displayName: '孙专员' });
    await officer.goto(`${b.baseUrl}/chains/${chainId}`);
    const mine = firms.filter((f) => f.district !== '330206');
    const table = officer.getByTestId('chain-members');
    await table.getByText(`共 ${mine.length} 家`).waitFor();
    const order = inListOrder(mine);
    await table.getByRole('link', { name: order[19].name }).waitFor();
    const shown = await table.getByRole('link').allTextContents();
    await table.getByRole('listitem', { name: '2' }).click();
    await table.getByRole('link', { name: order[20].name }).waitFor();
    shown.push(...(await table.getByRole('link').allTextContents()));
    expect(shown).toEqual(order.map((f) => f.name));
    for (const f of firms) expect(shown.includes(f.name)).toBe(f.district !== '330206');
    await officer.context().close();
  });
});
