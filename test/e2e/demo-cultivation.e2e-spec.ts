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
});
