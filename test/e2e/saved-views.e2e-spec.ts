import { enterprisePayload } from '../setup/fixtures';
import { createTestApp, TestApp } from '../setup/test-app';

type Headers = Record<string, string>;

describe('saved views of the enterprise list, stored by the API', () => {
  let t: TestApp;
  let city: Headers;
  let city2: Headers;
  let zhenhai: Headers;
  let haishu: Headers;
  let viewer: Headers;
  let liaison: Headers;
  const state = { filters: { districtCode: '330211', designationType: 'LITTLE_GIANT' }, columns: ['name', 'districtName'], sort: 'name:asc' };

  beforeAll(async () => {
    t = await createTestApp();
    city = await t.as('BUREAU_STAFF', { username: 'sv_city' });
    city2 = await t.as('BUREAU_STAFF', { username: 'sv_city2' });
    zhenhai = await t.as('DISTRICT_STAFF', { districtCodes: ['330211'], username: 'sv_zhenhai' });
    haishu = await t.as('DISTRICT_STAFF', { districtCodes: ['330203'], username: 'sv_haishu' });
    viewer = await t.as('VIEWER', { username: 'sv_viewer' });
    const firm = (await t.http.post('/api/v1/enterprises').set(city).send(enterprisePayload()).expect(201)).body;
    liaison = await t.as('LIAISON', { enterpriseIds: [firm.id], username: 'sv_liaison' });
  });
  afterAll(() => t.close());

  const names = async (who: Headers) => ((await t.http.get('/api/v1/saved-views?page=enterprises').set(who).expect(200)).body as { name: string }[]).map((v) => v.name);

  it('keeps a personal view for its owner alone, and audits its creation', async () => {
    const res = await t.http.post('/api/v1/saved-views').set(city).send({ page: 'enterprises', name: '我的小巨人', state }).expect(201);
    expect(res.body).toMatchObject({ page: 'enterprises', name: '我的小巨人', shared: false, state, mine: true, version: 1 });
    expect(await names(city)).toContain('我的小巨人');
    for (const other of [city2, zhenhai, viewer, liaison]) expect(await names(other)).not.toContain('我的小巨人');
    const audit = await t.sql("SELECT action, entity_id FROM audit_log WHERE action = 'saved_view.create'");
    expect(audit).toEqual([{ action: 'saved_view.create', entity_id: res.body.id }]);
  });

  it('shows a view shared by city staff to all staff and to viewers, never to a liaison', async () => {
    await t.http.post('/api/v1/saved-views').set(city).send({ page: 'enterprises', name: '全市链主', shared: true, state }).expect(201);
    for (const who of [city, city2, zhenhai, haishu, viewer]) expect(await names(who)).toContain('全市链主');
    expect(await names(liaison)).not.toContain('全市链主');
    const seen = (await t.http.get('/api/v1/saved-views').set(zhenhai).expect(200)).body.find((v: { name: string }) => v.name === '全市链主');
    expect(seen).toMatchObject({ mine: false, shared: true, ownerName: 'sv_city' });
  });

  it('shows a view a 镇海 officer shares to city staff and 镇海 officers, not to 海曙', async () => {
    await t.http.post('/api/v1/saved-views').set(zhenhai).send({ page: 'enterprises', name: '镇海待认定', shared: true, state }).expect(201);
    expect(await names(city)).toContain('镇海待认定');
    expect(await names(zhenhai)).toContain('镇海待认定');
    expect(await names(haishu)).not.toContain('镇海待认定');
  });

  it('lets only staff share, and only the owner edit or delete', async () => {
    const refused = await t.http.post('/api/v1/saved-views').set(viewer).send({ page: 'enterprises', name: '领导看板', shared: true, state }).expect(403);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'shared' })]);
    await t.http.post('/api/v1/saved-views').set(viewer).send({ page: 'enterprises', name: '领导看板', state }).expect(201);

    const shared = (await t.http.get('/api/v1/saved-views').set(city2).expect(200)).body.find((v: { name: string }) => v.name === '全市链主');
    const notOwner = await t.http.patch(`/api/v1/saved-views/${shared.id}`).set(city2).send({ version: shared.version, name: '改名' }).expect(403);
    expect(notOwner.body.code).toBe('NOT_OWNER');
    await t.http.delete(`/api/v1/saved-views/${shared.id}`).set(city2).expect(403);
    // A view one cannot see is not found, whoever owns it.
    const personal = (await t.http.get('/api/v1/saved-views').set(city).expect(200)).body.find((v: { name: string }) => v.name === '我的小巨人');
    const hidden = await t.http.patch(`/api/v1/saved-views/${personal.id}`).set(city2).send({ version: 1, name: 'x' }).expect(404);
    expect(hidden.body.code).toBe('SAVED_VIEW_NOT_FOUND');
  });

  it('edits with the version read: a stale one gets 409 and changes nothing', async () => {
    const created = (await t.http.post('/api/v1/saved-views').set(city).send({ page: 'enterprises', name: '规上企业', state }).expect(201)).body;
    const edited = await t.http.patch(`/api/v1/saved-views/${created.id}`).set(city).send({ version: 1, name: '规上企业(镇海)', state: { filters: { aboveScale: true } } }).expect(200);
    expect(edited.body).toMatchObject({ name: '规上企业(镇海)', state: { filters: { aboveScale: true } }, version: 2 });
    const stale = await t.http.patch(`/api/v1/saved-views/${created.id}`).set(city).send({ version: 1, name: '旧版本' }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    expect(await names(city)).toContain('规上企业(镇海)');
    const audit = await t.sql<{ before: { name: string }; after: { name: string } }>("SELECT before, after FROM audit_log WHERE action = 'saved_view.update' AND entity_id = $1", [created.id]);
    expect(audit).toEqual([expect.objectContaining({ before: expect.objectContaining({ name: '规上企业' }), after: expect.objectContaining({ name: '规上企业(镇海)' }) })]);

    await t.http.delete(`/api/v1/saved-views/${created.id}`).set(city).expect(204);
    expect(await names(city)).not.toContain('规上企业(镇海)');
    expect(await t.sql("SELECT 1 FROM audit_log WHERE action = 'saved_view.delete' AND entity_id = $1", [created.id])).toHaveLength(1);
  });

  it('refuses a state that is not an object or is over 16 KB, an unknown page and a duplicate name', async () => {
    for (const bad of [[1, 2], 'filters', null]) {
      const res = await t.http.post('/api/v1/saved-views').set(city).send({ page: 'enterprises', name: '坏视图', state: bad }).expect(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'state' })]));
    }
    const big = await t.http.post('/api/v1/saved-views').set(city).send({ page: 'enterprises', name: '太大', state: { note: '字'.repeat(6000) } }).expect(400);
    expect(big.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'state' }] });
    expect(big.body.message).toMatch(/过大/);
    await t.http.post('/api/v1/saved-views').set(city).send({ page: 'nowhere', name: 'x', state }).expect(400);
    const dup = await t.http.post('/api/v1/saved-views').set(city).send({ page: 'enterprises', name: '我的小巨人', state }).expect(409);
    expect(dup.body).toMatchObject({ code: 'SAVED_VIEW_NAME_TAKEN', errors: [{ field: 'name' }] });
    expect(await t.sql("SELECT 1 FROM saved_view WHERE name IN ('坏视图', '太大')")).toEqual([]);
  });
});
