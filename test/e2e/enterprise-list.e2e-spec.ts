import { createEnterprise, designate, firstChain } from '../setup/cultivation-fixtures';
import { createTestApp, TestApp } from '../setup/test-app';

type Headers = Record<string, string>;
type Item = { id: string; name: string; matchedFormerName?: string | null };

/** Today in Ningbo (UTC+8), plus some days, as YYYY-MM-DD. */
const beijingDay = (plusDays = 0) => new Date(Date.now() + 8 * 3600_000 + plusDays * 86400_000).toISOString().slice(0, 10);

describe('the enterprise list the console\'s 企业名录 needs', () => {
  let t: TestApp;
  let staff: Headers;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.as('BUREAU_STAFF');
    // A: 镇海, machinery (C3411), above scale, little giant expiring in 20 days, member of a chain, former name 甬江阀门厂.
    ids.a = await createEnterprise(t, staff, {}, { name: '宁波骆驼精工机械有限公司', formerNames: ['宁波甬江阀门厂'], districtCode: '330211', industryCode: '3411', aboveScale: true });
    // B: 北仑 (330206), chemicals (C2614), not above scale, a candidate little giant.
    ids.b = await createEnterprise(t, staff, {}, { name: '宁波北仑甬江化工有限公司', districtCode: '330206', industryCode: '2614', aboveScale: false });
    // C: 镇海, software (I6513), archived.
    ids.c = await createEnterprise(t, staff, {}, { name: '宁波镇海软件有限公司', districtCode: '330211', industryCode: '6513', aboveScale: false });
    await t.http.delete(`/api/v1/enterprises/${ids.c}`).set(staff).expect(200);
    const chain = await firstChain(t, staff);
    ids.chain = chain.id;
    await t.http.post(`/api/v1/chains/${chain.id}/members`).set(staff).send({ enterpriseId: ids.a }).expect(201);
    await designate(t, staff, { enterpriseId: ids.a, type: 'LITTLE_GIANT', level: 'NATIONAL', status: 'RECOGNISED', recognisedOn: beijingDay(-1000), expiresOn: beijingDay(20) });
    await designate(t, staff, { enterpriseId: ids.b, type: 'LITTLE_GIANT', level: 'NATIONAL' });
  });
  afterAll(() => t.close());

  const list = async (query: Record<string, unknown>) => ((await t.http.get('/api/v1/enterprises').query(query).set(staff).expect(200)).body.items as Item[]);
  const found = async (query: Record<string, unknown>) => (await list(query)).map((e) => e.id).filter((id) => [ids.a, ids.b, ids.c].includes(id)).sort();

  it('says when a keyword hit came only through a former name', async () => {
    const [a] = await list({ q: '阀门' });
    expect(a).toMatchObject({ id: ids.a, matchedFormerName: '宁波甬江阀门厂' });
    // 甬江 is in B's current name and in A's former name: only A's hit came through a former name.
    const both = await list({ q: '甬江' });
    expect(Object.fromEntries(both.map((e) => [e.id, e.matchedFormerName]))).toEqual({ [ids.a]: '宁波甬江阀门厂', [ids.b]: null });
    const [byName] = await list({ q: '骆驼' });
    expect(byName.matchedFormerName).toBeNull();
    // Without a keyword the field is absent.
    expect((await list({ districtCode: '330211' }))[0]).not.toHaveProperty('matchedFormerName');
  });

  it('filters by district, industry prefix (section letter or digits) and above-scale', async () => {
    expect(await found({ districtCode: '330211' })).toEqual([ids.a]);
    expect(await found({ industryCode: 'C' })).toEqual([ids.a, ids.b].sort());
    expect(await found({ industryCode: '26' })).toEqual([ids.b]);
    expect(await found({ aboveScale: true })).toEqual([ids.a]);
    expect(await found({ aboveScale: false })).toEqual([ids.b]);
  });

  it('filters by designation type and status together, and by chain', async () => {
    expect(await found({ designationType: 'LITTLE_GIANT' })).toEqual([ids.a, ids.b].sort());
    expect(await found({ designationType: 'LITTLE_GIANT', designationStatus: 'RECOGNISED' })).toEqual([ids.a]);
    expect(await found({ designationType: 'LITTLE_GIANT', designationStatus: 'CANDIDATE' })).toEqual([ids.b]);
    expect(await found({ chainId: ids.chain })).toEqual([ids.a]);
  });

  it('lists current firms by default, archived ones only with archived=true, both with includeArchived', async () => {
    expect(await found({})).toEqual([ids.a, ids.b].sort());
    expect(await found({ archived: true })).toEqual([ids.c]);
    expect(await found({ includeArchived: true })).toEqual([ids.a, ids.b, ids.c].sort());
    const bad = await t.http.get('/api/v1/enterprises').query({ archived: 'maybe' }).set(staff).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'archived' })]);
  });

  it('lists designations expiring within N days and by status', async () => {
    const within = async (days: number) =>
      ((await t.http.get('/api/v1/designations').query({ expiringWithinDays: days }).set(staff).expect(200)).body.items as { enterpriseId: string }[]).map((d) => d.enterpriseId);
    expect(await within(30)).toEqual([ids.a]);
    expect(await within(10)).toEqual([]);
    const candidates = (await t.http.get('/api/v1/designations').query({ status: 'CANDIDATE' }).set(staff).expect(200)).body.items;
    expect(candidates.map((d: { enterpriseId: string }) => d.enterpriseId)).toEqual([ids.b]);
  });
});
