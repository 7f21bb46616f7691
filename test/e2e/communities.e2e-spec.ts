import { addDays, todayInChina } from '@app/core';

import { createEnterprise, designate, firstChain } from '../setup/cultivation-fixtures';
import { createTestApp, TestApp } from '../setup/test-app';

describe('communities over HTTP', () => {
  let t: TestApp;
  let staff: Record<string, string>;
  const today = todayInChina();

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.as('BUREAU_STAFF');
  });
  afterAll(() => t.close());

  it('refuses a lead without a live CHAIN_LEADER designation on that chain', async () => {
    const chain = await firstChain(t, staff, 0);
    const other = await firstChain(t, staff, 1);
    const lead = await createEnterprise(t, staff);
    const body = { name: '测试产业链上下游企业共同体', chainId: chain.id, leadEnterpriseId: lead };

    const none = await t.http.post('/api/v1/communities').set(staff).send(body).expect(409);
    expect(none.body.code).toBe('LEAD_NOT_CHAIN_LEADER');

    await designate(t, staff, { enterpriseId: lead, type: 'CHAIN_LEADER', level: 'MUNICIPAL', chainId: other.id, status: 'RECOGNISED', recognisedOn: today });
    const candidate = await designate(t, staff, { enterpriseId: lead, type: 'CHAIN_LEADER', level: 'MUNICIPAL', chainId: chain.id });
    const wrongChainOrCandidate = await t.http.post('/api/v1/communities').set(staff).send(body).expect(409);
    expect(wrongChainOrCandidate.body.code).toBe('LEAD_NOT_CHAIN_LEADER');

    await t.http.post(`/api/v1/designations/${candidate.body.id}/transitions`).set(staff).send({ toStatus: 'RECOGNISED', reason: '认定', version: 1 }).expect(201);
    const created = await t.http.post('/api/v1/communities').set(staff).send(body).expect(201);
    expect(created.body).toMatchObject({ status: 'PLANNED', statusLabel: '筹建中', plannedOn: today, leadEnterpriseId: lead, members: [] });
  });

  it('forms and dissolves only forward, and keeps membership spells across leave and rejoin', async () => {
    const chain = await firstChain(t, staff, 3);
    const lead = await createEnterprise(t, staff);
    await designate(t, staff, { enterpriseId: lead, type: 'CHAIN_LEADER', level: 'PROVINCIAL', chainId: chain.id, status: 'RECOGNISED', recognisedOn: addDays(today, -100) });
    const community = (await t.http.post('/api/v1/communities').set(staff).send({ name: '共同体二', chainId: chain.id, leadEnterpriseId: lead }).expect(201)).body;

    const formed = await t.http.patch(`/api/v1/communities/${community.id}`).set(staff).send({ status: 'FORMED', formedOn: addDays(today, -10), version: 1 }).expect(200);
    expect(formed.body).toMatchObject({ status: 'FORMED', formedOn: addDays(today, -10), version: 2 });
    const back = await t.http.patch(`/api/v1/communities/${community.id}`).set(staff).send({ status: 'PLANNED', version: 2 }).expect(409);
    expect(back.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { allowed: ['DISSOLVED'] } });

    const supplier = await createEnterprise(t, staff);
    const path = `/api/v1/communities/${community.id}/members`;
    const joined = await t.http.post(path).set(staff).send({ enterpriseId: supplier, role: 'UPSTREAM_SUPPLIER', joinedOn: addDays(today, -9) }).expect(201);
    expect(joined.body).toMatchObject({ roleLabel: '上游供应商', active: true, leftOn: null });
    const twice = await t.http.post(path).set(staff).send({ enterpriseId: supplier, role: 'PEER' }).expect(409);
    expect(twice.body.code).toBe('COMMUNITY_MEMBER_DUPLICATE');
    await t.http.post(`${path}/${joined.body.id}/leave`).set(staff).send({ leftOn: addDays(today, -3) }).expect(200);
    await t.http.post(path).set(staff).send({ enterpriseId: supplier, role: 'RESEARCH_PARTNER' }).expect(201);

    const members = await t.http.get(path).set(staff).expect(200);
    expect(members.body.map((m: { role: string; leftOn: string | null }) => [m.role, m.leftOn])).toEqual([
      ['UPSTREAM_SUPPLIER', addDays(today, -3)],
      ['RESEARCH_PARTNER', null],
    ]);
    const detail = await t.http.get(`/api/v1/communities/${community.id}`).set(staff).expect(200);
    expect(detail.body.activeMemberCount).toBe(1);

    const dissolved = await t.http.patch(`/api/v1/communities/${community.id}`).set(staff).send({ status: 'DISSOLVED', version: 2 }).expect(200);
    expect(dissolved.body).toMatchObject({ status: 'DISSOLVED', dissolvedOn: today });
    const late = await t.http.post(path).set(staff).send({ enterpriseId: await createEnterprise(t, staff), role: 'PEER' }).expect(409);
    expect(late.body.code).toBe('COMMUNITY_DISSOLVED');
    const listed = await t.http.get(`/api/v1/communities?chainId=${chain.id}&status=DISSOLVED`).set(staff).expect(200);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([community.id]);
  });
});
