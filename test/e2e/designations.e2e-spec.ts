import { addDays, addYears, todayInChina } from '@app/core';

import { createEnterprise, designate, firstChain } from '../setup/cultivation-fixtures';
import { createTestApp, TestApp } from '../setup/test-app';

describe('designations over HTTP', () => {
  let t: TestApp;
  let staff: Record<string, string>;
  const today = todayInChina();

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.as('BUREAU_STAFF');
  });
  afterAll(() => t.close());

  const transition = (id: string, body: Record<string, unknown>) => t.http.post(`/api/v1/designations/${id}/transitions`).set(staff).send(body);

  it('follows the lifecycle and refuses an illegal step with 409 and the allowed next states', async () => {
    const enterpriseId = await createEnterprise(t, staff);
    const created = await designate(t, staff, { enterpriseId, type: 'LITTLE_GIANT', level: 'NATIONAL', batch: '第五批', candidateSince: addDays(today, -500) });
    expect(created.body).toMatchObject({ status: 'CANDIDATE', statusLabel: '培育对象', typeLabel: '专精特新“小巨人”', allowedTransitions: ['RECOGNISED', 'REJECTED'] });
    const id = created.body.id;

    const illegal = await transition(id, { toStatus: 'UNDER_REVIEW', reason: '提前复核', version: 1 }).expect(409);
    expect(illegal.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { from: 'CANDIDATE', to: 'UNDER_REVIEW', allowed: ['RECOGNISED', 'REJECTED'] } });

    const recognisedOn = addDays(today, -400);
    const recognised = await transition(id, { toStatus: 'RECOGNISED', effectiveOn: recognisedOn, reason: '工信部公示通过', version: 1 }).expect(201);
    expect(recognised.body).toMatchObject({ status: 'RECOGNISED', recognisedOn, expiresOn: addYears(recognisedOn, 3), version: 2 });

    await transition(id, { toStatus: 'UNDER_REVIEW', effectiveOn: addDays(today, -30), reason: '三年期满复核', version: 2 }).expect(201);
    const again = await transition(id, { toStatus: 'RECOGNISED', reason: '复核通过', version: 3 }).expect(201);
    // Re-recognition restarts the three years from the new recognition date.
    expect(again.body).toMatchObject({ status: 'RECOGNISED', recognisedOn: today, expiresOn: addYears(today, 3) });

    await transition(id, { toStatus: 'REVOKED', reason: '发现申报材料造假', version: 4 }).expect(201);
    const terminal = await transition(id, { toStatus: 'RECOGNISED', reason: '申诉', version: 5 }).expect(409);
    expect(terminal.body.details.allowed).toEqual([]);
  });

  it('judges a late-recorded change by the status on its effective date', async () => {
    const enterpriseId = await createEnterprise(t, staff);
    // Recognised 2019-01-10, so it lapsed 2022-01-10; the review began before that and is recorded only now.
    const created = await designate(t, staff, { enterpriseId, type: 'LITTLE_GIANT', level: 'NATIONAL', status: 'RECOGNISED', recognisedOn: '2019-01-10' });
    expect(created.body).toMatchObject({ status: 'EXPIRED', expiresOn: '2022-01-10' });
    const review = await transition(created.body.id, { toStatus: 'UNDER_REVIEW', effectiveOn: '2021-12-01', reason: '复核(补录)', version: 1 }).expect(201);
    expect(review.body.status).toBe('UNDER_REVIEW');
    await transition(created.body.id, { toStatus: 'RECOGNISED', effectiveOn: '2022-03-01', reason: '复核通过', version: 2 }).expect(201);

    const other = await designate(t, staff, { enterpriseId, type: 'SINGLE_CHAMPION', level: 'NATIONAL', status: 'RECOGNISED', recognisedOn: '2019-01-10' });
    const late = await transition(other.body.id, { toStatus: 'UNDER_REVIEW', effectiveOn: '2022-02-01', reason: '过期后才复核', version: 1 }).expect(409);
    expect(late.body.details).toMatchObject({ from: 'EXPIRED', allowed: [] });
  });

  it('keeps every transition in the history with who, when and why', async () => {
    const enterpriseId = await createEnterprise(t, staff);
    const { body } = await designate(t, staff, { enterpriseId, type: 'SPECIALIZED_SME', level: 'PROVINCIAL', candidateSince: addDays(today, -60) });
    await transition(body.id, { toStatus: 'RECOGNISED', effectiveOn: addDays(today, -20), reason: '省经信厅认定', version: 1 }).expect(201);
    await transition(body.id, { toStatus: 'UNDER_REVIEW', effectiveOn: addDays(today, -5), reason: '抽查复核', version: 2 }).expect(201);

    const detail = await t.http.get(`/api/v1/designations/${body.id}`).set(staff).expect(200);
    expect(detail.body.events.map((e: { fromStatus: string; toStatus: string }) => [e.fromStatus, e.toStatus])).toEqual([
      [null, 'CANDIDATE'],
      ['CANDIDATE', 'RECOGNISED'],
      ['RECOGNISED', 'UNDER_REVIEW'],
    ]);
    expect(detail.body.events.map((e: { effectiveOn: string }) => e.effectiveOn)).toEqual([addDays(today, -60), addDays(today, -20), addDays(today, -5)]);
    expect(detail.body.events[1]).toMatchObject({ reason: '省经信厅认定', actorUsername: 'bureau_staff_0', toStatusLabel: '已认定' });

    const backdated = await transition(body.id, { toStatus: 'RECOGNISED', effectiveOn: addDays(today, -30), reason: '倒签', version: 3 }).expect(400);
    expect(backdated.body.code).toBe('DATE_OUT_OF_ORDER');
    const stale = await transition(body.id, { toStatus: 'RECOGNISED', reason: '复核通过', version: 2 }).expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
  });

  it('rejects a recognition dated after today and checks the chain rule', async () => {
    const enterpriseId = await createEnterprise(t, staff);
    const future = await designate(t, staff, { enterpriseId, type: 'INNOVATIVE_SME', level: 'PROVINCIAL', status: 'RECOGNISED', recognisedOn: addDays(today, 1) }, 400);
    expect(future.body).toMatchObject({ code: 'DATE_IN_FUTURE', errors: [{ field: 'recognisedOn' }] });
    const noChain = await designate(t, staff, { enterpriseId, type: 'CHAIN_CORE', level: 'MUNICIPAL' }, 400);
    expect(noChain.body.errors[0].field).toBe('chainId');
  });

  it('reads a lapsed recognition as EXPIRED and lists what expires within N days', async () => {
    const soonId = await createEnterprise(t, staff);
    const lapsedId = await createEnterprise(t, staff);
    const soon = await designate(t, staff, {
      enterpriseId: soonId, type: 'SINGLE_CHAMPION', level: 'NATIONAL', status: 'RECOGNISED', recognisedOn: addDays(addYears(today, -3), 20),
      productName: '高性能烧结钕铁硼磁体', productCode: '3985',
    });
    expect(soon.body).toMatchObject({ status: 'RECOGNISED', expiresOn: addDays(today, 20), productName: '高性能烧结钕铁硼磁体' });
    const lapsed = await designate(t, staff, { enterpriseId: lapsedId, type: 'LITTLE_GIANT', level: 'NATIONAL', status: 'RECOGNISED', recognisedOn: addDays(addYears(today, -3), -5) });
    expect(lapsed.body).toMatchObject({ status: 'EXPIRED', recordedStatus: 'RECOGNISED', expiresOn: addDays(today, -5), allowedTransitions: [] });

    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((d) => d.id);
    const within30 = await t.http.get('/api/v1/designations?expiringWithinDays=30&pageSize=100').set(staff).expect(200);
    expect(ids(within30)).toContain(soon.body.id);
    expect(ids(within30)).not.toContain(lapsed.body.id);
    const within10 = await t.http.get('/api/v1/designations?expiringWithinDays=10&pageSize=100').set(staff).expect(200);
    expect(ids(within10)).not.toContain(soon.body.id);
    const expired = await t.http.get('/api/v1/designations?status=EXPIRED&pageSize=100').set(staff).expect(200);
    expect(ids(expired)).toContain(lapsed.body.id);

    const review = await transition(lapsed.body.id, { toStatus: 'UNDER_REVIEW', reason: '补复核', version: 1 }).expect(409);
    expect(review.body.details).toMatchObject({ from: 'EXPIRED', allowed: [] });

    // A new recognition is allowed once the old one has lapsed; the lapse is written down as history.
    await designate(t, staff, { enterpriseId: lapsedId, type: 'LITTLE_GIANT', level: 'NATIONAL', status: 'RECOGNISED', recognisedOn: today });
    const old = await t.http.get(`/api/v1/designations/${lapsed.body.id}`).set(staff).expect(200);
    expect(old.body.recordedStatus).toBe('EXPIRED');
    expect(old.body.events.at(-1)).toMatchObject({ fromStatus: 'RECOGNISED', toStatus: 'EXPIRED', effectiveOn: addDays(today, -4), actorUsername: 'system' });
  });

  it('refuses a second live designation of the same type, level and chain, even when sent at once', async () => {
    const enterpriseId = await createEnterprise(t, staff);
    const chain = await firstChain(t, staff);
    const body = { enterpriseId, type: 'CHAIN_CORE', level: 'MUNICIPAL', chainId: chain.id };
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => t.http.post('/api/v1/designations').set(staff).send(body)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'DUPLICATE_DESIGNATION')).toBe(true);

    // Another level, or another chain, is a different designation.
    await designate(t, staff, { ...body, level: 'PROVINCIAL' });
    const other = await firstChain(t, staff, 1);
    await designate(t, staff, { ...body, chainId: other.id });
    // A rejected one no longer blocks.
    const first = results.find((r) => r.status === 201)!.body;
    await transition(first.id, { toStatus: 'REJECTED', reason: '未入选', version: 1 }).expect(201);
    await designate(t, staff, body);

    // The database itself refuses a second live row, whatever path wrote it (NULL chains included).
    const insert = `INSERT INTO designation (enterprise_id, type, level, chain_id, status, version) VALUES ($1, $2, 'MUNICIPAL', $3, 'CANDIDATE', 1)`;
    await expect(t.sql(insert, [enterpriseId, 'CHAIN_CORE', chain.id])).rejects.toThrow(/uq_designation_live_key/);
    await t.sql(insert, [enterpriseId, 'INNOVATIVE_SME', null]);
    await expect(t.sql(insert, [enterpriseId, 'INNOVATIVE_SME', null])).rejects.toThrow(/uq_designation_live_key/);
  });

  it('allows one live CHAIN_LEADER per enterprise per chain, whatever the level', async () => {
    const enterpriseId = await createEnterprise(t, staff);
    const chain = await firstChain(t, staff, 2);
    const leader = await designate(t, staff, { enterpriseId, type: 'CHAIN_LEADER', level: 'MUNICIPAL', chainId: chain.id, status: 'RECOGNISED', recognisedOn: today });
    const second = await designate(t, staff, { enterpriseId, type: 'CHAIN_LEADER', level: 'PROVINCIAL', chainId: chain.id }, 409);
    expect(second.body).toMatchObject({ code: 'DUPLICATE_DESIGNATION', details: { existingId: leader.body.id } });
  });

  it('lists an enterprise’s designations and filters the enterprise list by them', async () => {
    const holder = await createEnterprise(t, staff);
    const candidate = await createEnterprise(t, staff);
    await designate(t, staff, { enterpriseId: holder, type: 'BIG_EXCELLENT_STRONG', level: 'MUNICIPAL', status: 'RECOGNISED', recognisedOn: today });
    await designate(t, staff, { enterpriseId: candidate, type: 'BIG_EXCELLENT_STRONG', level: 'MUNICIPAL' });

    const own = await t.http.get(`/api/v1/enterprises/${holder}/designations`).set(staff).expect(200);
    expect(own.body).toHaveLength(1);
    expect(own.body[0]).toMatchObject({ type: 'BIG_EXCELLENT_STRONG', typeLabel: '大优强', levelLabel: '市级' });

    const list = await t.http.get('/api/v1/enterprises?designationType=BIG_EXCELLENT_STRONG&designationStatus=RECOGNISED&pageSize=100').set(staff).expect(200);
    const ids = list.body.items.map((e: { id: string }) => e.id);
    expect(ids).toContain(holder);
    expect(ids).not.toContain(candidate);
    const viewer = await t.as('VIEWER');
    await t.http.post('/api/v1/designations').set(viewer).send({ enterpriseId: holder, type: 'SCALE_10B', level: 'MUNICIPAL' }).expect(403);
  });
});
