import { todayInChina } from '@app/core';

import { createEnterprise, designate } from '../setup/cultivation-fixtures';
import { createTestApp, TestApp } from '../setup/test-app';

const YI = 1e8; // 亿

describe('derived scale tiers over HTTP', () => {
  let t: TestApp;
  let staff: Record<string, string>;
  let newTo10b: string;
  let stays10bNew50b: string;
  let small: string;
  let unreportedBefore: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.as('BUREAU_STAFF');
    newTo10b = await createEnterprise(t, staff, { 2021: { revenue: 90 * YI }, 2022: { revenue: 120 * YI } });
    stays10bNew50b = await createEnterprise(t, staff, { 2021: { revenue: 110 * YI }, 2022: { revenue: 550 * YI } });
    small = await createEnterprise(t, staff, { 2021: { revenue: 20 * YI }, 2022: { revenue: 99.99 * YI } });
    unreportedBefore = await createEnterprise(t, staff, { 2022: { revenue: 1000 * YI } });
  });
  afterAll(() => t.close());

  it('derives the tier from the year’s operating revenue and says which metric and year it used', async () => {
    const res = await t.http.get(`/api/v1/enterprises/${newTo10b}/scale-tiers?year=2022`).set(staff).expect(200);
    expect(res.body).toMatchObject({ year: 2022, previousYear: 2021, metric: 'operatingRevenueYuan', valueYuan: 120 * YI, previousValueYuan: 90 * YI, derivedTier: 'SCALE_10B', derivedTierLabel: '百亿级' });
    expect(res.body.tiers[0]).toMatchObject({ tier: 'SCALE_10B', atTier: true, atTierPreviousYear: false, newAtTier: true, tagged: false });
    expect(res.body.tiers[1]).toMatchObject({ tier: 'SCALE_50B', atTier: false, newAtTier: false });
  });

  it('tells a new 五百亿 enterprise that was already 百亿 the year before', async () => {
    const res = await t.http.get(`/api/v1/enterprises/${stays10bNew50b}/scale-tiers?year=2022`).set(staff).expect(200);
    expect(res.body.derivedTier).toBe('SCALE_50B');
    expect(res.body.tiers[0]).toMatchObject({ tier: 'SCALE_10B', atTier: true, atTierPreviousYear: true, newAtTier: false });
    expect(res.body.tiers[1]).toMatchObject({ tier: 'SCALE_50B', atTier: true, newAtTier: true });
    const below = await t.http.get(`/api/v1/enterprises/${small}/scale-tiers?year=2022`).set(staff).expect(200);
    expect(below.body.derivedTier).toBeNull();
  });

  it('shows a tagged scale designation beside the derived tier', async () => {
    await designate(t, staff, { enterpriseId: newTo10b, type: 'SCALE_10B', level: 'MUNICIPAL', status: 'RECOGNISED', recognisedOn: todayInChina(), year: 2022 });
    const res = await t.http.get(`/api/v1/enterprises/${newTo10b}/scale-tiers?year=2022`).set(staff).expect(200);
    expect(res.body.tiers[0].tagged).toBe(true);
    expect(res.body.taggedDesignations.map((d: { type: string }) => d.type)).toEqual(['SCALE_10B']);
  });

  it('lists the enterprises at a tier, and only the new ones with newOnly', async () => {
    const ids = (res: { body: { items: { enterpriseId: string }[] } }) => res.body.items.map((i) => i.enterpriseId).sort();
    const all = await t.http.get('/api/v1/scale-tiers?year=2022&tier=SCALE_10B').set(staff).expect(200);
    expect(ids(all)).toEqual([newTo10b, stays10bNew50b, unreportedBefore].sort());
    expect(all.body).toMatchObject({ thresholdYuan: 100 * YI, metric: 'operatingRevenueYuan', total: 3 });
    const fresh = await t.http.get('/api/v1/scale-tiers?year=2022&tier=SCALE_10B&newOnly=true').set(staff).expect(200);
    // No 2021 figures counts as not at the tier in 2021.
    expect(ids(fresh)).toEqual([newTo10b, unreportedBefore].sort());
    const top = await t.http.get('/api/v1/scale-tiers?year=2022&tier=SCALE_100B&newOnly=true').set(staff).expect(200);
    expect(ids(top)).toEqual([unreportedBefore]);
    await t.http.get('/api/v1/scale-tiers?year=2022&tier=LITTLE_GIANT').set(staff).expect(400);
  });
});
