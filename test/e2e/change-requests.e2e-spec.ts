import { createTestApp, TestApp } from '../setup/test-app';
import { enterprisePayload } from '../setup/fixtures';

type Headers = Record<string, string>;

describe('liaison change requests and their review over HTTP', () => {
  let t: TestApp;
  let staff: Headers;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.as('BUREAU_STAFF');
  });
  afterAll(() => t.close());

  /** A fresh enterprise with its own liaison, so tests do not share versions. */
  async function enterpriseWithLiaison(name: string) {
    const e = (await t.http.post('/api/v1/enterprises').set(staff).send(enterprisePayload()).expect(201)).body;
    const liaison = await t.as('LIAISON', { enterpriseIds: [e.id], username: `liaison_${name}` });
    return { e, liaison };
  }
  const read = async (id: string) => (await t.http.get(`/api/v1/enterprises/${id}`).set(staff).expect(200)).body;

  it('applies contact fields at once and queues the rest for review against the new version', async () => {
    const { e, liaison } = await enterpriseWithLiaison('mixed');
    const res = await t.http
      .post(`/api/v1/enterprises/${e.id}/change-requests`)
      .set(liaison)
      .send({ version: 1, profile: { contactPhone: '0574-87654321', name: '宁波新名称精工有限公司' }, note: '工商已变更' })
      .expect(201);
    expect(res.body).toMatchObject({
      kind: 'PROFILE',
      status: 'PENDING',
      statusLabel: '待审核',
      appliedAtOnce: { contactPhone: '0574-87654321' },
      changes: { name: '宁波新名称精工有限公司' },
      previous: { name: e.name, contactPhone: null },
      baseVersion: 2,
    });
    const now = await read(e.id);
    expect(now).toMatchObject({ contactPhone: '0574-87654321', name: e.name, version: 2 });

    expect(res.body.reviewedByName).toBeNull();
    await t.sql(`UPDATE app_user SET display_name = '王审核' WHERE username = 'bureau_staff_0'`);
    const approved = await t.http.post(`/api/v1/change-requests/${res.body.id}/approve`).set(staff).expect(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', statusLabel: '已通过', reviewedByUsername: 'bureau_staff_0', reviewedByName: '王审核' });
    expect(await read(e.id)).toMatchObject({ name: '宁波新名称精工有限公司', contactPhone: '0574-87654321', version: 3 });

    const mine = await t.http.get(`/api/v1/change-requests/${res.body.id}`).set(liaison).expect(200);
    expect(mine.body).toMatchObject({ status: 'APPROVED', reviewedByName: '王审核' });
    const listed = await t.http.get('/api/v1/change-requests').set(liaison).expect(200);
    expect(listed.body.items.find((r: { id: string }) => r.id === res.body.id).reviewedByName).toBe('王审核');
    const again = await t.http.post(`/api/v1/change-requests/${res.body.id}/approve`).set(staff).expect(409);
    expect(again.body.code).toBe('CHANGE_REQUEST_NOT_PENDING');
  });

  it('records a contact-only change as APPLIED with no review', async () => {
    const { e, liaison } = await enterpriseWithLiaison('contact');
    const res = await t.http
      .post(`/api/v1/enterprises/${e.id}/change-requests`)
      .set(liaison)
      .send({ version: 1, profile: { contactPerson: '王芳', contactEmail: 'wang@example.cn', address: '宁波市镇海区骆驼街道1号' } })
      .expect(201);
    expect(res.body).toMatchObject({ status: 'APPLIED', statusLabel: '已直接生效', changes: {} });
    expect(await read(e.id)).toMatchObject({ contactPerson: '王芳', contactEmail: 'wang@example.cn', address: '宁波市镇海区骆驼街道1号' });
    const queue = await t.http.get(`/api/v1/change-requests?status=PENDING&enterpriseId=${e.id}`).set(staff).expect(200);
    expect(queue.body.meta.total).toBe(0);
  });

  it('refuses a submission based on a stale version with 409', async () => {
    const { e, liaison } = await enterpriseWithLiaison('stale_submit');
    await t.http.patch(`/api/v1/enterprises/${e.id}`).set(staff).send({ version: 1, shortName: '新简称' }).expect(200);
    const res = await t.http.post(`/api/v1/enterprises/${e.id}/change-requests`).set(liaison).send({ version: 1, profile: { legalRepresentative: '赵六' } }).expect(409);
    expect(res.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
  });

  it('keeps a request open with 409 when the enterprise changed since its base, then lets staff reject it with a reason', async () => {
    const { e, liaison } = await enterpriseWithLiaison('conflict');
    const cr = (await t.http.post(`/api/v1/enterprises/${e.id}/change-requests`).set(liaison).send({ version: 1, profile: { stockCode: '601018.SH' } }).expect(201)).body;
    await t.http.patch(`/api/v1/enterprises/${e.id}`).set(staff).send({ version: 1, legalRepresentative: '钱七' }).expect(200);

    const conflict = await t.http.post(`/api/v1/change-requests/${cr.id}/approve`).set(staff).expect(409);
    expect(conflict.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { baseVersion: 1, currentVersion: 2 } });
    expect((await t.http.get(`/api/v1/change-requests/${cr.id}`).set(staff).expect(200)).body.status).toBe('PENDING');
    expect(await read(e.id)).toMatchObject({ stockCode: null, legalRepresentative: '钱七' });

    const noReason = await t.http.post(`/api/v1/change-requests/${cr.id}/reject`).set(staff).send({}).expect(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    await t.http.post(`/api/v1/change-requests/${cr.id}/reject`).set(staff).send({ reason: '股票代码与交易所公告不符' }).expect(200);
    const seen = await t.http.get(`/api/v1/change-requests/${cr.id}`).set(liaison).expect(200);
    expect(seen.body).toMatchObject({ status: 'REJECTED', statusLabel: '已驳回', decisionReason: '股票代码与交易所公告不符' });
    const own = await t.http.get('/api/v1/change-requests').set(liaison).expect(200);
    expect(own.body.items.map((r: { id: string }) => r.id)).toEqual([cr.id]);
  });

  it('reviews figures: a new period applies on approval, a period changed since its base gets 409', async () => {
    const { e, liaison } = await enterpriseWithLiaison('figures');
    const first = (
      await t.http
        .post(`/api/v1/enterprises/${e.id}/change-requests`)
        .set(liaison)
        .send({ figures: { year: 2023, operatingRevenueYuan: 12_000_000_000, taxPaidYuan: 300_000_000, employees: 1800 } })
        .expect(201)
    ).body;
    expect(first).toMatchObject({ kind: 'FIGURES', year: 2023, baseVersion: null, status: 'PENDING' });
    await t.http.get(`/api/v1/enterprises/${e.id}/figures/2023`).set(staff).expect(404);
    await t.http.post(`/api/v1/change-requests/${first.id}/approve`).set(staff).expect(200);
    const figures = (await t.http.get(`/api/v1/enterprises/${e.id}/figures/2023`).set(liaison).expect(200)).body;
    expect(figures).toMatchObject({ operatingRevenueYuan: 12_000_000_000, employees: 1800, version: 1 });

    const second = (
      await t.http.post(`/api/v1/enterprises/${e.id}/change-requests`).set(liaison).send({ version: 1, figures: { year: 2023, operatingRevenueYuan: 13_000_000_000 } }).expect(201)
    ).body;
    await t.http.put(`/api/v1/enterprises/${e.id}/figures/2023`).set(staff).send({ version: 1, operatingRevenueYuan: 12_500_000_000 }).expect(200);
    const conflict = await t.http.post(`/api/v1/change-requests/${second.id}/approve`).set(staff).expect(409);
    expect(conflict.body.code).toBe('VERSION_CONFLICT');
    const after = (await t.http.get(`/api/v1/enterprises/${e.id}/figures/2023`).set(staff).expect(200)).body;
    expect(after).toMatchObject({ operatingRevenueYuan: 12_500_000_000, version: 2 });
  });

  it('lets one of two concurrent approvals on the same enterprise win; the other gets 409 and stays open, no field lost', async () => {
    const { e, liaison } = await enterpriseWithLiaison('race');
    const submit = (profile: Record<string, unknown>) =>
      t.http.post(`/api/v1/enterprises/${e.id}/change-requests`).set(liaison).send({ version: 1, profile }).expect(201);
    const one = (await submit({ shortName: '竞速甲' })).body;
    const two = (await submit({ legalRepresentative: '孙八' })).body;

    const results = await Promise.all([one, two].map((cr) => t.http.post(`/api/v1/change-requests/${cr.id}/approve`).set(staff)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results[0].status === 200 ? one : two;
    const loser = winner === one ? two : one;
    expect(results.find((r) => r.status === 409)!.body.code).toBe('VERSION_CONFLICT');

    const now = await read(e.id);
    expect(now.version).toBe(2);
    // The winner's field is there, the loser's field was not half-applied over it.
    expect(now).toMatchObject(winner === one ? { shortName: '竞速甲', legalRepresentative: null } : { shortName: null, legalRepresentative: '孙八' });
    const statuses = await t.sql<{ id: string; status: string }>('SELECT id, status FROM change_request WHERE id = ANY($1)', [[one.id, two.id]]);
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({ [winner.id]: 'APPROVED', [loser.id]: 'PENDING' });
    const approvals = await t.sql("SELECT 1 FROM audit_log WHERE action = 'change_request.approve' AND enterprise_id = $1", [e.id]);
    expect(approvals).toHaveLength(1);
  });

  it('requires exactly one of profile and figures, and refuses an empty change', async () => {
    const { e, liaison } = await enterpriseWithLiaison('empty');
    const none = await t.http.post(`/api/v1/enterprises/${e.id}/change-requests`).set(liaison).send({ version: 1 }).expect(400);
    expect(none.body.code).toBe('CHANGE_REQUEST_EMPTY');
    const same = await t.http.post(`/api/v1/enterprises/${e.id}/change-requests`).set(liaison).send({ version: 1, profile: { name: e.name } }).expect(400);
    expect(same.body.code).toBe('CHANGE_REQUEST_EMPTY');
    const unknown = await t.http.post(`/api/v1/enterprises/${e.id}/change-requests`).set(liaison).send({ version: 1, profile: { nonsense: 1 } }).expect(400);
    expect(unknown.body.errors[0].field).toBe('profile.nonsense');
  });
});
