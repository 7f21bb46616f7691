import { createEnterprise, designate, firstChain } from '../setup/cultivation-fixtures';
import { createTestApp, TestApp } from '../setup/test-app';

type Headers = Record<string, string>;

/** Today in Ningbo (UTC+8), plus some days, as YYYY-MM-DD. */
const beijingDay = (plusDays = 0) => new Date(Date.now() + 8 * 3600_000 + plusDays * 86400_000).toISOString().slice(0, 10);

describe('GET /workbench: a staff member\'s to-dos and headline figures, in their scope', () => {
  let t: TestApp;
  let staff: Headers;
  let zhenhai: Headers;
  let haishu: Headers;
  const today = beijingDay();
  const year = Number(today.slice(0, 4));
  const quarter = Math.ceil(Number(today.slice(5, 7)) / 3);
  const last = quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
  const ends = ['03-31', '06-30', '09-30', '12-31'];

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.as('BUREAU_STAFF');
    zhenhai = await t.as('DISTRICT_STAFF', { districtCodes: ['330211'] });
    haishu = await t.as('DISTRICT_STAFF', { districtCodes: ['330203'] });
    const chain = await firstChain(t, staff);
    // This year's plan: chain cores held (city target 4, 镇海 1) and a manual line.
    for (const y of new Set([year, last.year])) {
      await t.http
        .post('/api/v1/quota-plans')
        .set(staff)
        .send({
          year: y,
          title: `${y} 年培育计划`,
          lines: [
            { code: 'CORES', label: '链核企业', unit: '家', group: '链式培育', target: 4, measureKind: 'HOLDING_DESIGNATIONS', measureParams: { designationType: 'CHAIN_CORE' }, splits: [{ districtCode: '330211', target: 1 }] },
            { code: 'DIGITAL', label: '数字化改造项目', unit: '个', group: '数字化', target: 100, measureKind: 'MANUAL' },
          ],
        })
        .expect(201);
    }
    // 镇海: a chain core held since ten days ago, a little giant expiring in 30 days, a liaison's pending request.
    const firm = await createEnterprise(t, staff, {}, { districtCode: '330211' });
    await designate(t, staff, { enterpriseId: firm, type: 'CHAIN_CORE', level: 'MUNICIPAL', chainId: chain.id, status: 'RECOGNISED', recognisedOn: beijingDay(-10) });
    await designate(t, staff, { enterpriseId: firm, type: 'LITTLE_GIANT', level: 'NATIONAL', status: 'RECOGNISED', recognisedOn: beijingDay(-1000), expiresOn: beijingDay(30) });
    const far = await createEnterprise(t, staff, {}, { districtCode: '330211' });
    await designate(t, staff, { enterpriseId: far, type: 'LITTLE_GIANT', level: 'NATIONAL', status: 'RECOGNISED', recognisedOn: beijingDay(-500), expiresOn: beijingDay(200) });
    const liaison = await t.as('LIAISON', { enterpriseIds: [firm] });
    await t.http.post(`/api/v1/enterprises/${firm}/change-requests`).set(liaison).send({ version: 1, profile: { legalRepresentative: '赵六' } }).expect(201);
  });
  afterAll(() => t.close());

  const workbench = async (who: Headers) => (await t.http.get('/api/v1/workbench').set(who).expect(200)).body;

  it('counts the change requests waiting and the recognitions expiring within 90 days, with the top items', async () => {
    const wb = await workbench(staff);
    expect(wb.today).toBe(today);
    expect(wb.changeRequests.pending).toBe(1);
    expect(wb.changeRequests.top[0]).toMatchObject({ status: 'PENDING', kindLabel: expect.any(String), enterpriseName: expect.any(String) });
    expect(wb.expiring).toMatchObject({ withinDays: 90, count: 1 });
    expect(wb.expiring.top[0]).toMatchObject({ type: 'LITTLE_GIANT', expiresOn: beijingDay(30) });
  });

  it('holds designations against this year\'s targets and lists the manual lines nobody reported', async () => {
    const wb = await workbench(staff);
    expect(wb.quotas).toMatchObject({ planYear: year, asOf: today });
    expect(wb.quotas.kpis).toEqual([expect.objectContaining({ code: 'CORES', target: 4, actual: 1, percent: 25 })]);
    expect(wb.quotas.unreportedManualLines).toEqual([{ code: 'DIGITAL', label: '数字化改造项目', unit: '个', group: '数字化' }]);
    await t.http.post(`/api/v1/quota-plans/${year}/lines/DIGITAL/reports`).set(staff).send({ value: 12, reportedOn: today, evidence: '项目清单' }).expect(201);
    expect((await workbench(staff)).quotas.unreportedManualLines).toEqual([]);
  });

  it('gives the quarter-end freeze: this quarter\'s end, and whether the last quarter is frozen', async () => {
    const before = await workbench(staff);
    expect(before.freeze.current).toMatchObject({ year, quarter, endsOn: `${year}-${ends[quarter - 1]}`, planExists: true, frozen: false });
    expect(before.freeze.last).toMatchObject({ ...last, endsOn: `${last.year}-${ends[last.quarter - 1]}`, planExists: true, frozen: false, frozenAt: null });
    await t.http.post(`/api/v1/quota-plans/${last.year}/quarters/${last.quarter}/snapshot`).set(staff).expect(201);
    const after = await workbench(staff);
    expect(after.freeze.last).toMatchObject({ frozen: true, frozenByUsername: 'bureau_staff_0' });
    expect(new Date(after.freeze.last.frozenAt).getTime()).not.toBeNaN();
  });

  it('shows a district officer only their district: 镇海 sees the request, the expiry and its own target; 海曙 sees none', async () => {
    const zh = await workbench(zhenhai);
    expect([zh.changeRequests.pending, zh.expiring.count]).toEqual([1, 1]);
    expect(zh.quotas.kpis).toEqual([expect.objectContaining({ code: 'CORES', target: 1, actual: 1 })]);
    // Manual values are reported per district: nobody reported 镇海's.
    expect(zh.quotas.unreportedManualLines.map((l: { code: string }) => l.code)).toEqual(['DIGITAL']);
    const hs = await workbench(haishu);
    expect([hs.changeRequests.pending, hs.expiring.count, hs.changeRequests.top, hs.expiring.top]).toEqual([0, 0, [], []]);
    expect(hs.quotas.kpis).toEqual([expect.objectContaining({ code: 'CORES', target: null, actual: 0 })]);
  });

  it('is for staff (and the admin, who reads everything): a viewer gets 403', async () => {
    await t.http.get('/api/v1/workbench').set(await t.as('ADMIN')).expect(200);
    await t.http.get('/api/v1/workbench').set(await t.as('VIEWER')).expect(403);
  });
});
