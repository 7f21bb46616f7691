import { addDays, todayInChina } from '@app/core';

import { createEnterprise, designate } from '../setup/cultivation-fixtures';
import { creditCode } from '../setup/fixtures';
import { createTestApp, TestApp } from '../setup/test-app';

type Headers = Record<string, string>;

/**
 * An enterprise's own chain placements and community spells, read from the enterprise side:
 * a supplier F (330211) on two chains (one left) and in two communities (one led by another
 * firm, one spell closed); a liaison of F and the district officer of 330211 read it, while an
 * enterprise G of 330206 reads as absent to both.
 */
describe('GET /enterprises/:id/chain-memberships and /communities', () => {
  let t: TestApp;
  let staff: Headers;
  const today = todayInChina();
  let f: string;
  let g: string;
  let chainA: { id: string; name: string };
  let chainB: { id: string; name: string };
  let segmentId: string;
  let community1: string;
  let community2: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.as('BUREAU_STAFF');
    chainA = (await t.http.post('/api/v1/chains').set(staff).send({ code: 'LINKS_A', name: '链接测试甲链' }).expect(201)).body;
    chainB = (await t.http.post('/api/v1/chains').set(staff).send({ code: 'LINKS_B', name: '链接测试乙链' }).expect(201)).body;
    segmentId = (await t.http.post(`/api/v1/chains/${chainA.id}/segments`).set(staff).send({ code: 'UP1', name: '磁材原料', stage: 'UPSTREAM' }).expect(201)).body.find(
      (n: { code: string }) => n.code === 'UP1',
    ).id;
    f = await createEnterprise(t, staff, {}, { districtCode: '330211', creditCode: creditCode('330211') });
    g = await createEnterprise(t, staff, {}, { districtCode: '330206', creditCode: creditCode('330206') });

    await t.http.post(`/api/v1/chains/${chainA.id}/members`).set(staff).send({ enterpriseId: f, segmentId, keyEnterprise: true, joinedOn: addDays(today, -30) }).expect(201);
    const onB = await t.http.post(`/api/v1/chains/${chainB.id}/members`).set(staff).send({ enterpriseId: f, joinedOn: addDays(today, -20) }).expect(201);
    await t.http.delete(`/api/v1/chains/${chainB.id}/members/${onB.body.id}`).set(staff).expect(204);
    await t.http.post(`/api/v1/chains/${chainA.id}/members`).set(staff).send({ enterpriseId: g }).expect(201);

    // G leads both communities; F is only a member, never a lead.
    await designate(t, staff, { enterpriseId: g, type: 'CHAIN_LEADER', level: 'MUNICIPAL', chainId: chainA.id, status: 'RECOGNISED', recognisedOn: today });
    community1 = (await t.http.post('/api/v1/communities').set(staff).send({ name: '甲链上下游共同体', chainId: chainA.id, leadEnterpriseId: g }).expect(201)).body.id;
    community2 = (await t.http.post('/api/v1/communities').set(staff).send({ name: '甲链协作共同体', chainId: chainA.id, leadEnterpriseId: g }).expect(201)).body.id;
    await t.http.post(`/api/v1/communities/${community1}/members`).set(staff).send({ enterpriseId: f, role: 'UPSTREAM_SUPPLIER', joinedOn: addDays(today, -10) }).expect(201);
    const spell = await t.http.post(`/api/v1/communities/${community2}/members`).set(staff).send({ enterpriseId: f, role: 'PEER', joinedOn: addDays(today, -8) }).expect(201);
    await t.http.post(`/api/v1/communities/${community2}/members/${spell.body.id}/leave`).set(staff).send({ leftOn: addDays(today, -2) }).expect(200);
  });
  afterAll(() => t.close());

  it('lists every chain spell of the enterprise with chain, segment, dates and key flag, current first', async () => {
    const res = await t.http.get(`/api/v1/enterprises/${f}/chain-memberships`).set(staff).expect(200);
    expect(res.body).toHaveLength(2);
    expect(res.body[0]).toMatchObject({ chainId: chainA.id, chainName: '链接测试甲链', segmentId, segmentName: '磁材原料', stage: 'UPSTREAM', joinedOn: addDays(today, -30), leftOn: null, keyEnterprise: true, active: true });
    expect(res.body[1]).toMatchObject({ chainId: chainB.id, chainName: '链接测试乙链', segmentName: null, joinedOn: addDays(today, -20), leftOn: today, keyEnterprise: false, active: false });
  });

  it('lists every community spell of the enterprise, whatever its role, with role label and dates', async () => {
    const res = await t.http.get(`/api/v1/enterprises/${f}/communities`).set(staff).expect(200);
    expect(res.body.map((c: { communityId: string; role: string; roleLabel: string; joinedOn: string; leftOn: string | null }) => [c.communityId, c.role, c.roleLabel, c.joinedOn, c.leftOn])).toEqual([
      [community1, 'UPSTREAM_SUPPLIER', '上游供应商', addDays(today, -10), null],
      [community2, 'PEER', '同行协作', addDays(today, -8), addDays(today, -2)],
    ]);
    expect(res.body[0]).toMatchObject({ communityName: '甲链上下游共同体', chainName: '链接测试甲链', enterpriseId: f, active: true });
    const none = await t.http.get(`/api/v1/enterprises/${g}/communities`).set(staff).expect(200);
    expect(none.body).toEqual([]);
  });

  it("lets the liaison and the district officer read their own firm's lists and answers 404 for another firm", async () => {
    const liaison = await t.as('LIAISON', { enterpriseIds: [f], username: 'liaison_links_f' });
    const district = await t.as('DISTRICT_STAFF', { districtCodes: ['330211'], username: 'zhenhai_links' });
    for (const who of [liaison, district]) {
      for (const route of ['chain-memberships', 'communities']) {
        const own = await t.http.get(`/api/v1/enterprises/${f}/${route}`).set(who).expect(200);
        expect(own.body).toHaveLength(2);
        const other = await t.http.get(`/api/v1/enterprises/${g}/${route}`).set(who).expect(404);
        expect(other.body.code).toBe('ENTERPRISE_NOT_FOUND');
      }
    }
  });
});
