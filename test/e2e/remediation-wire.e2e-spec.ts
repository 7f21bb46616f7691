import { enterprisePayload } from '../setup/fixtures';
import { createTestApp, TestApp } from '../setup/test-app';

type Headers = Record<string, string>;

const YEAR = 2023;
const csv = (rows: (string | number)[][]) => rows.map((r) => r.join(',')).join('\n') + '\n';

interface Firm {
  key: string;
  district: string;
  owned: number;
  tax: number;
  kwh: number;
  id?: string;
  creditCode?: string;
}

// Below-scale firms on own land. Within each population every indicator (tax per mu, tax per kWh) falls with
// the key, so the last firm has the lowest score; classes go by rank ÷ size and the last 5 % is D:
// 5 / 5 = 100 % and 2 / 2 = 100 % are D, 4 / 5 = 80 % and 1 / 2 = 50 % are not. So L5 and S2 are the D firms.
const FIRMS: Firm[] = [
  { key: 'L1', district: '330211', owned: 10, tax: 500_000, kwh: 100_000 },
  { key: 'L2', district: '330211', owned: 10, tax: 400_000, kwh: 100_000 },
  { key: 'L3', district: '330211', owned: 10, tax: 300_000, kwh: 100_000 },
  { key: 'L4', district: '330211', owned: 10, tax: 200_000, kwh: 100_000 },
  { key: 'L5', district: '330212', owned: 10, tax: 10_000, kwh: 100_000 },
  { key: 'S1', district: '330211', owned: 2, tax: 100_000, kwh: 50_000 },
  { key: 'S2', district: '330211', owned: 2, tax: 5_000, kwh: 50_000 },
];
const D_FIRMS = ['L5', 'S2'];

describe('remediation wired to the evaluation and to imports', () => {
  let t: TestApp;
  let staff: Headers;
  let officer212: Headers;
  const byKey = (k: string) => FIRMS.find((f) => f.key === k)!;
  const body = { year: YEAR, responsibleUnit: '区经信局', deadline: '2099-06-30' };

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.as('BUREAU_STAFF');
    officer212 = await t.as('DISTRICT_STAFF', { districtCodes: ['330212'] });
    for (const f of FIRMS) {
      const payload = enterprisePayload({ districtCode: f.district, aboveScale: false, foundedOn: '2010-05-01' });
      const res = await t.http.post('/api/v1/enterprises').set(staff).send(payload).expect(201);
      f.id = res.body.id;
      f.creditCode = payload.creditCode as string;
    }
    const land = csv([
      ['统一社会信用代码', '年度', '用地类型', '用地面积(亩)', '投入使用日期', '核实人', '核实日期', '数据来源'],
      ...FIRMS.map((f) => [f.creditCode!, YEAR, '自有用地', f.owned, '2012-01-01', '区自然资源分局', '2024-03-01', '不动产登记']),
    ]);
    const figures = csv([
      ['统一社会信用代码', '年度', '评价税收(元)', '用电量(千瓦时)', '主要污染物排放当量(吨)', '主营业务收入(元)', '年平均职工人数'],
      ...FIRMS.map((f) => [f.creditCode!, YEAR, f.tax, f.kwh, 1, 1_000_000, 10]),
    ]);
    for (const [kind, file] of [['land-use', land], ['evaluation-figures', figures]]) {
      const res = await t.http.post(`/api/v1/imports/${kind}?dryRun=false`).set(staff).attach('file', Buffer.from(file), `${kind}.csv`).expect(200);
      expect(res.body.errors).toEqual([]);
    }
  });
  afterAll(() => t.close());

  describe('D-class firms opened as cases in bulk', () => {
    it('refuses a year without a computed evaluation, and a computed one not yet publicised (409 with a code)', async () => {
      const none = await t.http.post('/api/v1/remediation/cases/from-evaluation').set(staff).send(body).expect(409);
      expect(none.body.code).toBe('EVALUATION_NOT_COMPUTED');
      await t.http.post(`/api/v1/evaluations/${YEAR}/run`).set(staff).expect(200);
      const early = await t.http.post('/api/v1/remediation/cases/from-evaluation').set(staff).send(body).expect(409);
      expect(early.body.code).toBe('EVALUATION_NOT_PUBLICISED');
      const bad = await t.http.post('/api/v1/remediation/cases/from-evaluation').set(staff).send({ ...body, deadline: '明年' }).expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      // The classes are as the test worked them out.
      for (const f of FIRMS) {
        const sheet = await t.http.get(`/api/v1/evaluations/${YEAR}/enterprises/${f.id}`).set(staff).expect(200);
        expect({ key: f.key, d: sheet.body.finalClass === 'D' }).toEqual({ key: f.key, d: D_FIRMS.includes(f.key) });
      }
      const overview = (await t.http.get(`/api/v1/evaluations/${YEAR}`).set(staff).expect(200)).body;
      await t.http.post(`/api/v1/evaluations/${YEAR}/publicity`).set(staff).send({ startsOn: '2024-05-01', endsOn: '2024-05-07', version: overview.version }).expect(200);
      expect((await t.sql(`SELECT count(*)::int AS n FROM remediation_case`))[0]).toEqual({ n: 0 });
    });

    it('opens only the district officer’s D firms, then the rest for city staff, skipping open cases; a second call opens nothing', async () => {
      const preview = await t.http.get(`/api/v1/remediation/cases/from-evaluation/preview?year=${YEAR}`).set(officer212).expect(200);
      expect(preview.body).toMatchObject({ year: YEAR, evaluationStatus: 'PUBLICISED', dClassFirms: 1, alreadyOpen: 0 });

      const mine = await t.http.post('/api/v1/remediation/cases/from-evaluation').set(officer212).send(body).expect(201);
      expect(mine.body).toMatchObject({ year: YEAR, dClassFirms: 1, opened: 1, skipped: [] });
      const opened = await t.http.get(`/api/v1/remediation/cases/${mine.body.caseIds[0]}`).set(staff).expect(200);
      expect(opened.body).toMatchObject({ enterpriseId: byKey('L5').id, category: 'EVALUATION_D_CLASS', sourceKind: 'EVALUATION_D', sourceYear: YEAR, status: 'OPEN', responsibleUnit: '区经信局' });

      const all = await t.http.post('/api/v1/remediation/cases/from-evaluation').set(staff).send(body).expect(201);
      expect(all.body).toMatchObject({ dClassFirms: D_FIRMS.length, opened: 1 });
      expect(all.body.skipped.map((s: { enterpriseId: string }) => s.enterpriseId)).toEqual([byKey('L5').id]);

      const again = await t.http.post('/api/v1/remediation/cases/from-evaluation').set(staff).send(body).expect(201);
      expect(again.body).toMatchObject({ dClassFirms: D_FIRMS.length, opened: 0, caseIds: [] });
      expect(again.body.skipped.map((s: { enterpriseId: string }) => s.enterpriseId).sort()).toEqual(D_FIRMS.map((k) => byKey(k).id).sort());

      const rows = await t.sql<{ enterprise_id: string; source_year: number }>(`SELECT enterprise_id, source_year FROM remediation_case WHERE source_kind = 'EVALUATION_D'`);
      expect(rows.map((r) => r.enterprise_id).sort()).toEqual(D_FIRMS.map((k) => byKey(k).id).sort());
      expect(rows.every((r) => Number(r.source_year) === YEAR)).toBe(true);
      const audit = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'remediation_case.bulk_open'`);
      expect(audit[0].n).toBe(3);
    });
  });
});
