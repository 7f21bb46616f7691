import { creditCode } from '../setup/fixtures';
import { BrowserApp, ConsoleUser, startBrowserApp } from './support/browser-app';
import { beijingDate } from './support/ui';

describe('console: each role sees its own share', () => {
  let b: BrowserApp;
  let staffHeaders: Record<string, string>;
  let zhenhai: { id: string; name: string };
  let haishu: { id: string; name: string };
  let chainId: string;

  beforeAll(async () => {
    b = await startBrowserApp();
    const staff = await b.user('BUREAU_STAFF', '王科员');
    staffHeaders = { Authorization: `Bearer ${await b.t.login(staff.username, staff.password)}` };
    const create = async (districtCode: string, name: string) => {
      const res = await b.t.http.post('/api/v1/enterprises').set(staffHeaders).send({ creditCode: creditCode(districtCode), name, districtCode, industryCode: '1751' });
      expect(res.status).toBe(201);
      return res.body as { id: string; name: string };
    };
    zhenhai = await create('330211', '宁波镇海澄浪新材料有限公司');
    haishu = await create('330203', '宁波海曙澄浪纺织有限公司');
    const chains = await b.t.http.get('/api/v1/chains').set(staffHeaders);
    chainId = chains.body.find((c: { name: string }) => c.name === '时尚纺织服装').id;
    for (const e of [zhenhai, haishu]) {
      const designation = await b.t.http
        .post('/api/v1/designations')
        .set(staffHeaders)
        .send({ enterpriseId: e.id, type: 'SPECIALIZED_SME', level: 'PROVINCIAL', status: 'RECOGNISED', recognisedOn: beijingDate(-100) });
      expect(designation.status).toBe(201);
      const member = await b.t.http.post(`/api/v1/chains/${chainId}/members`).set(staffHeaders).send({ enterpriseId: e.id });
      expect(member.status).toBe(201);
    }
  });
  afterAll(() => b.close());

  it('a 镇海 district officer never sees the 海曙 firm: not in the list, designations, chain members, nor by its address', async () => {
    const officer: ConsoleUser = await b.user('DISTRICT_STAFF', '赵专员', { districtCodes: ['330211'] });
    const page = await b.loggedIn(officer);

    await page.getByRole('menuitem', { name: '企业名录' }).click();
    await page.getByLabel('关键词').fill('澄浪');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.getByRole('link', { name: zhenhai.name }).waitFor();
    expect(await page.getByText(haishu.name).count()).toBe(0);

    await page.getByRole('menuitem', { name: '认定管理' }).click();
    await page.getByRole('tab', { name: '全部' }).click();
    await page.getByRole('link', { name: zhenhai.name }).waitFor();
    expect(await page.getByText(haishu.name).count()).toBe(0);

    await page.goto(`${b.baseUrl}/chains/${chainId}`);
    await page.getByRole('link', { name: zhenhai.name }).waitFor();
    expect(await page.getByText(haishu.name).count()).toBe(0);

    await page.goto(`${b.baseUrl}/enterprises/${haishu.id}`);
    await page.getByText('没有找到这家企业').waitFor();
    expect(await page.getByText(haishu.name).count()).toBe(0);
    await page.context().close();
  });

  it('a liaison proposes a change instead of editing, and sees no review or import menus', async () => {
    const liaison = await b.user('LIAISON', '李联络', { enterpriseIds: [zhenhai.id] });
    const page = await b.loggedIn(liaison);
    const menu = (await page.getByRole('menuitem').allTextContents()).join(' ');
    expect(menu).toContain('企业名录');
    for (const hidden of ['数据导入', '认定管理', '用户与权限', '操作日志']) expect(menu).not.toContain(hidden);
    await page.goto(`${b.baseUrl}/enterprises/${zhenhai.id}`);
    await page.getByRole('button', { name: '申请变更' }).waitFor();
    expect(await page.getByRole('button', { name: /^编\s*辑$/ }).count()).toBe(0);
    await page.context().close();
  });

  it('returns to the login page with a message when the token has expired, and logs in again', async () => {
    const viewer = await b.user('VIEWER', '钱领导');
    const page = await b.loggedIn(viewer);
    await page.evaluate("sessionStorage.setItem('cr.token', 'expired.token.value')");
    await page.goto(`${b.baseUrl}/enterprises`);
    await page.getByTestId('login-notice').getByText('登录已过期').waitFor();
    await b.screenshot(page, 'login-expired');
    await page.context().close();
  });

  it('lets a user change their own password on 个人中心', async () => {
    const user = await b.user('BUREAU_STAFF', '孙科员');
    const page = await b.loggedIn(user);
    await page.getByTestId('current-user').click();
    await page.getByLabel('当前密码').fill(user.password);
    await page.getByLabel('新密码', { exact: true }).fill('Changed-pass-2026');
    await page.getByLabel('确认新密码').fill('Changed-pass-2026');
    await b.screenshot(page, 'profile');
    await page.getByRole('button', { name: '修改密码' }).click();
    // The change ends the session that made it: the login page says why.
    await page.getByText('密码已修改,请用新密码重新登录').waitFor();
    await page.getByRole('button', { name: /登\s*录/ }).waitFor();
    expect((await b.t.http.post('/api/v1/auth/login').send({ username: user.username, password: 'Changed-pass-2026' })).status).toBe(200);
    expect((await b.t.http.post('/api/v1/auth/login').send({ username: user.username, password: user.password })).status).toBe(401);
    await page.context().close();
  });

  it('shows the admin the users, the reference data and the audit trail in Chinese', async () => {
    const page = await b.loggedIn(b.admin);
    await page.getByRole('menuitem', { name: '用户与权限' }).click();
    await page.getByRole('cell', { name: '赵专员' }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: '赵专员' }).textContent()).toContain('镇海区');
    await b.screenshot(page, 'users');
    await page.getByRole('menuitem', { name: '操作日志' }).click();
    await page.getByTestId('audit-sentence').first().waitFor();
    await b.screenshot(page, 'audit');
    await page.getByRole('menuitem', { name: '基础数据' }).click();
    await page.getByRole('cell', { name: '镇海区' }).waitFor();
    await page.context().close();
  });
});
