import { StartupService } from '../../apps/api/src/startup.service';
import { createTestApp, TestApp } from '../setup/test-app';

describe('demo cultivation data', () => {
  let t: TestApp;
  let staff: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(StartupService).prepare({ demo: true });
    staff = await t.as('BUREAU_STAFF');
  });
  afterAll(() => t.close());

  it('adds nothing when seeded again', async () => {
    const again = await t.app.get(StartupService).prepare({ demo: true });
    expect(again.seeded).toMatchObject({ membershipsAdded: 0, designationsAdded: 0, communitiesAdded: 0 });
  });

  it('gives the screens something to show: expiring soon, expired, revoked, chain members and communities', async () => {
    const soon = await t.http.get('/api/v1/designations?expiringWithinDays=60').set(staff).expect(200);
    expect(soon.body.meta.total).toBeGreaterThanOrEqual(3);
    for (const status of ['EXPIRED', 'REVOKED', 'CANDIDATE', 'UNDER_REVIEW']) {
      const res = await t.http.get(`/api/v1/designations?status=${status}`).set(staff).expect(200);
      expect(res.body.meta.total).toBeGreaterThan(0);
    }
    const chains = await t.http.get('/api/v1/chains').set(staff).expect(200);
    for (const chain of chains.body) {
      const summary = await t.http.get(`/api/v1/chains/${chain.id}/summary?year=2022`).set(staff).expect(200);
      expect(summary.body.totals.memberCount).toBeGreaterThan(0);
    }
    const communities = await t.http.get('/api/v1/communities').set(staff).expect(200);
    expect(communities.body.meta.total).toBeGreaterThanOrEqual(3);
    const newAt10b = await t.http.get('/api/v1/scale-tiers?year=2022&tier=SCALE_10B&newOnly=true').set(staff).expect(200);
    expect(newAt10b.body.total).toBe(3);
  });

  it('moves the plan’s seven recognition lines during 2022, with carriers of every kind and some revoked', async () => {
    const lines = ['SMART_FACTORIES', 'GREEN_FACTORIES', 'GREEN_PARKS', 'GREEN_PRODUCTS', 'INDUSTRIAL_INTERNET_PLATFORMS', 'INDUSTRY_BRAINS', 'INDUSTRY_BRAIN_APPS'];
    const actual = async (asOf: string) =>
      Object.fromEntries((await t.http.get(`/api/v1/quota-plans/2022/progress?asOf=${asOf}`).set(staff).expect(200)).body.lines.map((l: { code: string; actual: number }) => [l.code, l.actual]));
    const [march, december] = [await actual('2022-03-31'), await actual('2022-12-31')];
    for (const code of lines) expect([code, december[code] > 0]).toEqual([code, true]);
    expect(lines.some((code) => december[code] > march[code])).toBe(true);
    for (const kind of ['GREEN_PARK', 'GREEN_DESIGN_PRODUCT', 'INDUSTRIAL_INTERNET_PLATFORM', 'INDUSTRY_BRAIN', 'INDUSTRY_BRAIN_APP']) {
      expect([kind, (await t.http.get(`/api/v1/carriers?kind=${kind}`).set(staff).expect(200)).body.meta.total > 0]).toEqual([kind, true]);
    }
    const revoked = await t.http.get('/api/v1/designations?status=REVOKED&holderKind=CARRIER').set(staff).expect(200);
    expect(revoked.body.meta.total).toBeGreaterThan(0);
  });
});
