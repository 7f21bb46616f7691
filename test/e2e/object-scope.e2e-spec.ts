import { createTestApp, TestApp } from '../setup/test-app';
import { creditCode, enterprisePayload } from '../setup/fixtures';

type Headers = Record<string, string>;

/**
 * Scoped export routes (issue 6): each is refused to the liaison of A (liaisons hold no EXPORT
 * permission), and the district officer of 330211 gets A's rows and none of B's. A and B both hold
 * a designation, so every route has a row of each to leak.
 */
const EXPORT_ROUTES: { path: string }[] = [
  { path: '/api/v1/exports/enterprises?format=csv' },
  { path: '/api/v1/exports/designations?format=csv' },
];

describe('object-level scope: liaisons and district officers over HTTP', () => {
  let t: TestApp;
  let staff: Headers;
  let liaisonA: Headers;
  let liaisonB: Headers;
  let district: Headers;
  let a: { id: string; creditCode: string; name: string };
  let b: { id: string; creditCode: string; name: string };

  const snapshot = async (id: string) => {
    const [row] = await t.sql<Record<string, unknown>>('SELECT version, name, district_code, contact_person, archived FROM enterprise WHERE id = $1', [id]);
    const figures = await t.sql('SELECT year, quarter, version, tax_paid_yuan FROM enterprise_figure WHERE enterprise_id = $1 ORDER BY year', [id]);
    const requests = await t.sql('SELECT id, status FROM change_request WHERE enterprise_id = $1 ORDER BY id', [id]);
    return { row, figures, requests };
  };

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.as('BUREAU_STAFF');
    const created = async (overrides: Record<string, unknown>) =>
      (await t.http.post('/api/v1/enterprises').set(staff).send(enterprisePayload(overrides)).expect(201)).body;
    a = await created({ name: '宁波镇海甲方精工有限公司', districtCode: '330211' });
    b = await created({ name: '宁波北仑乙方机械有限公司', districtCode: '330206', creditCode: creditCode('330206') });
    for (const e of [a, b]) {
      await t.http.put(`/api/v1/enterprises/${e.id}/figures/2022`).set(staff).send({ taxPaidYuan: 1_000_000 }).expect(201);
      await t.http.post('/api/v1/designations').set(staff).send({ enterpriseId: e.id, type: 'SPECIALIZED_SME', level: 'PROVINCIAL' }).expect(201);
    }
    liaisonA = await t.as('LIAISON', { enterpriseIds: [a.id], username: 'liaison_a' });
    liaisonB = await t.as('LIAISON', { enterpriseIds: [b.id], username: 'liaison_b' });
    district = await t.as('DISTRICT_STAFF', { districtCodes: ['330211'], username: 'zhenhai_officer' });
  });
  afterAll(() => t.close());

  describe('a liaison of A', () => {
    it('reads A but not B by id, by credit code, or its figures (404 as if absent)', async () => {
      await t.http.get(`/api/v1/enterprises/${a.id}`).set(liaisonA).expect(200);
      const byId = await t.http.get(`/api/v1/enterprises/${b.id}`).set(liaisonA).expect(404);
      expect(byId.body.code).toBe('ENTERPRISE_NOT_FOUND');
      await t.http.get(`/api/v1/enterprises/by-credit-code/${b.creditCode}`).set(liaisonA).expect(404);
      await t.http.get(`/api/v1/enterprises/${b.id}/figures`).set(liaisonA).expect(404);
      await t.http.get(`/api/v1/enterprises/${b.id}/figures/2022`).set(liaisonA).expect(404);
    });

    it('sees only A in lists, whatever the filters', async () => {
      const all = await t.http.get('/api/v1/enterprises?pageSize=100').set(liaisonA).expect(200);
      expect(all.body.items.map((e: { id: string }) => e.id)).toEqual([a.id]);
      expect(all.body.meta.total).toBe(1);
      for (const filter of ['districtCode=330206', `q=${encodeURIComponent('乙方机械')}`, `q=${b.creditCode.slice(2, 10)}`, 'includeArchived=true']) {
        const res = await t.http.get(`/api/v1/enterprises?${filter}`).set(liaisonA).expect(200);
        expect(res.body.items.map((e: { id: string }) => e.id)).not.toContain(b.id);
      }
    });

    it('cannot edit or submit changes for B, and nothing about B changes', async () => {
      const before = await snapshot(b.id);
      await t.http.patch(`/api/v1/enterprises/${b.id}`).set(liaisonA).send({ version: 1, contactPerson: '冒名' }).expect(403);
      await t.http.put(`/api/v1/enterprises/${b.id}/figures/2022`).set(liaisonA).send({ taxPaidYuan: 1, version: 1 }).expect(403);
      await t.http.delete(`/api/v1/enterprises/${b.id}`).set(liaisonA).expect(403);
      const profile = await t.http.post(`/api/v1/enterprises/${b.id}/change-requests`).set(liaisonA).send({ version: 1, profile: { contactPerson: '冒名' } }).expect(404);
      expect(profile.body.code).toBe('ENTERPRISE_NOT_FOUND');
      await t.http
        .post(`/api/v1/enterprises/${b.id}/change-requests`)
        .set(liaisonA)
        .send({ version: 1, figures: { year: 2022, taxPaidYuan: 1 } })
        .expect(404);
      expect(await snapshot(b.id)).toEqual(before);
    });

    it("cannot see or decide B's liaison's change requests", async () => {
      const cr = await t.http.post(`/api/v1/enterprises/${b.id}/change-requests`).set(liaisonB).send({ version: 1, profile: { shortName: '乙方' } }).expect(201);
      await t.http.get(`/api/v1/change-requests/${cr.body.id}`).set(liaisonA).expect(404);
      const mine = await t.http.get('/api/v1/change-requests').set(liaisonA).expect(200);
      expect(mine.body.items.map((r: { id: string }) => r.id)).not.toContain(cr.body.id);
      await t.http.post(`/api/v1/change-requests/${cr.body.id}/approve`).set(liaisonA).expect(403);
      const [row] = await t.sql<{ status: string }>('SELECT status FROM change_request WHERE id = $1', [cr.body.id]);
      expect(row.status).toBe('PENDING');
    });

    it('is refused with 403 FIELD_NOT_ALLOWED naming each field it may not change, and nothing is applied', async () => {
      const before = await snapshot(a.id);
      const res = await t.http
        .post(`/api/v1/enterprises/${a.id}/change-requests`)
        .set(liaisonA)
        .send({
          version: before.row.version,
          profile: { contactPerson: '张三', creditCode: creditCode(), status: 'SUSPENDED', districtCode: '330206', industryCode: '3412', aboveScale: false, archived: true },
        })
        .expect(403);
      expect(res.body.code).toBe('FIELD_NOT_ALLOWED');
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
        ['profile.aboveScale', 'profile.archived', 'profile.creditCode', 'profile.districtCode', 'profile.industryCode', 'profile.status'],
      );
      expect(res.body.errors.every((e: { code: string }) => e.code === 'FIELD_NOT_ALLOWED')).toBe(true);
      expect(await snapshot(a.id)).toEqual(before);
    });

    for (const route of EXPORT_ROUTES) {
      it(`is refused the export ${route.path} (403 FORBIDDEN)`, async () => {
        const res = await t.http.get(route.path).set(liaisonA).buffer(true);
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
        expect(res.text).not.toContain(b.creditCode);
      });
    }
  });

  describe('a district officer of 330211', () => {
    it('lists only enterprises of their district, even when filtering for another', async () => {
      const all = await t.http.get('/api/v1/enterprises?pageSize=100').set(district).expect(200);
      expect(all.body.items.length).toBeGreaterThan(0);
      expect(all.body.items.every((e: { districtCode: string }) => e.districtCode === '330211')).toBe(true);
      expect(all.body.items.map((e: { id: string }) => e.id)).toContain(a.id);
      const other = await t.http.get('/api/v1/enterprises?districtCode=330206').set(district).expect(200);
      expect(other.body.meta.total).toBe(0);
    });

    it('cannot read or change an enterprise of another district (404), and it stays unchanged', async () => {
      const before = await snapshot(b.id);
      await t.http.get(`/api/v1/enterprises/${b.id}`).set(district).expect(404);
      await t.http.get(`/api/v1/enterprises/by-credit-code/${b.creditCode}`).set(district).expect(404);
      await t.http.get(`/api/v1/enterprises/${b.id}/figures`).set(district).expect(404);
      await t.http.patch(`/api/v1/enterprises/${b.id}`).set(district).send({ version: before.row.version, name: '被改名的公司' }).expect(404);
      await t.http.put(`/api/v1/enterprises/${b.id}/figures/2022`).set(district).send({ taxPaidYuan: 5, version: 1 }).expect(404);
      await t.http.delete(`/api/v1/enterprises/${b.id}`).set(district).expect(404);
      await t.http.get(`/api/v1/enterprises/${b.id}/history`).set(district).expect(404);
      expect(await snapshot(b.id)).toEqual(before);
    });

    it('cannot register an enterprise in, or move one to, another district (403 OUT_OF_SCOPE)', async () => {
      const payload = enterprisePayload({ districtCode: '330206', creditCode: creditCode('330206') });
      const res = await t.http.post('/api/v1/enterprises').set(district).send(payload).expect(403);
      expect(res.body).toMatchObject({ code: 'OUT_OF_SCOPE', errors: [{ field: 'districtCode' }] });
      await t.http.get(`/api/v1/enterprises/by-credit-code/${payload.creditCode}`).set(staff).expect(404);
      await t.http.post('/api/v1/enterprises').set(district).send(enterprisePayload({ districtCode: '330211' })).expect(201);

      const before = await snapshot(a.id);
      const move = await t.http.patch(`/api/v1/enterprises/${a.id}`).set(district).send({ version: before.row.version, districtCode: '330206' }).expect(403);
      expect(move.body.code).toBe('OUT_OF_SCOPE');
      expect(await snapshot(a.id)).toEqual(before);
    });

    it("reviews only its district's change requests", async () => {
      const { version } = (await t.http.get(`/api/v1/enterprises/${b.id}`).set(staff).expect(200)).body;
      const foreign = (
        await t.http.post(`/api/v1/enterprises/${b.id}/change-requests`).set(liaisonB).send({ version, profile: { legalRepresentative: '李四' } }).expect(201)
      ).body;
      const queue = await t.http.get('/api/v1/change-requests').set(district).expect(200);
      expect(queue.body.items.every((r: { districtCode: string }) => r.districtCode === '330211')).toBe(true);
      await t.http.get(`/api/v1/change-requests/${foreign.id}`).set(district).expect(404);
      await t.http.post(`/api/v1/change-requests/${foreign.id}/approve`).set(district).expect(404);
      await t.http.post(`/api/v1/change-requests/${foreign.id}/reject`).set(district).send({ reason: '不是本区企业' }).expect(404);
      const [row] = await t.sql<{ status: string }>('SELECT status FROM change_request WHERE id = $1', [foreign.id]);
      expect(row.status).toBe('PENDING');
    });

    it('cannot import into or over another district: the file is refused and nothing changes', async () => {
      const before = await snapshot(b.id);
      const csv = (rows: string[]) => Buffer.from(['creditCode,name,districtCode,industryCode', ...rows].join('\n'));
      const over = await t.http
        .post('/api/v1/imports/enterprises?dryRun=false')
        .set(district)
        .attach('file', csv([`${b.creditCode},改名的乙方,330206,3411`]), 'over.csv');
      expect(over.status).toBe(422);
      expect(over.body.errors[0]).toMatchObject({ line: 2, code: 'ENTERPRISE_NOT_FOUND' });
      const fresh = creditCode('330206');
      const into = await t.http
        .post('/api/v1/imports/enterprises?dryRun=false')
        .set(district)
        .attach('file', csv([`${fresh},宁波越界导入有限公司,330206,3411`]), 'into.csv');
      expect(into.status).toBe(422);
      expect(into.body.errors[0]).toMatchObject({ line: 2, code: 'OUT_OF_SCOPE' });
      expect(await snapshot(b.id)).toEqual(before);
      await t.http.get(`/api/v1/enterprises/by-credit-code/${fresh}`).set(staff).expect(404);
    });

    it('reads only audit rows about enterprises of its district', async () => {
      const res = await t.http.get('/api/v1/audit?pageSize=100').set(district).expect(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      const ids = new Set(res.body.items.map((r: { enterpriseId: string }) => r.enterpriseId));
      const districts = await t.sql<{ district_code: string }>('SELECT DISTINCT district_code FROM enterprise WHERE id = ANY($1)', [[...ids]]);
      expect(districts.map((d) => d.district_code)).toEqual(['330211']);
      const scoped = await t.http.get(`/api/v1/audit?enterpriseId=${b.id}`).set(district).expect(200);
      expect(scoped.body.meta.total).toBe(0);
    });

    for (const route of EXPORT_ROUTES) {
      it(`gets no row of another district from the export ${route.path}`, async () => {
        const res = await t.http.get(route.path).set(district).buffer(true);
        expect(res.status).toBe(200);
        expect(res.text).toContain(a.creditCode);
        expect(res.text).not.toContain(b.creditCode);
      });
    }
  });
});
