import { createTestApp, TestApp } from '../setup/test-app';
import { creditCode, enterprisePayload } from '../setup/fixtures';

describe('enterprise registry over HTTP', () => {
  let t: TestApp;
  let staff: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.as('BUREAU_STAFF');
  });
  afterAll(() => t.close());

  it('registers an enterprise and reads it back by id and by credit code', async () => {
    const payload = enterprisePayload({ name: '宁波甬江精密模具有限公司', shortName: '甬江模具' });
    const created = await t.http.post('/api/v1/enterprises').set(staff).send(payload).expect(201);
    expect(created.body).toMatchObject({ creditCode: payload.creditCode, name: payload.name, version: 1, statusLabel: '存续', industrySection: 'C' });

    await t.http.get(`/api/v1/enterprises/${created.body.id}`).set(staff).expect(200);
    const lowerFullWidth = payload.creditCode.toLowerCase().replace(/\d/g, (d: string) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const byCode = await t.http.get(`/api/v1/enterprises/by-credit-code/${encodeURIComponent(lowerFullWidth)}`).set(staff).expect(200);
    expect(byCode.body.id).toBe(created.body.id);
  });

  it('rejects a wrong check character with 400 naming the expected one', async () => {
    const valid = creditCode();
    const wrong = valid.slice(0, 17) + (valid[17] === 'A' ? 'B' : 'A');
    const res = await t.http.post('/api/v1/enterprises').set(staff).send(enterprisePayload({ creditCode: wrong })).expect(400);
    expect(res.body.code).toBe('CREDIT_CODE_INVALID');
    expect(res.body.errors[0].field).toBe('creditCode');
    expect(res.body.message).toContain(`应为“${valid[17]}”`);
  });

  it('names the illegal character and its position, and a wrong length', async () => {
    const bad = await t.http.post('/api/v1/enterprises').set(staff).send(enterprisePayload({ creditCode: '91330211MA2I8R7C6D' })).expect(400);
    expect(bad.body.message).toContain('第 12 位字符“I”');
    const short = await t.http.post('/api/v1/enterprises').set(staff).send(enterprisePayload({ creditCode: '9133021' })).expect(400);
    expect(short.body.message).toContain('实际为 7 位');
  });

  it('registers a legacy code failing the check only with an explicit, stored override', async () => {
    const valid = creditCode();
    const legacy = valid.slice(0, 17) + (valid[17] === 'A' ? 'B' : 'A');
    const res = await t.http
      .post('/api/v1/enterprises')
      .set(staff)
      .send(enterprisePayload({ creditCode: legacy, creditCodeOverrideReason: '早期试点代码,经市场监管局核实' }))
      .expect(201);
    expect(res.body).toMatchObject({ creditCode: legacy, creditCodeOverride: true, creditCodeOverrideReason: '早期试点代码,经市场监管局核实' });
  });

  it('refuses a duplicate credit code with 409', async () => {
    const payload = enterprisePayload();
    await t.http.post('/api/v1/enterprises').set(staff).send(payload).expect(201);
    const res = await t.http.post('/api/v1/enterprises').set(staff).send({ ...payload, name: '另一家公司' }).expect(409);
    expect(res.body.code).toBe('CREDIT_CODE_DUPLICATE');
  });

  it('refuses a PATCH with a stale version with 409 and keeps the first update', async () => {
    const created = await t.http.post('/api/v1/enterprises').set(staff).send(enterprisePayload()).expect(201);
    const id = created.body.id;
    const first = await t.http.patch(`/api/v1/enterprises/${id}`).set(staff).send({ version: 1, contactPerson: '王芳' }).expect(200);
    expect(first.body.version).toBe(2);
    const stale = await t.http.patch(`/api/v1/enterprises/${id}`).set(staff).send({ version: 1, contactPerson: '李强' }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    const now = await t.http.get(`/api/v1/enterprises/${id}`).set(staff).expect(200);
    expect(now.body.contactPerson).toBe('王芳');
  });

  it('validates fields with the field name and a stable code, never a 500', async () => {
    const res = await t.http
      .post('/api/v1/enterprises')
      .set(staff)
      .send(enterprisePayload({ districtCode: '999999', contactEmail: 'not-an-email', unknownField: 1 }))
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['contactEmail', 'unknownField']));
    const district = await t.http.post('/api/v1/enterprises').set(staff).send(enterprisePayload({ districtCode: '999999' })).expect(400);
    expect(district.body).toMatchObject({ code: 'DISTRICT_UNKNOWN', errors: [{ field: 'districtCode' }] });
    const retired = await t.http.post('/api/v1/enterprises').set(staff).send(enterprisePayload({ districtCode: '330204' })).expect(400);
    expect(retired.body.message).toContain('已撤销');
    await t.http.post('/api/v1/enterprises').set(staff).set('content-type', 'application/json').send('{"name":').expect(400);
    await t.http.get('/api/v1/enterprises/not-a-uuid').set(staff).expect(400);
    const missing = await t.http.post('/api/v1/enterprises').set(staff).send({ creditCode: creditCode(), name: '宁波缺字段有限公司' }).expect(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['districtCode', 'industryCode']);
  });

  it('finds enterprises by two-character Chinese words in names and former names, and by partial credit code', async () => {
    const zhenhai = await t.http
      .post('/api/v1/enterprises')
      .set(staff)
      .send(enterprisePayload({ name: '宁波镇海港联新材料有限公司' }))
      .expect(201);
    const geely = await t.http
      .post('/api/v1/enterprises')
      .set(staff)
      .send(enterprisePayload({ name: '宁波远景汽车部件有限公司', formerNames: ['宁波吉利达汽配厂'] }))
      .expect(201);

    const byName = await t.http.get('/api/v1/enterprises').query({ q: '镇海' }).set(staff).expect(200);
    expect(byName.body.items.map((e: { id: string }) => e.id)).toContain(zhenhai.body.id);
    expect(byName.body.items.map((e: { id: string }) => e.id)).not.toContain(geely.body.id);

    const byFormer = await t.http.get('/api/v1/enterprises').query({ q: '吉利' }).set(staff).expect(200);
    expect(byFormer.body.items.map((e: { id: string }) => e.id)).toEqual([geely.body.id]);

    // Bigrams present in different places must not match: 镇海 and 新材 are both in the name, 海新 is not.
    const scattered = await t.http.get('/api/v1/enterprises').query({ q: '镇海新材' }).set(staff).expect(200);
    expect(scattered.body.meta.total).toBe(0);

    const code = zhenhai.body.creditCode as string;
    const byCode = await t.http.get('/api/v1/enterprises').query({ q: code.slice(4, 12) }).set(staff).expect(200);
    expect(byCode.body.items.map((e: { id: string }) => e.id)).toContain(zhenhai.body.id);
  });

  it('matches Latin letters in any case and Han text as typed, in names, short names and former names', async () => {
    const abb = await t.http.post('/api/v1/enterprises').set(staff).send(enterprisePayload({ name: '宁波ABB电气大小写有限公司' })).expect(201);
    const joyson = await t.http
      .post('/api/v1/enterprises')
      .set(staff)
      .send(enterprisePayload({ name: '宁波甬新大小写电子有限公司', shortName: 'Hx甬新', formerNames: ['宁波Joyson大小写电子厂'] }))
      .expect(201);
    const search = async (q: string, extra: Record<string, unknown>) => {
      const res = await t.http.get('/api/v1/enterprises').query({ q, ...extra }).set(staff).expect(200);
      return (res.body.items as { id: string; matchedFormerName: string | null }[]).map((e) => [e.id, e.matchedFormerName]);
    };
    // Without filters a name search walks the name index; with an industry filter it goes through the bigram index.
    for (const extra of [{}, { industryCode: '3411' }]) {
      for (const q of ['abb电气', 'ABB电气', 'aBb电气大小写']) expect(await search(q, extra)).toEqual([[abb.body.id, null]]);
      for (const q of ['joyson大小写', 'JOYSON大小写电子']) expect(await search(q, extra)).toEqual([[joyson.body.id, '宁波Joyson大小写电子厂']]);
      expect(await search('hx甬新', extra)).toEqual([[joyson.body.id, null]]);
      expect(await search('甬新大小写', extra)).toEqual([[joyson.body.id, null]]);
      expect(await search('大小写电子厂', extra)).toEqual([[joyson.body.id, '宁波Joyson大小写电子厂']]);
      expect(await search('大小写', extra)).toHaveLength(2);
    }
  });

  it('counts a search exactly up to 1,000 matches and says when the total is a lower bound', async () => {
    // 1,005 rows straight into the table: the setup, not the behaviour under test.
    await t.sql(
      `INSERT INTO enterprise (credit_code, name, district_code, industry_code, industry_section, version)
       SELECT 'CAP' || lpad(i::text, 15, '0'), '宁波封顶测试' || i || '号有限公司', '330225', '3411', 'C', 1 FROM generate_series(1, 1005) i`,
    );
    const search = await t.http.get('/api/v1/enterprises').query({ q: '封顶', pageSize: 10 }).set(staff).expect(200);
    expect(search.body.meta).toEqual({ page: 1, pageSize: 10, total: 1000, totalCapped: true, nextCursor: expect.any(String) });
    expect(search.body.items).toHaveLength(10);
    const filtered = await t.http.get('/api/v1/enterprises').query({ districtCode: '330225', pageSize: 10 }).set(staff).expect(200);
    expect(filtered.body.meta).toEqual({ page: 1, pageSize: 10, total: 1005, nextCursor: expect.any(String) });
    const few = await t.http.get('/api/v1/enterprises').query({ q: '封顶测试1005' }).set(staff).expect(200);
    expect(few.body.meta).toEqual({ page: 1, pageSize: 25, total: 1 });
  });

  it('serves a name search from the bigram GIN index', async () => {
    // With 200 rows the planner may prefer a scan; forbid it within one transaction to see the index is usable.
    const plan: { 'QUERY PLAN': string }[] = await t.dataSource.transaction(async (m) => {
      await m.query('SET LOCAL enable_seqscan = off');
      return m.query("EXPLAIN SELECT id FROM enterprise WHERE search_vector @@ cr_name_query('镇海')");
    });
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('idx_enterprise_search');
  });

  it('filters, sorts and paginates with a total', async () => {
    for (const name of ['宁波分页甲机械有限公司', '宁波分页乙机械有限公司', '宁波分页丙机械有限公司']) {
      await t.http.post('/api/v1/enterprises').set(staff).send(enterprisePayload({ name, districtCode: '330226', industryCode: '3824', aboveScale: false })).expect(201);
    }
    const page = await t.http
      .get('/api/v1/enterprises')
      .query({ districtCode: '330226', industryCode: '38', aboveScale: 'false', pageSize: 2, page: 2, sort: 'name:asc' })
      .set(staff)
      .expect(200);
    expect(page.body.meta).toEqual({ page: 2, pageSize: 2, total: 3 });
    expect(page.body.items).toHaveLength(1);
    const section = await t.http.get('/api/v1/enterprises').query({ districtCode: '330226', industryCode: 'C' }).set(staff).expect(200);
    expect(section.body.meta.total).toBe(3);
    await t.http.get('/api/v1/enterprises').query({ pageSize: 101 }).set(staff).expect(400);
    const badSort = await t.http.get('/api/v1/enterprises').query({ sort: 'password:asc' }).set(staff).expect(400);
    expect(badSort.body.errors[0].field).toBe('sort');
  });

  it('archives on DELETE: gone from the list, still readable, nothing hard-deleted', async () => {
    const created = await t.http.post('/api/v1/enterprises').set(staff).send(enterprisePayload({ name: '宁波归档测试有限公司' })).expect(201);
    const archived = await t.http.delete(`/api/v1/enterprises/${created.body.id}`).set(staff).expect(200);
    expect(archived.body.archived).toBe(true);
    const list = await t.http.get('/api/v1/enterprises').query({ q: '归档测试' }).set(staff).expect(200);
    expect(list.body.meta.total).toBe(0);
    const withArchived = await t.http.get('/api/v1/enterprises').query({ q: '归档测试', includeArchived: 'true' }).set(staff).expect(200);
    expect(withArchived.body.meta.total).toBe(1);
    await t.http.get(`/api/v1/enterprises/${created.body.id}`).set(staff).expect(200);
  });

  it('stores yearly figures, derives tax per mu, and guards replacement by version', async () => {
    const created = await t.http.post('/api/v1/enterprises').set(staff).send(enterprisePayload({ landAreaMu: 40 })).expect(201);
    const url = `/api/v1/enterprises/${created.body.id}/figures/2022`;
    const put = await t.http.put(url).set(staff).send({ operatingRevenueYuan: 1234567890.12, taxPaidYuan: 2000000, employees: 320 }).expect(201);
    expect(put.body).toMatchObject({ year: 2022, quarter: null, operatingRevenueYuan: 1234567890.12, taxPerMuYuan: 50000, version: 1 });
    await t.http.put(url).set(staff).send({ taxPaidYuan: 1 }).expect(409);
    await t.http.put(url).set(staff).send({ taxPaidYuan: 4000000, version: 1 }).expect(200);
    const read = await t.http.get(url).set(staff).expect(200);
    expect(read.body).toMatchObject({ taxPaidYuan: 4000000, taxPerMuYuan: 100000, version: 2 });
    await t.http.put(url).set(staff).send({ taxPaidYuan: 5, version: 1 }).expect(409);
    await t.http.put(`${url}?quarter=2`).set(staff).send({ operatingRevenueYuan: 300 }).expect(201);
    await t.http.get(`/api/v1/enterprises/${created.body.id}/figures/2021`).set(staff).expect(404);
    await t.http.put(url).set(staff).send({ taxPaidYuan: -3, version: 2 }).expect(400);
  });

  it('records every change in the audit trail within the same transaction', async () => {
    const created = await t.http.post('/api/v1/enterprises').set(staff).send(enterprisePayload()).expect(201);
    await t.http.patch(`/api/v1/enterprises/${created.body.id}`).set(staff).send({ version: 1, shortName: '审计' }).expect(200);
    const rows = await t.sql<{ action: string }>('SELECT action, actor_role, before, after FROM audit_log WHERE entity_id = $1 ORDER BY id', [created.body.id]);
    expect(rows.map((r) => r.action)).toEqual(['enterprise.create', 'enterprise.update']);
    expect(rows[1]).toMatchObject({ actor_role: 'BUREAU_STAFF', before: { shortName: null, version: 1 }, after: { shortName: '审计', version: 2 } });
  });
});
