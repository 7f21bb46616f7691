import { todayInChina } from '@app/core';

import { createEnterprise, designate } from '../setup/cultivation-fixtures';
import { createTestApp, TestApp } from '../setup/test-app';

const YI = 1e8;

interface Planned {
  segment: 'UP' | 'MID' | 'MID_CHILD' | 'DOWN' | null;
  revenue2022?: number;
  output2022?: number;
  tier?: 'CHAIN_LEADER' | 'CHAIN_CORE' | 'CHAIN_BASE';
  revoked?: boolean;
}

describe('chains over HTTP', () => {
  let t: TestApp;
  let staff: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.as('BUREAU_STAFF');
  });
  afterAll(() => t.close());

  async function newChain(code: string) {
    const res = await t.http.post('/api/v1/chains').set(staff).send({ code, name: '测试新材料', leadUnit: '市经信局材料处', promotionAgency: '市新材料产业协会', provisional: true, sortOrder: 20 }).expect(201);
    return res.body as { id: string; version: number };
  }

  it('creates and edits a chain with version checks, listed with the seeded ones', async () => {
    const chain = await newChain('TEST_EDIT');
    const edited = await t.http.patch(`/api/v1/chains/${chain.id}`).set(staff).send({ version: 1, provisional: false, description: '已确认' }).expect(200);
    expect(edited.body).toMatchObject({ provisional: false, description: '已确认', version: 2 });
    const stale = await t.http.patch(`/api/v1/chains/${chain.id}`).set(staff).send({ version: 1, name: '别名' }).expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const dup = await t.http.post('/api/v1/chains').set(staff).send({ code: 'TEST_EDIT', name: '重复' }).expect(409);
    expect(dup.body.code).toBe('CHAIN_CODE_DUPLICATE');
    const list = await t.http.get('/api/v1/chains').set(staff).expect(200);
    expect(list.body.length).toBe(11);
  });

  it('summarises members by stage and segment, its holders and its totals as counted independently', async () => {
    const chain = await newChain('TEST_SUMMARY');
    const seg = async (code: string, stage: string, parentId?: string) =>
      (await t.http.post(`/api/v1/chains/${chain.id}/segments`).set(staff).send({ code, name: code, stage, parentId }).expect(201)).body;
    await seg('UP', 'UPSTREAM');
    await seg('MID', 'MIDSTREAM');
    let tree = await seg('DOWN', 'DOWNSTREAM');
    const midId = tree.find((n: { code: string }) => n.code === 'MID').id;
    tree = await seg('MID_CHILD', 'MIDSTREAM', midId);
    expect(tree.find((n: { code: string }) => n.code === 'MID').children[0]).toMatchObject({ code: 'MID_CHILD', stageLabel: '中游' });
    const segmentIds: Record<string, string> = {};
    const walk = (nodes: { id: string; code: string; children: never[] }[]) => nodes.forEach((n) => ((segmentIds[n.code] = n.id), walk(n.children)));
    walk(tree);

    const plan: Planned[] = [
      { segment: 'UP', revenue2022: 120 * YI, output2022: 110 * YI, tier: 'CHAIN_LEADER' },
      { segment: 'UP', revenue2022: 8 * YI, output2022: 7.5 * YI, tier: 'CHAIN_BASE', revoked: true },
      { segment: 'MID', revenue2022: 30 * YI, output2022: 28 * YI, tier: 'CHAIN_CORE' },
      { segment: 'MID_CHILD', revenue2022: 12.34 * YI, output2022: 11 * YI, tier: 'CHAIN_CORE' },
      { segment: 'DOWN', revenue2022: 5 * YI, output2022: 4 * YI, tier: 'CHAIN_BASE' },
      { segment: null, revenue2022: 1 * YI, output2022: 0.9 * YI },
      { segment: 'DOWN' },
    ];
    const created: { id: string; p: Planned }[] = [];
    for (const p of plan) {
      const figures: Record<number, { revenue: number; output?: number }> = p.revenue2022 ? { 2022: { revenue: p.revenue2022, output: p.output2022 }, 2021: { revenue: 1 * YI } } : {};
      const id = await createEnterprise(t, staff, figures);
      await t.http
        .post(`/api/v1/chains/${chain.id}/members`)
        .set(staff)
        .send({ enterpriseId: id, segmentId: p.segment ? segmentIds[p.segment] : undefined, mainProducts: '测试产品', keyEnterprise: !!p.tier })
        .expect(201);
      if (p.tier) {
        const d = await designate(t, staff, { enterpriseId: id, type: p.tier, level: 'MUNICIPAL', chainId: chain.id, status: 'RECOGNISED', recognisedOn: todayInChina() });
        if (p.revoked) await t.http.post(`/api/v1/designations/${d.body.id}/transitions`).set(staff).send({ toStatus: 'REVOKED', reason: '不再符合', version: 1 }).expect(201);
      }
      created.push({ id, p });
    }
    const dup = await t.http.post(`/api/v1/chains/${chain.id}/members`).set(staff).send({ enterpriseId: created[0].id }).expect(409);
    expect(dup.body.code).toBe('CHAIN_MEMBER_DUPLICATE');

    const stageOf: Record<string, string> = { UP: 'UPSTREAM', MID: 'MIDSTREAM', MID_CHILD: 'MIDSTREAM', DOWN: 'DOWNSTREAM' };
    const expectedStages: Record<string, number> = { UPSTREAM: 0, MIDSTREAM: 0, DOWNSTREAM: 0, UNASSIGNED: 0 };
    const expectedSegments: Record<string, number> = { UP: 0, MID: 0, MID_CHILD: 0, DOWN: 0 };
    let revenue = 0;
    let output = 0;
    for (const { p } of created) {
      expectedStages[p.segment ? stageOf[p.segment] : 'UNASSIGNED']++;
      if (p.segment) expectedSegments[p.segment]++;
      revenue += p.revenue2022 ?? 0;
      output += p.output2022 ?? 0;
    }
    const holders = (tier: string) => created.filter((c) => c.p.tier === tier && !c.p.revoked).map((c) => c.id).sort();

    const res = await t.http.get(`/api/v1/chains/${chain.id}/summary?year=2022`).set(staff).expect(200);
    const s = res.body;
    expect(Object.fromEntries(s.byStage.map((x: { stage: string; count: number }) => [x.stage, x.count]))).toEqual(expectedStages);
    expect(Object.fromEntries(s.bySegment.map((x: { code: string; count: number }) => [x.code, x.count]))).toEqual(expectedSegments);
    expect(s.totals).toEqual({
      memberCount: created.length,
      membersWithFigures: created.filter((c) => c.p.revenue2022).length,
      operatingRevenueYuan: revenue,
      industrialOutputYuan: output,
    });
    const ids = (list: { enterpriseId: string }[]) => list.map((h) => h.enterpriseId).sort();
    expect(ids(s.leaders)).toEqual(holders('CHAIN_LEADER'));
    expect(ids(s.cores)).toEqual(holders('CHAIN_CORE'));
    expect(ids(s.bases)).toEqual(holders('CHAIN_BASE'));

    const members = await t.http.get(`/api/v1/chains/${chain.id}/members?pageSize=100`).set(staff).expect(200);
    expect(members.body.items).toHaveLength(created.length);
    expect(members.body.meta.total).toBe(created.length);
    const filtered = await t.http.get(`/api/v1/enterprises?chainId=${chain.id}&pageSize=100`).set(staff).expect(200);
    expect(filtered.body.meta.total).toBe(created.length);

    const inUse = await t.http.delete(`/api/v1/chains/${chain.id}/segments/${segmentIds.DOWN}`).set(staff).expect(409);
    expect(inUse.body.code).toBe('SEGMENT_IN_USE');
    const noFigures = created.find((c) => !c.p.revenue2022)!;
    const membership = members.body.items.find((m: { enterpriseId: string }) => m.enterpriseId === noFigures.id);
    await t.http.delete(`/api/v1/chains/${chain.id}/members/${membership.id}`).set(staff).expect(204);
    const after = await t.http.get(`/api/v1/chains/${chain.id}/summary?year=2022`).set(staff).expect(200);
    expect(after.body.totals.memberCount).toBe(created.length - 1);
  });

  it('refuses a segment of another chain for a membership', async () => {
    const a = await newChain('TEST_A');
    const b = await newChain('TEST_B');
    const tree = (await t.http.post(`/api/v1/chains/${b.id}/segments`).set(staff).send({ code: 'B_UP', name: '某环节', stage: 'UPSTREAM' }).expect(201)).body;
    const id = await createEnterprise(t, staff);
    const res = await t.http.post(`/api/v1/chains/${a.id}/members`).set(staff).send({ enterpriseId: id, segmentId: tree[0].id }).expect(404);
    expect(res.body.code).toBe('SEGMENT_NOT_FOUND');
  });
});
