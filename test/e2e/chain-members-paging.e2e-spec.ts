import { todayInChina } from '@app/core';

import { designate } from '../setup/cultivation-fixtures';
import { creditCode, enterprisePayload } from '../setup/fixtures';
import { createTestApp, TestApp } from '../setup/test-app';

type Headers = Record<string, string>;
type Tier = 'CHAIN_LEADER' | 'CHAIN_CORE' | 'CHAIN_BASE';

/**
 * GET /chains/:id/members is paged and filtered (tier held on this chain, segment with its sub-segments,
 * stage, keyword), and a district officer of two districts pages through those two districts' members only.
 * The expected sets are computed from the world below, never read back from the route.
 */
describe('paged chain members', () => {
  let t: TestApp;
  let staff: Headers;
  let officer: Headers;
  let chainId: string;
  let otherChainId: string;
  const seg: Record<'UP' | 'UP_CHILD' | 'MID' | 'OTHER', string> = { UP: '', UP_CHILD: '', MID: '', OTHER: '' };
  const OFFICER_DISTRICTS = ['330211', '330203'];

  // The world: who sits where, which tier each holds on THIS chain, and a chain tier some hold on another chain.
  const world: { key: string; district: string; segment: keyof typeof seg | null; tier?: Tier; tierElsewhere?: Tier; name: string; id?: string; code?: string }[] = [
    { key: 'z1', district: '330211', segment: 'UP', tier: 'CHAIN_LEADER', name: '宁波甬链磁材甲有限公司' },
    { key: 'z2', district: '330211', segment: 'UP_CHILD', tier: 'CHAIN_CORE', name: '宁波甬链磁材乙有限公司' },
    { key: 'z3', district: '330211', segment: 'MID', name: '宁波甬链电机丙有限公司' },
    { key: 'h1', district: '330203', segment: 'UP_CHILD', tierElsewhere: 'CHAIN_CORE', name: '宁波海曙磁粉丁有限公司' },
    { key: 'h2', district: '330203', segment: null, tier: 'CHAIN_BASE', name: '宁波海曙配套戊有限公司' },
    { key: 'b1', district: '330206', segment: 'UP', tier: 'CHAIN_CORE', name: '宁波北仑磁材己有限公司' },
    { key: 'b2', district: '330206', segment: 'MID', name: '宁波北仑电机庚有限公司' },
    { key: 'b3', district: '330206', segment: 'UP_CHILD', name: '宁波北仑磁材辛有限公司' },
  ];
  const ids = (rows: { key: string }[]) => rows.map((r) => world.find((w) => w.key === r.key)!.id!).sort();
  const got = (items: { enterpriseId: string }[]) => items.map((i) => i.enterpriseId).sort();
  const visible = (w: (typeof world)[number]) => OFFICER_DISTRICTS.includes(w.district);

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.as('BUREAU_STAFF');
    chainId = (await t.http.post('/api/v1/chains').set(staff).send({ code: 'PAGED_TEST', name: '分页测试产业链' }).expect(201)).body.id;
    otherChainId = (await t.http.post('/api/v1/chains').set(staff).send({ code: 'PAGED_OTHER', name: '另一条产业链' }).expect(201)).body.id;
    const segment = async (chain: string, code: string, stage: string, parentId?: string) => {
      const tree = (await t.http.post(`/api/v1/chains/${chain}/segments`).set(staff).send({ code, name: code, stage, parentId }).expect(201)).body;
      const flat = (nodes: { id: string; code: string; children: unknown[] }[]): { id: string; code: string }[] =>
        nodes.flatMap((n) => [n, ...flat(n.children as never)]);
      return flat(tree).find((n) => n.code === code)!.id;
    };
    seg.UP = await segment(chainId, 'UP_ROOT', 'UPSTREAM');
    seg.UP_CHILD = await segment(chainId, 'UP_CHILD', 'UPSTREAM', seg.UP);
    seg.MID = await segment(chainId, 'MID_ROOT', 'MIDSTREAM');
    seg.OTHER = await segment(otherChainId, 'ELSEWHERE', 'UPSTREAM');
    const recognised = { level: 'MUNICIPAL', status: 'RECOGNISED', recognisedOn: todayInChina() };
    for (const w of world) {
      w.code = creditCode(w.district);
      w.id = (await t.http.post('/api/v1/enterprises').set(staff).send(enterprisePayload({ name: w.name, districtCode: w.district, creditCode: w.code })).expect(201)).body.id;
      await t.http.post(`/api/v1/chains/${chainId}/members`).set(staff).send({ enterpriseId: w.id, segmentId: w.segment ? seg[w.segment] : null }).expect(201);
      if (w.tier) await designate(t, staff, { enterpriseId: w.id, type: w.tier, chainId, ...recognised });
      if (w.tierElsewhere) {
        await t.http.post(`/api/v1/chains/${otherChainId}/members`).set(staff).send({ enterpriseId: w.id }).expect(201);
        await designate(t, staff, { enterpriseId: w.id, type: w.tierElsewhere, chainId: otherChainId, ...recognised });
      }
    }
    officer = await t.as('DISTRICT_STAFF', { districtCodes: OFFICER_DISTRICTS, username: 'two_district_officer' });
  });
  afterAll(() => t.close());

  const list = async (who: Headers, query: string) => (await t.http.get(`/api/v1/chains/${chainId}/members?${query}`).set(who).expect(200)).body;

  it('pages through every member exactly once, with the total', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const body = await list(staff, `page=${page}&pageSize=3`);
      expect(body.meta).toMatchObject({ page, pageSize: 3, total: world.length });
      expect(body.items.length).toBe(Math.min(3, world.length - (page - 1) * 3));
      seen.push(...body.items.map((i: { enterpriseId: string }) => i.enterpriseId));
    }
    expect(seen.sort()).toEqual(ids(world));
  });

  it("gives a district officer of two districts only those districts' members, on every page and under every filter", async () => {
    const mine = world.filter(visible);
    const first = await list(officer, 'page=1&pageSize=2');
    const second = await list(officer, 'page=2&pageSize=2');
    const third = await list(officer, 'page=3&pageSize=2');
    expect(first.meta.total).toBe(mine.length);
    expect(got([...first.items, ...second.items, ...third.items])).toEqual(ids(mine));
    for (const item of [...first.items, ...second.items, ...third.items]) expect(OFFICER_DISTRICTS).toContain(item.districtCode);

    const upstream = await list(officer, `segmentId=${seg.UP}&pageSize=100`);
    expect(got(upstream.items)).toEqual(ids(mine.filter((w) => w.segment === 'UP' || w.segment === 'UP_CHILD')));
    const cores = await list(officer, 'tier=CHAIN_CORE&pageSize=100');
    expect(got(cores.items)).toEqual(ids(mine.filter((w) => w.tier === 'CHAIN_CORE')));
    const beilun = await list(officer, `keyword=${encodeURIComponent('北仑')}`);
    expect(beilun.meta.total).toBe(0);
  });

  it('filters by the tier held on this chain, a segment with its sub-segments, a stage and a keyword', async () => {
    for (const tier of ['CHAIN_LEADER', 'CHAIN_CORE', 'CHAIN_BASE'] as const) {
      const body = await list(staff, `tier=${tier}&pageSize=100`);
      expect(got(body.items)).toEqual(ids(world.filter((w) => w.tier === tier)));
      expect(body.meta.total).toBe(world.filter((w) => w.tier === tier).length);
    }
    expect(got((await list(staff, `segmentId=${seg.UP}&pageSize=100`)).items)).toEqual(ids(world.filter((w) => w.segment === 'UP' || w.segment === 'UP_CHILD')));
    expect(got((await list(staff, `segmentId=${seg.UP_CHILD}&pageSize=100`)).items)).toEqual(ids(world.filter((w) => w.segment === 'UP_CHILD')));
    expect(got((await list(staff, 'stage=MIDSTREAM&pageSize=100')).items)).toEqual(ids(world.filter((w) => w.segment === 'MID')));
    expect(got((await list(staff, `keyword=${encodeURIComponent('磁材')}&pageSize=100`)).items)).toEqual(ids(world.filter((w) => w.name.includes('磁材'))));
    const byCode = world[4];
    expect(got((await list(staff, `keyword=${byCode.code!.slice(-8)}`)).items)).toEqual([byCode.id]);
    const combined = await list(staff, `stage=UPSTREAM&tier=CHAIN_CORE&keyword=${encodeURIComponent('甬链')}`);
    expect(got(combined.items)).toEqual(ids(world.filter((w) => w.segment?.startsWith('UP') && w.tier === 'CHAIN_CORE' && w.name.includes('甬链'))));
  });

  it('refuses a bad filter with the field, and a segment of another chain as not found', async () => {
    const tier = await t.http.get(`/api/v1/chains/${chainId}/members?tier=LITTLE_GIANT`).set(staff).expect(400);
    expect(JSON.stringify(tier.body)).toContain('tier');
    const size = await t.http.get(`/api/v1/chains/${chainId}/members?pageSize=101`).set(staff).expect(400);
    expect(JSON.stringify(size.body)).toContain('pageSize');
    const other = await t.http.get(`/api/v1/chains/${chainId}/members?segmentId=${seg.OTHER}`).set(staff).expect(404);
    expect(other.body.code).toBe('SEGMENT_NOT_FOUND');
  });

  it('edits a segment in place with its version, and answers 409 to a stale one without changing the tree', async () => {
    const path = `/api/v1/chains/${chainId}/segments/${seg.MID}`;
    const renamed = await t.http.patch(path).set(staff).send({ name: '电机总成', sortOrder: 5, version: 1 }).expect(200);
    const node = renamed.body.find((n: { id: string }) => n.id === seg.MID);
    expect(node).toMatchObject({ name: '电机总成', sortOrder: 5, version: 2 });
    const stale = await t.http.patch(path).set(staff).send({ name: '别的名字', version: 1 }).expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const moved = await t.http.patch(path).set(staff).send({ parentId: seg.UP, stage: 'UPSTREAM', version: 2 }).expect(200);
    const up = moved.body.find((n: { id: string }) => n.id === seg.UP);
    expect(up.children.map((c: { id: string }) => c.id)).toContain(seg.MID);
    const tree = (await t.http.get(`/api/v1/chains/${chainId}/segments`).set(staff).expect(200)).body;
    expect(JSON.stringify(tree)).not.toContain('别的名字');
    const missingVersion = await t.http.patch(path).set(staff).send({ name: '无版本' }).expect(400);
    expect(JSON.stringify(missingVersion.body)).toContain('version');
  });
});
