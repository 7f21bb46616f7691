import { enterprisePayload } from '../setup/fixtures';
import { createTestApp, TestApp, TEST_PASSWORD } from '../setup/test-app';

describe('the caller\'s own account: GET /auth/me and POST /auth/password', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('tells a district officer their permissions and districts by code and name', async () => {
    const officer = await t.as('DISTRICT_STAFF', { districtCodes: ['330211'] });
    const me = (await t.http.get('/api/v1/auth/me').set(officer).expect(200)).body;
    expect(me).toMatchObject({ role: 'DISTRICT_STAFF', roleLabel: '区县工作人员', scope: { cityWide: false, districts: [{ code: '330211', name: '镇海区' }], enterprises: [] } });
    expect(me.permissions).toEqual(expect.arrayContaining(['ENTERPRISE_WRITE', 'DESIGNATION_WRITE', 'CHANGE_REQUEST_REVIEW', 'QUOTA_READ']));
    expect(me.permissions).not.toContain('USER_MANAGE');
    expect(me.permissions).not.toContain('QUOTA_WRITE');
    expect(me.passwordHash).toBeUndefined();
  });

  it('tells a liaison the enterprise they speak for, and that they cannot write the registry', async () => {
    const staff = await t.as('BUREAU_STAFF');
    const firm = (await t.http.post('/api/v1/enterprises').set(staff).send(enterprisePayload()).expect(201)).body;
    const liaison = await t.as('LIAISON', { enterpriseIds: [firm.id] });
    const me = (await t.http.get('/api/v1/auth/me').set(liaison).expect(200)).body;
    expect(me.scope).toEqual({ cityWide: false, districts: [], enterprises: [{ id: firm.id, name: firm.name, creditCode: firm.creditCode }] });
    expect(me.permissions).toEqual(expect.arrayContaining(['CHANGE_REQUEST_SUBMIT', 'ENTERPRISE_READ']));
    expect(me.permissions).not.toContain('ENTERPRISE_WRITE');
  });

  it('tells city-wide roles so', async () => {
    for (const role of ['ADMIN', 'BUREAU_STAFF', 'VIEWER']) {
      const me = (await t.http.get('/api/v1/auth/me').set(await t.as(role)).expect(200)).body;
      expect(me.scope).toEqual({ cityWide: true, districts: [], enterprises: [] });
    }
  });

  it('changes one\'s own password: the old one stops working, the new one logs in, and it is audited', async () => {
    const viewer = await t.as('VIEWER', { username: 'pw_viewer' });
    await t.http.post('/api/v1/auth/password').set(viewer).send({ currentPassword: TEST_PASSWORD, newPassword: 'Brand-new-pass-7' }).expect(204);
    await t.http.post('/api/v1/auth/login').send({ username: 'pw_viewer', password: TEST_PASSWORD }).expect(401);
    await t.login('pw_viewer', 'Brand-new-pass-7');
    const rows = await t.sql<{ action: string; after: unknown; actor_username: string }>(
      "SELECT action, after, actor_username FROM audit_log WHERE action = 'auth.password_change' AND actor_username = 'pw_viewer'",
    );
    expect(rows).toEqual([{ action: 'auth.password_change', after: { passwordChanged: true }, actor_username: 'pw_viewer' }]);
    // The audit row says that it changed, never the hash.
    expect(JSON.stringify(rows)).not.toMatch(/\$2[aby]\$/);
  });

  it('refuses a wrong current password with 400 on the field, leaving the password as it was', async () => {
    const staff = await t.as('BUREAU_STAFF', { username: 'pw_staff' });
    const res = await t.http.post('/api/v1/auth/password').set(staff).send({ currentPassword: 'not-my-pass-1', newPassword: 'Brand-new-pass-7' }).expect(400);
    expect(res.body).toMatchObject({ code: 'CURRENT_PASSWORD_WRONG', errors: [{ field: 'currentPassword' }] });
    expect(res.body.message).toMatch(/当前密码不正确/);
    await t.login('pw_staff', TEST_PASSWORD);
  });

  it('applies the user-creation password policy to the new password', async () => {
    const staff = await t.as('BUREAU_STAFF', { username: 'pw_weak' });
    const weak = await t.http.post('/api/v1/auth/password').set(staff).send({ currentPassword: TEST_PASSWORD, newPassword: 'onlyletters' }).expect(400);
    expect(weak.body).toMatchObject({ code: 'PASSWORD_TOO_WEAK', errors: [{ field: 'newPassword' }] });
    const same = await t.http.post('/api/v1/auth/password').set(staff).send({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }).expect(400);
    expect(same.body.errors).toEqual([expect.objectContaining({ field: 'newPassword' })]);
    const missing = await t.http.post('/api/v1/auth/password').set(staff).send({ newPassword: 'Brand-new-pass-7' }).expect(400);
    expect(missing.body.code).toBe('VALIDATION_FAILED');
    await t.login('pw_weak', TEST_PASSWORD);
  });

  it('refuses an anonymous password change with 401', async () => {
    await t.http.post('/api/v1/auth/password').send({ currentPassword: 'x', newPassword: 'Brand-new-pass-7' }).expect(401);
  });
});
