import { todayInChina } from '@app/core';

import { CultivationWorld } from '../setup/cultivation-world';
import { createTestApp, TestApp } from '../setup/test-app';

type Line = { code: string; actual: number; count: number | null; lackingFigures: number | null; percent: number | null; status: string; splits: { districtCode: string | null; chainId: string | null; actual: number }[] };

/**
 * A number shown for a past date never changes because of something recorded later, and every rule of
 * the designations applies the same way in the quota measures: the defects of issue 9, each as it was
 * reported. Expected values are worked out by hand in each test.
 */
describe('figures at a past date stay what the registry said on that date', () => {
  let t: TestApp;
  let staff: Record<string, string>;
  let world: CultivationWorld;
  let chainX: string;
  let chainY: string;

  const progress = async (asOf: string, query = '', year = 2022) => {
    const res = await t.http.get(`/api/v1/quota-plans/${year}/progress?asOf=${asOf}${query}`).set(staff).expect(200);
    return Object.fromEntries(res.body.lines.map((l: Line) => [l.code, l])) as Record<string, Line>;
  };
  const drill = async (code: string, asOf: string, query = '') =>
    (await t.http.get(`/api/v1/quota-plans/2022/progress/lines/${code}/enterprises?asOf=${asOf}&pageSize=100${query}`).set(staff).expect(200)).body as {
      items: { enterpriseId: string; districtCode: string }[];
      meta: { total: number };
    };
  const addLine = async (code: string, measureKind: string, measureParams: Record<string, unknown>, target = 10, extra: Record<string, unknown> = {}) =>
    t.http.post('/api/v1/quota-plans/2022/lines').set(staff).send({ code, label: code, unit: '家', group: '测试', target, measureKind, measureParams, ...extra }).expect(201);

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.as('BUREAU_STAFF');
    world = new CultivationWorld(t, staff);
    [chainX, chainY] = await world.chainIds();
  });
  afterAll(() => t.close());

  it('keeps the expiry in force with each event: a later re-recognition does not reach back, and 复核中 holds past the expiry', async () => {
    // The case: recognised 2022-01-10, expiry 2022-05-31, under review from 05-15.
    const firm = await world.enterprise();
    const id = await world.designation({
      enterpriseId: firm,
      type: 'LITTLE_GIANT',
      level: 'PROVINCIAL',
      expiresOn: '2022-05-31',
      events: [{ to: 'RECOGNISED', on: '2022-01-10' }, { to: 'UNDER_REVIEW', on: '2022-05-15' }],
    });
    await addLine('HELD_PROVINCIAL_GIANTS', 'HOLDING_DESIGNATIONS', { designationType: 'LITTLE_GIANT', designationLevel: 'PROVINCIAL' });
    // Under review on 06-30, past the expiry: it still holds (the review has not decided).
    expect((await progress('2022-06-30')).HELD_PROVINCIAL_GIANTS.actual).toBe(1);
    expect((await drill('HELD_PROVINCIAL_GIANTS', '2022-06-30')).items.map((r) => r.enterpriseId)).toEqual([firm]);
    await world.events(id, [{ to: 'RECOGNISED', on: '2022-08-01' }]);
    expect((await progress('2022-06-30')).HELD_PROVINCIAL_GIANTS.actual).toBe(1);
    // The history keeps each term: the first ends 2022-05-31, the new one runs three years from 08-01.
    const detail = await t.http.get(`/api/v1/designations/${id}`).set(staff).expect(200);
    expect(detail.body.events.map((e: { toStatus: string; expiresOn: string }) => [e.toStatus, e.expiresOn])).toEqual([
      ['RECOGNISED', '2022-05-31'],
      ['UNDER_REVIEW', '2022-05-31'],
      ['RECOGNISED', '2025-08-01'],
    ]);
  });

  it('drops a recognition the day after its expiry when no review began', async () => {
    const firm = await world.enterprise();
    await world.designation({ enterpriseId: firm, type: 'SINGLE_CHAMPION', level: 'PROVINCIAL', expiresOn: '2022-05-31', events: [{ to: 'RECOGNISED', on: '2022-01-10' }] });
    await addLine('HELD_PROVINCIAL_CHAMPIONS', 'HOLDING_DESIGNATIONS', { designationType: 'SINGLE_CHAMPION', designationLevel: 'PROVINCIAL' });
    expect((await progress('2022-05-31')).HELD_PROVINCIAL_CHAMPIONS.actual).toBe(1);
    expect((await progress('2022-06-01')).HELD_PROVINCIAL_CHAMPIONS.actual).toBe(0);
  });

  it('starts a new term on re-recognition: an explicit expiry of the last term is not kept', async () => {
    const firm = await world.enterprise();
    const id = await world.designation({
      enterpriseId: firm,
      type: 'CHAIN_CORE',
      level: 'MUNICIPAL',
      chainId: chainX,
      expiresOn: '2022-06-30',
      events: [{ to: 'RECOGNISED', on: '2022-01-10' }, { to: 'UNDER_REVIEW', on: '2022-06-01' }, { to: 'RECOGNISED', on: '2022-07-15' }],
    });
    const now = await t.http.get(`/api/v1/designations/${id}`).set(staff).expect(200);
    // A chain tier has no default term: the re-recognised 链核 holds with no expiry, not EXPIRED since 2022-07-01.
    expect(now.body).toMatchObject({ status: 'RECOGNISED', recognisedOn: '2022-07-15', expiresOn: null });
    expect((await progress('2022-12-31')).CHAIN_CORES.actual).toBe(1);
    // A new term may be given explicitly.
    const other = await world.designation({
      enterpriseId: firm,
      type: 'CHAIN_CORE',
      level: 'MUNICIPAL',
      chainId: chainY,
      expiresOn: '2022-06-30',
      events: [{ to: 'RECOGNISED', on: '2022-01-10' }, { to: 'UNDER_REVIEW', on: '2022-06-01' }],
    });
    const version = (await t.http.get(`/api/v1/designations/${other}`).set(staff).expect(200)).body.version;
    const res = await t.http
      .post(`/api/v1/designations/${other}/transitions`)
      .set(staff)
      .send({ toStatus: 'RECOGNISED', effectiveOn: '2022-07-15', expiresOn: '2099-07-14', reason: '复核通过', version })
      .expect(201);
    expect(res.body).toMatchObject({ status: 'RECOGNISED', expiresOn: '2099-07-14' });
  });

  it('gives 专精特新中小企业 and 创新型中小企业 a three-year term', async () => {
    const firm = await world.enterprise();
    for (const type of ['SPECIALIZED_SME', 'INNOVATIVE_SME']) {
      const res = await t.http.post('/api/v1/designations').set(staff).send({ enterpriseId: firm, type, level: 'PROVINCIAL', status: 'RECOGNISED', recognisedOn: '2021-03-15' }).expect(201);
      expect([type, res.body.expiresOn]).toEqual([type, '2024-03-15']);
    }
    await addLine('HELD_SPECIALIZED_SMES', 'HOLDING_DESIGNATIONS', { designationType: 'SPECIALIZED_SME' });
    expect((await progress('2024-03-15')).HELD_SPECIALIZED_SMES.actual).toBe(1);
    expect((await progress('2024-03-16')).HELD_SPECIALIZED_SMES.actual).toBe(0);
  });

  it('counts the 大优强 cohort as the population of its growth rate and lists the holders lacking figures apart', async () => {
    const withBoth = [await world.enterprise(), await world.enterprise()];
    const lacking = [await world.enterprise(), await world.enterprise()];
    for (const id of [...withBoth, ...lacking]) await world.designation({ enterpriseId: id, type: 'BIG_EXCELLENT_STRONG', level: 'MUNICIPAL', events: [{ to: 'RECOGNISED', on: '2022-02-01' }] });
    // Growth (1,123,451 + 2,000,000) / (1,000,000 + 2,000,000) − 1 = 4.1150333…%; percent of 20 = 20.575166…% → 20.6.
    await world.figures(withBoth[0], 2021, { industrialOutputYuan: 1_000_000 });
    await world.figures(withBoth[0], 2022, { industrialOutputYuan: 1_123_451 });
    await world.figures(withBoth[1], 2021, { industrialOutputYuan: 2_000_000 });
    await world.figures(withBoth[1], 2022, { industrialOutputYuan: 2_000_000 });
    await world.figures(lacking[0], 2022, { industrialOutputYuan: 9_000_000 });
    await world.figures(lacking[1], 2021, { industrialOutputYuan: 5_000_000 });
    const line = (await progress('2022-12-31')).BIG_EXCELLENT_STRONG_OUTPUT;
    const growth = ((1_123_451 + 2_000_000) / 3_000_000 - 1) * 100;
    expect(line).toMatchObject({ count: 2, lackingFigures: 2, actual: Math.round(growth * 100) / 100, percent: Math.round((growth / 20) * 1000) / 10 });
    expect((await drill('BIG_EXCELLENT_STRONG_OUTPUT', '2022-12-31')).items.map((r) => r.enterpriseId).sort()).toEqual([...withBoth].sort());
    const apart = await drill('BIG_EXCELLENT_STRONG_OUTPUT', '2022-12-31', '&lackingFigures=true');
    expect(apart.items.map((r) => r.enterpriseId).sort()).toEqual([...lacking].sort());
    // The frozen report keeps them apart too, and a district officer's view holds only their district's.
    await t.http.post('/api/v1/quota-plans/2022/quarters/4/snapshot').set(staff).expect(201);
    const frozen = async (who: Record<string, string>) =>
      JSON.parse((await t.http.get('/api/v1/reports/quarterly/2022/4?format=json').set(who).expect(200)).text).lackingFigures.BIG_EXCELLENT_STRONG_OUTPUT.map((r: { enterpriseId: string }) => r.enterpriseId).sort();
    expect(await frozen(staff)).toEqual([...lacking].sort());
    expect(await frozen(await t.as('DISTRICT_STAFF', { districtCodes: ['330211'] }))).toEqual([...lacking].sort());
    expect(await frozen(await t.as('DISTRICT_STAFF', { districtCodes: ['330206'] }))).toEqual([]);
    const csv = (await t.http.get('/api/v1/reports/quarterly/2022/4?format=csv').set(staff).expect(200)).text;
    expect(csv.split('\n').filter((l) => l.includes('缺少数据企业')).length).toBe(2);
  });

  it('computes percent and status from exact values, rounding only what is shown', async () => {
    // Target 1 on 1 January with nothing done: expected is 1/365 — behind, not on track.
    await addLine('ONE_COMMUNITY', 'COMMUNITIES_FORMED', {}, 1);
    expect((await progress('2022-01-01')).ONE_COMMUNITY).toMatchObject({ actual: 0, status: 'BEHIND' });
    // A growth of 12.3451% against a target of 20: 61.7255% → 61.7 (rounded twice it read 61.8).
    const firm = await world.enterprise();
    await world.designation({ enterpriseId: firm, type: 'BIG_EXCELLENT_STRONG', level: 'DISTRICT', events: [{ to: 'RECOGNISED', on: '2022-02-01' }] });
    await world.figures(firm, 2021, { industrialOutputYuan: 1_000_000 });
    await world.figures(firm, 2022, { industrialOutputYuan: 1_123_451 });
    await addLine('DISTRICT_COHORT_GROWTH', 'COHORT_GROWTH', { designationType: 'BIG_EXCELLENT_STRONG', designationLevel: 'DISTRICT', metric: 'industrialOutputYuan' }, 20);
    expect((await progress('2022-12-31')).DISTRICT_COHORT_GROWTH).toMatchObject({ actual: 12.35, percent: 61.7, status: 'BEHIND' });
  });

  it('keeps past district and chain splits when a firm moves district or leaves a chain later', async () => {
    const firm = await world.enterprise({ districtCode: '330203' });
    // 大优强 has no term, so the firm still holds it today.
    await world.designation({ enterpriseId: firm, type: 'BIG_EXCELLENT_STRONG', level: 'PROVINCIAL', events: [{ to: 'RECOGNISED', on: '2022-03-01' }] });
    const member = await t.http.post(`/api/v1/chains/${chainY}/members`).set(staff).send({ enterpriseId: firm, joinedOn: '2022-01-01' }).expect(201);
    await addLine('HELD_PROVINCIAL_BES', 'HOLDING_DESIGNATIONS', { designationType: 'BIG_EXCELLENT_STRONG', designationLevel: 'PROVINCIAL' }, 5, {
      splits: [{ districtCode: '330203', target: 1 }, { districtCode: '330206', target: 1 }, { chainId: chainY, target: 1 }],
    });
    const split = (l: Line, key: string) => l.splits.find((s) => s.districtCode === key || s.chainId === key)!.actual;
    const before = (await progress('2022-06-30')).HELD_PROVINCIAL_BES;
    expect([split(before, '330203'), split(before, '330206'), split(before, chainY)]).toEqual([1, 0, 1]);

    // Today: the firm moves from 海曙 to 北仑 and leaves the chain.
    const current = (await t.http.get(`/api/v1/enterprises/${firm}`).set(staff).expect(200)).body;
    await t.http.patch(`/api/v1/enterprises/${firm}`).set(staff).send({ districtCode: '330206', version: current.version }).expect(200);
    await t.http.delete(`/api/v1/chains/${chainY}/members/${member.body.id}`).set(staff).expect(204);

    const after = (await progress('2022-06-30')).HELD_PROVINCIAL_BES;
    expect([split(after, '330203'), split(after, '330206'), split(after, chainY)]).toEqual([1, 0, 1]);
    expect((await drill('HELD_PROVINCIAL_BES', '2022-06-30', '&districtCode=330203')).items).toMatchObject([{ enterpriseId: firm, districtCode: '330203' }]);
    const today = (await progress(todayInChina())).HELD_PROVINCIAL_BES;
    expect([split(today, '330203'), split(today, '330206'), split(today, chainY)]).toEqual([0, 1, 0]);
    // The membership is gone from the chain's current members, but its dates remain.
    const members = (await t.http.get(`/api/v1/chains/${chainY}/members?pageSize=100`).set(staff).expect(200)).body.items;
    expect(members.map((m: { enterpriseId: string }) => m.enterpriseId)).not.toContain(firm);
  });

  it('counts an archived firm only up to the day before it was archived', async () => {
    const firm = await world.enterprise();
    await world.designation({ enterpriseId: firm, type: 'LITTLE_GIANT', level: 'MUNICIPAL', events: [{ to: 'RECOGNISED', on: '2022-03-01' }] });
    await world.figures(firm, 2021, { taxPaidYuan: 1000, operatingRevenueYuan: 1e9 });
    await world.figures(firm, 2022, { taxPaidYuan: 1000, operatingRevenueYuan: 1.5e10 });
    await addLine('HELD_MUNICIPAL_GIANTS', 'HOLDING_DESIGNATIONS', { designationType: 'LITTLE_GIANT', designationLevel: 'MUNICIPAL' });
    const read = async (asOf: string) => {
      const p = await progress(asOf);
      return [p.HELD_MUNICIPAL_GIANTS.actual, (await drill('NEW_SCALE_10B', asOf)).items.some((r) => r.enterpriseId === firm), (await drill('TAX_PER_MU_BELOW_10K', asOf)).items.some((r) => r.enterpriseId === firm)];
    };
    const past = await read('2022-06-30');
    expect(past).toEqual([1, true, true]);
    await t.http.delete(`/api/v1/enterprises/${firm}`).set(staff).expect(200);
    expect(await read('2022-06-30')).toEqual(past);
    expect(await read(todayInChina())).toEqual([0, false, false]);
  });

  it('caps "new in the plan year" at its end, counts a firm new only at its first recognition, and a dissolved community as formed', async () => {
    await addLine('NEW_MUNICIPAL_CHAMPIONS', 'NEW_DESIGNATIONS', { designationType: 'SINGLE_CHAMPION', designationLevel: 'MUNICIPAL' });
    const in2022 = await world.enterprise();
    const in2023 = await world.enterprise();
    const returning = await world.enterprise();
    await world.designation({ enterpriseId: in2022, type: 'SINGLE_CHAMPION', level: 'MUNICIPAL', events: [{ to: 'RECOGNISED', on: '2022-04-01' }] });
    await world.designation({ enterpriseId: in2023, type: 'SINGLE_CHAMPION', level: 'MUNICIPAL', events: [{ to: 'RECOGNISED', on: '2023-02-01' }] });
    // Revoked in 2021 and recognised again (a new designation) in 2022: not new, it was first recognised in 2020.
    await world.designation({ enterpriseId: returning, type: 'SINGLE_CHAMPION', level: 'MUNICIPAL', events: [{ to: 'RECOGNISED', on: '2020-05-01' }, { to: 'REVOKED', on: '2021-05-01' }] });
    await world.designation({ enterpriseId: returning, type: 'SINGLE_CHAMPION', level: 'MUNICIPAL', events: [{ to: 'RECOGNISED', on: '2022-05-01' }] });
    expect((await progress('2022-12-31')).NEW_MUNICIPAL_CHAMPIONS.actual).toBe(1);
    expect((await progress('2023-03-31')).NEW_MUNICIPAL_CHAMPIONS.actual).toBe(1);
    expect((await drill('NEW_MUNICIPAL_CHAMPIONS', '2023-03-31')).items.map((r) => r.enterpriseId)).toEqual([in2022]);

    // Communities: one formed in 2022 and dissolved in 2022 still counts as formed that year; one of 2023 does not.
    const lead = await world.enterprise();
    await world.designation({ enterpriseId: lead, type: 'CHAIN_LEADER', level: 'MUNICIPAL', chainId: chainX, events: [{ to: 'RECOGNISED', on: '2021-06-01' }] });
    const before = (await progress('2023-06-30')).COMMUNITIES_FORMED.actual;
    const dissolved = await world.community({ name: '解散测试共同体', chainId: chainX, leadEnterpriseId: lead, formedOn: '2022-03-01' });
    await world.community({ name: '次年共同体', chainId: chainX, leadEnterpriseId: lead, formedOn: '2023-02-01' });
    const community = (await t.http.get(`/api/v1/communities/${dissolved}`).set(staff).expect(200)).body;
    await t.http.patch(`/api/v1/communities/${dissolved}`).set(staff).send({ status: 'DISSOLVED', dissolvedOn: '2022-09-01', version: community.version }).expect(200);
    expect((await progress('2023-06-30')).COMMUNITIES_FORMED.actual).toBe(before + 1);
  });

  it('takes the city value of a manual line from the city report, else the sum of the districts', async () => {
    // A line of its own: the plan's smart-factory line is now counted from recognitions.
    await addLine('MANUAL_SUMMED', 'MANUAL', {});
    const SMART_FACTORIES = 'MANUAL_SUMMED';
    const url = `/api/v1/quota-plans/2022/lines/${SMART_FACTORIES}/reports`;
    await t.http.post(url).set(staff).send({ value: 4, reportedOn: '2022-05-10', evidence: '镇海区上报', districtCode: '330211' }).expect(201);
    await t.http.post(url).set(staff).send({ value: 3, reportedOn: '2022-06-10', evidence: '北仑区上报', districtCode: '330206' }).expect(201);
    expect((await progress('2022-06-30'))[SMART_FACTORIES].actual).toBe(7);
    expect((await progress('2022-05-31'))[SMART_FACTORIES].actual).toBe(4);
    await t.http.post(url).set(staff).send({ value: 20, reportedOn: '2022-06-20', evidence: '市经信局汇总' }).expect(201);
    expect((await progress('2022-06-30'))[SMART_FACTORIES].actual).toBe(20);
    expect((await progress('2022-06-15'))[SMART_FACTORIES].actual).toBe(7);
  });
});
