import { todayInChina } from '@app/core';

import { createEnterprise, designate } from '../setup/cultivation-fixtures';
import { creditCode } from '../setup/fixtures';
import { createTestApp, TestApp } from '../setup/test-app';

type Headers = Record<string, string>;
const YI = 1e8;

/**
 * Scope on the cultivation routes: a district officer of 330211 and a liaison of A against an
 * enterprise B in 330206. Out of scope reads as absent (404), lists and aggregates hold only the
 * caller's share, and refused writes change nothing.
 */
describe('object-level scope on designations, scale tiers, chains and communities', () => {
  let t: TestApp;
  let staff: Headers;
  let district: Headers;
  let liaisonA: Headers;
  const today = todayInChina();
  const ids = (items: { enterpriseId: string }[]) => items.map((i) => i.enterpriseId).sort();

  // A, A2 in 330211 (district's); B, C in 330206. A, A2, B sit on the test chain.
  let a: string;
  let a2: string;
  let b: string;
  let c: string;
  let chainId: string;
  let designationA: string;
  let designationB: string;
  let communityA: { id: string }; // led by A; members A2 and B
  let communityB: { id: string }; // led by B; member C (invisible to both)
  let communityBA2: { id: string }; // led by B; member A2 (visible to the district through A2)
  const figures2022: Record<string, { revenue: number; output: number }> = {};

  const snapshotB = async () => ({
    designations: await t.sql('SELECT id, status, version FROM designation WHERE enterprise_id = ANY($1) ORDER BY id', [[b, c]]),
    events: await t.sql('SELECT count(*)::int AS n FROM designation_event'),
    memberships: await t.sql('SELECT id, chain_id, enterprise_id FROM chain_membership ORDER BY id'),
    communities: await t.sql('SELECT id, name, status, version, lead_enterprise_id FROM community ORDER BY id'),
    communityMembers: await t.sql('SELECT id, community_id, enterprise_id, left_on FROM community_member ORDER BY id'),
  });

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.as('BUREAU_STAFF');
    const chain = await t.http.post('/api/v1/chains').set(staff).send({ code: 'SCOPE_TEST', name: '范围测试产业链' }).expect(201);
    chainId = chain.body.id;
    const make = async (district: string, revenue2022: number, revenue2021: number, output2022: number) => {
      const id = await createEnterprise(t, staff, { 2021: { revenue: revenue2021 }, 2022: { revenue: revenue2022, output: output2022 } }, {
        districtCode: district,
        creditCode: creditCode(district),
      });
      figures2022[id] = { revenue: revenue2022, output: output2022 };
      return id;
    };
    a = await make('330211', 150 * YI, 80 * YI, 140 * YI);
    a2 = await make('330211', 20 * YI, 18 * YI, 19.5 * YI);
    b = await make('330206', 200 * YI, 90 * YI, 180 * YI);
    c = await make('330206', 3 * YI, 2 * YI, 3 * YI);
    for (const id of [a, a2, b]) await t.http.post(`/api/v1/chains/${chainId}/members`).set(staff).send({ enterpriseId: id }).expect(201);
    const recognised = { level: 'MUNICIPAL', chainId, status: 'RECOGNISED', recognisedOn: today };
    designationA = (await designate(t, staff, { enterpriseId: a, type: 'CHAIN_LEADER', ...recognised })).body.id;
    await designate(t, staff, { enterpriseId: a2, type: 'CHAIN_CORE', ...recognised });
    await designate(t, staff, { enterpriseId: b, type: 'CHAIN_LEADER', ...recognised });
    designationB = (await designate(t, staff, { enterpriseId: b, type: 'LITTLE_GIANT', level: 'NATIONAL' })).body.id;

    const community = async (name: string, lead: string, members: string[]) => {
      const created = (await t.http.post('/api/v1/communities').set(staff).send({ name, chainId, leadEnterpriseId: lead }).expect(201)).body;
      for (const m of members) await t.http.post(`/api/v1/communities/${created.id}/members`).set(staff).send({ enterpriseId: m, role: 'PEER' }).expect(201);
      return created;
    };
    communityA = await community('镇海牵头共同体', a, [a2, b]);
    communityB = await community('北仑牵头共同体', b, [c]);
    communityBA2 = await community('北仑牵头跨区共同体', b, [a2]);

    district = await t.as('DISTRICT_STAFF', { districtCodes: ['330211'], username: 'zhenhai_cultivation' });
    liaisonA = await t.as('LIAISON', { enterpriseIds: [a], username: 'liaison_cultivation_a' });
  });
  afterAll(() => t.close());

  describe('designations', () => {
    it('reads in-scope designations and answers 404 for those of B, by id and by enterprise', async () => {
      for (const who of [district, liaisonA]) {
        await t.http.get(`/api/v1/designations/${designationA}`).set(who).expect(200);
        const byId = await t.http.get(`/api/v1/designations/${designationB}`).set(who).expect(404);
        expect(byId.body.code).toBe('DESIGNATION_NOT_FOUND');
        const ofB = await t.http.get(`/api/v1/enterprises/${b}/designations`).set(who).expect(404);
        expect(ofB.body.code).toBe('ENTERPRISE_NOT_FOUND');
        const ofA = await t.http.get(`/api/v1/enterprises/${a}/designations`).set(who).expect(200);
        expect(ofA.body.map((d: { id: string }) => d.id)).toContain(designationA);
      }
    });

    it('lists only designations of enterprises in scope, whatever the filters', async () => {
      const all = await t.http.get('/api/v1/designations?pageSize=100').set(district).expect(200);
      expect([...new Set(ids(all.body.items))]).toEqual([a, a2].sort());
      expect(all.body.meta.total).toBe(all.body.items.length);
      const mine = await t.http.get('/api/v1/designations?pageSize=100').set(liaisonA).expect(200);
      expect([...new Set(ids(mine.body.items))]).toEqual([a]);
      for (const filter of ['districtCode=330206', `enterpriseId=${b}`, 'type=LITTLE_GIANT', `chainId=${chainId}&type=CHAIN_LEADER`]) {
        for (const who of [district, liaisonA]) {
          const res = await t.http.get(`/api/v1/designations?${filter}`).set(who).expect(200);
          expect(ids(res.body.items)).not.toContain(b);
        }
      }
    });

    it('refuses to tag or move a designation of B (404 for the district officer, 403 for the liaison) and nothing changes', async () => {
      const before = await snapshotB();
      const create = await designate(t, district, { enterpriseId: b, type: 'INNOVATIVE_SME', level: 'PROVINCIAL' }, 404);
      expect(create.body.code).toBe('ENTERPRISE_NOT_FOUND');
      const move = await t.http.post(`/api/v1/designations/${designationB}/transitions`).set(district).send({ toStatus: 'REJECTED', reason: '越权', version: 1 }).expect(404);
      expect(move.body.code).toBe('DESIGNATION_NOT_FOUND');
      // A stale version must not reveal the record either.
      await t.http.post(`/api/v1/designations/${designationB}/transitions`).set(district).send({ toStatus: 'REJECTED', reason: '越权', version: 99 }).expect(404);
      await designate(t, liaisonA, { enterpriseId: b, type: 'INNOVATIVE_SME', level: 'PROVINCIAL' }, 403);
      await t.http.post(`/api/v1/designations/${designationB}/transitions`).set(liaisonA).send({ toStatus: 'REJECTED', reason: '越权', version: 1 }).expect(403);
      expect(await snapshotB()).toEqual(before);
    });

    it('lets the district officer tag and move designations of their own district', async () => {
      const created = await designate(t, district, { enterpriseId: a2, type: 'INNOVATIVE_SME', level: 'PROVINCIAL' });
      const moved = await t.http.post(`/api/v1/designations/${created.body.id}/transitions`).set(district).send({ toStatus: 'RECOGNISED', reason: '省级认定', version: 1 }).expect(201);
      expect(moved.body.status).toBe('RECOGNISED');
      const [audit] = await t.sql<{ enterprise_id: string }>(`SELECT enterprise_id FROM audit_log WHERE action = 'designation.transition' AND entity_id = $1`, [created.body.id]);
      expect(audit.enterprise_id).toBe(a2);
    });
  });

  describe('scale tiers', () => {
    it("answers 404 for B's tiers and lists only in-scope enterprises at a tier", async () => {
      for (const who of [district, liaisonA]) {
        const res = await t.http.get(`/api/v1/enterprises/${b}/scale-tiers?year=2022`).set(who).expect(404);
        expect(res.body.code).toBe('ENTERPRISE_NOT_FOUND');
        await t.http.get(`/api/v1/enterprises/${a}/scale-tiers?year=2022`).set(who).expect(200);
      }
      const city = await t.http.get('/api/v1/scale-tiers?year=2022&tier=SCALE_10B').set(staff).expect(200);
      expect(ids(city.body.items)).toEqual([a, b].sort());
      const mine = await t.http.get('/api/v1/scale-tiers?year=2022&tier=SCALE_10B').set(district).expect(200);
      expect(mine.body).toMatchObject({ total: 1, items: [{ enterpriseId: a, newAtTier: true }] });
      const liaison = await t.http.get('/api/v1/scale-tiers?year=2022&tier=SCALE_10B&newOnly=true').set(liaisonA).expect(200);
      expect(ids(liaison.body.items)).toEqual([a]);
      const other = await t.http.get('/api/v1/scale-tiers?year=2022&tier=SCALE_10B&districtCode=330206').set(district).expect(200);
      expect(other.body).toMatchObject({ total: 0, items: [] });
    });
  });

  describe('chains', () => {
    it('lists only in-scope members, and the enterprise filters by chain and designation stay scoped', async () => {
      const members = await t.http.get(`/api/v1/chains/${chainId}/members`).set(district).expect(200);
      expect(ids(members.body.items)).toEqual([a, a2].sort());
      expect(members.body.meta.total).toBe(2);
      const liaison = await t.http.get(`/api/v1/chains/${chainId}/members`).set(liaisonA).expect(200);
      expect(ids(liaison.body.items)).toEqual([a]);
      expect(liaison.body.meta.total).toBe(1);

      const byChain = await t.http.get(`/api/v1/enterprises?chainId=${chainId}&pageSize=100`).set(district).expect(200);
      expect(byChain.body.items.map((e: { id: string }) => e.id).sort()).toEqual([a, a2].sort());
      const leaders = await t.http.get('/api/v1/enterprises?designationType=CHAIN_LEADER&designationStatus=RECOGNISED&pageSize=100').set(district).expect(200);
      expect(leaders.body.items.map((e: { id: string }) => e.id)).toEqual([a]);
      const giants = await t.http.get('/api/v1/enterprises?designationType=LITTLE_GIANT').set(district).expect(200);
      expect(giants.body.meta.total).toBe(0);
      const liaisonChain = await t.http.get(`/api/v1/enterprises?chainId=${chainId}`).set(liaisonA).expect(200);
      expect(liaisonChain.body.items.map((e: { id: string }) => e.id)).toEqual([a]);
    });

    it("summarises only the district's share, with totals equal to its own members' figures, and says so", async () => {
      const inDistrict = [a, a2];
      const res = await t.http.get(`/api/v1/chains/${chainId}/summary?year=2022`).set(district).expect(200);
      expect(res.body.scope).toEqual({ cityWide: false, districtCodes: ['330211'], enterpriseIds: null });
      expect(res.body.totals).toEqual({
        memberCount: inDistrict.length,
        membersWithFigures: inDistrict.length,
        operatingRevenueYuan: inDistrict.reduce((sum, id) => sum + figures2022[id].revenue, 0),
        industrialOutputYuan: inDistrict.reduce((sum, id) => sum + figures2022[id].output, 0),
      });
      expect(res.body.byStage.find((s: { stage: string }) => s.stage === 'UNASSIGNED').count).toBe(inDistrict.length);
      expect(ids(res.body.leaders)).toEqual([a]);
      expect(ids(res.body.cores)).toEqual([a2]);

      const liaison = await t.http.get(`/api/v1/chains/${chainId}/summary?year=2022`).set(liaisonA).expect(200);
      expect(liaison.body.scope).toEqual({ cityWide: false, districtCodes: null, enterpriseIds: [a] });
      expect(liaison.body.totals).toMatchObject({ memberCount: 1, operatingRevenueYuan: figures2022[a].revenue });
      expect(liaison.body.cores).toEqual([]);

      const city = await t.http.get(`/api/v1/chains/${chainId}/summary?year=2022`).set(staff).expect(200);
      expect(city.body.scope.cityWide).toBe(true);
      expect(city.body.totals.memberCount).toBe(3);
      expect(ids(city.body.leaders)).toEqual([a, b].sort());
    });

    it('refuses chain membership changes to both (no CHAIN_WRITE) and nothing changes', async () => {
      const before = await snapshotB();
      const [membershipB] = await t.sql<{ id: string }>('SELECT id FROM chain_membership WHERE enterprise_id = $1', [b]);
      for (const who of [district, liaisonA]) {
        await t.http.post(`/api/v1/chains/${chainId}/members`).set(who).send({ enterpriseId: c }).expect(403);
        await t.http.delete(`/api/v1/chains/${chainId}/members/${membershipB.id}`).set(who).expect(403);
      }
      expect(await snapshotB()).toEqual(before);
    });
  });

  describe('communities', () => {
    it('shows communities led by or including an in-scope enterprise, with only in-scope members', async () => {
      const list = await t.http.get('/api/v1/communities?pageSize=100').set(district).expect(200);
      expect(list.body.items.map((k: { id: string }) => k.id).sort()).toEqual([communityA.id, communityBA2.id].sort());
      expect(list.body.meta.total).toBe(2);
      const liaisonList = await t.http.get('/api/v1/communities').set(liaisonA).expect(200);
      expect(liaisonList.body.items.map((k: { id: string }) => k.id)).toEqual([communityA.id]);

      for (const who of [district, liaisonA]) {
        const hidden = await t.http.get(`/api/v1/communities/${communityB.id}`).set(who).expect(404);
        expect(hidden.body.code).toBe('COMMUNITY_NOT_FOUND');
        await t.http.get(`/api/v1/communities/${communityB.id}/members`).set(who).expect(404);
      }
      const detail = await t.http.get(`/api/v1/communities/${communityA.id}`).set(district).expect(200);
      expect(ids(detail.body.members)).toEqual([a2]);
      const members = await t.http.get(`/api/v1/communities/${communityA.id}/members`).set(district).expect(200);
      expect(ids(members.body)).toEqual([a2]);
      const liaisonMembers = await t.http.get(`/api/v1/communities/${communityA.id}/members`).set(liaisonA).expect(200);
      expect(liaisonMembers.body).toEqual([]);
      const city = await t.http.get(`/api/v1/communities/${communityA.id}/members`).set(staff).expect(200);
      expect(ids(city.body)).toEqual([a2, b].sort());
    });

    it('refuses out-of-scope leads, members and communities to the district officer, and nothing changes', async () => {
      const before = await snapshotB();
      const lead = await t.http.post('/api/v1/communities').set(district).send({ name: '越权共同体', chainId, leadEnterpriseId: b }).expect(404);
      expect(lead.body.code).toBe('ENTERPRISE_NOT_FOUND');
      const member = await t.http.post(`/api/v1/communities/${communityA.id}/members`).set(district).send({ enterpriseId: c, role: 'PEER' }).expect(404);
      expect(member.body.code).toBe('ENTERPRISE_NOT_FOUND');
      const hidden = await t.http.post(`/api/v1/communities/${communityB.id}/members`).set(district).send({ enterpriseId: a, role: 'PEER' }).expect(404);
      expect(hidden.body.code).toBe('COMMUNITY_NOT_FOUND');
      const patchHidden = await t.http.patch(`/api/v1/communities/${communityB.id}`).set(district).send({ name: '改名', version: 1 }).expect(404);
      expect(patchHidden.body.code).toBe('COMMUNITY_NOT_FOUND');
      // Visible through A2 only: the lead's side edits it.
      const patchForeignLead = await t.http.patch(`/api/v1/communities/${communityBA2.id}`).set(district).send({ name: '改名', version: 1 }).expect(403);
      expect(patchForeignLead.body.code).toBe('OUT_OF_SCOPE');
      const [spellB] = await t.sql<{ id: string }>('SELECT id FROM community_member WHERE community_id = $1 AND enterprise_id = $2', [communityA.id, b]);
      const leave = await t.http.post(`/api/v1/communities/${communityA.id}/members/${spellB.id}/leave`).set(district).send({}).expect(404);
      expect(leave.body.code).toBe('COMMUNITY_MEMBER_NOT_FOUND');
      const newLead = await t.http.patch(`/api/v1/communities/${communityA.id}`).set(district).send({ leadEnterpriseId: b, version: 1 }).expect(404);
      expect(newLead.body.code).toBe('ENTERPRISE_NOT_FOUND');
      for (const path of ['/api/v1/communities', `/api/v1/communities/${communityA.id}/members`]) {
        await t.http.post(path).set(liaisonA).send({ name: '越权', chainId, leadEnterpriseId: a, enterpriseId: a, role: 'PEER' }).expect(403);
      }
      expect(await snapshotB()).toEqual(before);
    });

    it('lets the district officer manage in-scope members of a visible community', async () => {
      const joined = await t.http.post(`/api/v1/communities/${communityA.id}/members`).set(district).send({ enterpriseId: a, role: 'PEER' }).expect(201);
      expect(joined.body.enterpriseId).toBe(a);
      const left = await t.http.post(`/api/v1/communities/${communityA.id}/members/${joined.body.id}/leave`).set(district).send({}).expect(200);
      expect(left.body.active).toBe(false);
      const renamed = await t.http.patch(`/api/v1/communities/${communityA.id}`).set(district).send({ description: '镇海区牵头', version: 1 }).expect(200);
      expect(renamed.body.description).toBe('镇海区牵头');
    });
  });
});
