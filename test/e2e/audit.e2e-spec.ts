import { createTestApp, TestApp } from '../setup/test-app';
import { enterprisePayload } from '../setup/fixtures';

describe('audit trail over HTTP', () => {
  let t: TestApp;
  let staff: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.as('BUREAU_STAFF');
  });
  afterAll(() => t.close());

  it("refuses UPDATE, DELETE and TRUNCATE of audit rows from the application's own database role", async () => {
    await t.http.post('/api/v1/enterprises').set(staff).send(enterprisePayload()).expect(201);
    const [{ n: before }] = await t.sql<{ n: string }>('SELECT count(*) AS n FROM audit_log');
    expect(Number(before)).toBeGreaterThan(0);
    await expect(t.sql("UPDATE audit_log SET action = 'tampered'")).rejects.toThrow(/append-only/);
    await expect(t.sql('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(t.sql('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    const [{ n: after }] = await t.sql<{ n: string }>('SELECT count(*) AS n FROM audit_log');
    expect(after).toBe(before);
    const tampered = await t.sql("SELECT 1 FROM audit_log WHERE action = 'tampered'");
    expect(tampered).toHaveLength(0);
  });

  it('records logins and failed logins with actor, role and correlation id', async () => {
    await t.http.post('/api/v1/auth/login').set('x-request-id', 'login-bad-1').send({ username: 'bureau_staff_0', password: 'Wrong-pass-2022' }).expect(401);
    await t.http.post('/api/v1/auth/login').set('x-request-id', 'login-ok-1').send({ username: 'bureau_staff_0', password: 'Test-pass-2022' }).expect(200);
    const res = await t.http.get('/api/v1/audit?action=auth.*&actor=bureau_staff_0').set(await t.as('ADMIN')).expect(200);
    const byRequest = Object.fromEntries(res.body.items.map((r: { requestId: string }) => [r.requestId, r]));
    expect(byRequest['login-bad-1']).toMatchObject({ action: 'auth.login_failed', actorUsername: 'bureau_staff_0', entityType: 'user' });
    expect(byRequest['login-ok-1']).toMatchObject({ action: 'auth.login', actorUsername: 'bureau_staff_0', actorRole: 'BUREAU_STAFF' });
  });

  it('filters by entity, action, actor and time, and pages', async () => {
    const e = (await t.http.post('/api/v1/enterprises').set(staff).send(enterprisePayload()).expect(201)).body;
    await t.http.patch(`/api/v1/enterprises/${e.id}`).set(staff).set('x-request-id', 'patch-trace-7').send({ version: 1, shortName: '审计简称' }).expect(200);
    const admin = await t.as('ADMIN');
    const rows = (await t.http.get(`/api/v1/audit?entityType=enterprise&entityId=${e.id}&sort=at:asc`).set(admin).expect(200)).body;
    expect(rows.items.map((r: { action: string }) => r.action)).toEqual(['enterprise.create', 'enterprise.update']);
    expect(rows.items[1]).toMatchObject({
      actorUsername: 'bureau_staff_0',
      actorRole: 'BUREAU_STAFF',
      requestId: 'patch-trace-7',
      before: { shortName: null, version: 1 },
      after: { shortName: '审计简称', version: 2 },
    });
    const updates = (await t.http.get(`/api/v1/audit?action=enterprise.update&entityId=${e.id}`).set(admin).expect(200)).body;
    expect(updates.meta.total).toBe(1);
    const future = (await t.http.get(`/api/v1/audit?entityId=${e.id}&from=2999-01-01T00:00:00Z`).set(admin).expect(200)).body;
    expect(future.meta.total).toBe(0);
    const past = (await t.http.get(`/api/v1/audit?entityId=${e.id}&to=2000-01-01T00:00:00Z`).set(admin).expect(200)).body;
    expect(past.meta.total).toBe(0);
    const paged = (await t.http.get('/api/v1/audit?page=2&pageSize=1').set(admin).expect(200)).body;
    expect(paged.items).toHaveLength(1);
    expect(paged.meta).toMatchObject({ page: 2, pageSize: 1 });
    await t.http.get('/api/v1/audit?from=yesterday').set(admin).expect(400);
  });

  it("shows an enterprise's history with its figures and change requests", async () => {
    const e = (await t.http.post('/api/v1/enterprises').set(staff).send(enterprisePayload()).expect(201)).body;
    await t.http.put(`/api/v1/enterprises/${e.id}/figures/2022`).set(staff).send({ taxPaidYuan: 2_000_000 }).expect(201);
    const liaison = await t.as('LIAISON', { enterpriseIds: [e.id], username: 'history_liaison' });
    const cr = (await t.http.post(`/api/v1/enterprises/${e.id}/change-requests`).set(liaison).send({ version: 1, profile: { shortName: '历史' } }).expect(201)).body;
    await t.http.post(`/api/v1/change-requests/${cr.id}/approve`).set(staff).expect(200);
    const history = (await t.http.get(`/api/v1/enterprises/${e.id}/history?sort=at:asc`).set(staff).expect(200)).body;
    expect(history.items.map((r: { action: string }) => r.action)).toEqual([
      'enterprise.create',
      'figures.create',
      'change_request.submit',
      'enterprise.update',
      'change_request.approve',
    ]);
    expect(history.items[3].after).toMatchObject({ shortName: '历史', changeRequestId: cr.id });
    expect(history.items[4]).toMatchObject({ actorUsername: 'bureau_staff_0', before: { status: 'PENDING' }, after: { status: 'APPROVED' } });
  });
});
