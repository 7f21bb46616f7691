import { createTestApp, TEST_PASSWORD, TestApp } from '../setup/test-app';

/** What the console's progress, plan and report pages rely on: default as-of, quarters, plan copy. */
describe('quota pages API: default as-of, the four quarters, copying a plan', () => {
  let t: TestApp;
  let staff: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.as('ADMIN');
    await t.http.post('/api/v1/users').set(admin).send({ username: 'wang_keyuan', displayName: '王科员', password: TEST_PASSWORD, role: 'BUREAU_STAFF' }).expect(201);
    staff = { Authorization: `Bearer ${await t.login('wang_keyuan', TEST_PASSWORD)}` };
  });
  afterAll(() => t.close());

  it('measures a past year at its 31 December when no asOf is given', async () => {
    const implicit = await t.http.get('/api/v1/quota-plans/2022/progress').set(staff).expect(200);
    const explicit = await t.http.get('/api/v1/quota-plans/2022/progress?asOf=2022-12-31').set(staff).expect(200);
    expect(implicit.body.asOf).toBe('2022-12-31');
    expect(implicit.body.lines).toEqual(explicit.body.lines);
    const drill = await t.http.get(`/api/v1/quota-plans/2022/progress/lines/${implicit.body.lines[0].code}/enterprises`).set(staff).expect(200);
    expect(drill.body.meta).toBeDefined();
  });

  it('still refuses an asOf that is not a date', async () => {
    const res = await t.http.get('/api/v1/quota-plans/2022/progress?asOf=2022-13-01').set(staff).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('lists four quarters, and after a freeze says who froze it by display name and when', async () => {
    const before = await t.http.get('/api/v1/quota-plans/2022/quarters').set(staff).expect(200);
    expect(before.body.quarters.map((q: { quarter: number; asOf: string; frozen: boolean; ended: boolean }) => [q.quarter, q.asOf, q.frozen, q.ended])).toEqual([
      [1, '2022-03-31', false, true],
      [2, '2022-06-30', false, true],
      [3, '2022-09-30', false, true],
      [4, '2022-12-31', false, true],
    ]);
    const start = Date.now();
    await t.http.post('/api/v1/quota-plans/2022/quarters/3/snapshot').set(staff).expect(201);
    const after = await t.http.get('/api/v1/quota-plans/2022/quarters').set(await t.as('VIEWER')).expect(200);
    const q3 = after.body.quarters[2];
    expect([q3.frozen, q3.frozenBy, q3.frozenByName]).toEqual([true, 'wang_keyuan', '王科员']);
    expect(Math.abs(new Date(q3.frozenAt).getTime() - start)).toBeLessThan(60_000);
    expect(after.body.quarters.filter((q: { frozen: boolean }) => q.frozen)).toHaveLength(1);
    await t.http.get('/api/v1/quota-plans/2031/quarters').set(staff).expect(404);
  });

  it('starts next year from a copy of this year, once, leaving this year unchanged', async () => {
    const source = (await t.http.get('/api/v1/quota-plans/2022').set(staff).expect(200)).body;
    const copy = await t.http.post('/api/v1/quota-plans/2022/copy').set(staff).expect(201);
    expect(copy.body.year).toBe(2023);
    expect(copy.body.title).toContain('2023');
    const strip = (lines: Record<string, unknown>[]) => lines.map(({ code, target, measureKind, splits }) => ({ code, target, measureKind, splits }));
    expect(strip(copy.body.lines)).toEqual(strip(source.lines));
    const again = await t.http.post('/api/v1/quota-plans/2022/copy').set(staff).expect(409);
    expect(again.body.code).toBe('QUOTA_PLAN_EXISTS');
    expect((await t.http.get('/api/v1/quota-plans/2022').set(staff).expect(200)).body).toEqual(source);
    await t.http.post('/api/v1/quota-plans/2022/copy').set(await t.as('DISTRICT_STAFF', { districtCodes: ['330211'] })).expect(403);
    const audit = await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'quota_plan.create'`);
    expect(audit[0].n).toBe(1);
  });
});
