import { StartupService } from '../../apps/api/src/startup.service';
import { createTestApp, TestApp } from '../setup/test-app';

describe('demo logins: one user per role, in demo mode only', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('creates no demo user outside demo mode', async () => {
    const again = await t.app.get(StartupService).prepare({ demo: false });
    expect(again.demoUsers).toEqual([]);
    const users = await t.http.get('/api/v1/users?q=demo_').set(await t.as('ADMIN')).expect(200);
    expect(users.body.meta.total).toBe(0);
  });

  it('creates city staff, a 镇海区 officer, a liaison of a 镇海 firm and a viewer, each logging in with the password printed once', async () => {
    const { demoUsers } = await t.app.get(StartupService).prepare({ demo: true });
    expect(demoUsers.map((u) => [u.username, u.role])).toEqual([
      ['demo_staff', 'BUREAU_STAFF'],
      ['demo_zhenhai', 'DISTRICT_STAFF'],
      ['demo_liaison', 'LIAISON'],
      ['demo_viewer', 'VIEWER'],
    ]);
    const me: Record<string, { role: string; displayName: string; scope: { districts: { code: string; name: string }[]; enterprises: { id: string }[] } }> = {};
    for (const user of demoUsers) {
      expect(user.generatedPassword).toMatch(/^.{10,}$/);
      const token = await t.login(user.username, user.generatedPassword!);
      me[user.username] = (await t.http.get('/api/v1/auth/me').set({ Authorization: `Bearer ${token}` }).expect(200)).body;
    }
    expect(me.demo_zhenhai.scope.districts).toEqual([{ code: '330211', name: '镇海区' }]);
    expect(me.demo_staff.displayName).toMatch(/[\u4e00-\u9fff]/);
    // The liaison's firm is in 镇海, so the 镇海 officer sees it.
    const [firm] = me.demo_liaison.scope.enterprises;
    const officer = await t.login('demo_zhenhai', demoUsers[1].generatedPassword!);
    const seen = await t.http.get(`/api/v1/enterprises/${firm.id}`).set({ Authorization: `Bearer ${officer}` }).expect(200);
    expect(seen.body.districtCode).toBe('330211');
  });

  it('leaves them alone on the next demo start, printing no password again', async () => {
    const before = await t.sql<{ n: string }>("SELECT count(*) AS n FROM app_user WHERE username LIKE 'demo\\_%'");
    const { demoUsers } = await t.app.get(StartupService).prepare({ demo: true });
    expect(demoUsers.map((u) => u.generatedPassword)).toEqual([undefined, undefined, undefined, undefined]);
    const after = await t.sql<{ n: string }>("SELECT count(*) AS n FROM app_user WHERE username LIKE 'demo\\_%'");
    expect(after).toEqual(before);
    expect(Number(after[0].n)).toBe(4);
  });
});
