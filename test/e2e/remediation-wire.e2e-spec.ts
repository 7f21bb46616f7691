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

  describe('imports of land blocks and cases (CSV, Chinese headers and labels)', () => {
    /** Uploads a file; a dry run answers 200 with the report, an apply with bad rows 422 IMPORT_REJECTED listing them. */
    const imp = async (who: Headers, kind: string, file: string, dryRun: boolean, rejected = false) => {
      const res = await t.http.post(`/api/v1/imports/${kind}?dryRun=${dryRun}`).set(who).attach('file', Buffer.from(file), `${kind}.csv`).expect(rejected ? 422 : 200);
      if (rejected) expect(res.body.code).toBe('IMPORT_REJECTED');
      return { body: rejected ? { errors: res.body.errors, counts: res.body.details.counts } : res.body };
    };
    const count = async (table: string) => (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
    const HEAD_BLOCK = ['区块名称', '区县', '面积(亩)', '坐落', '备注'];

    it('imports land blocks by district name or code; a bad file and an out-of-scope row write nothing', async () => {
      const good = csv([HEAD_BLOCK, ['骆驼街道低效区块一号', '镇海区', 120.5, '骆驼街道荣吉路以东', ''], ['北仑低效区块', '330206', 80, '小港街道', '老工业点']]);
      const dry = await imp(staff, 'land-blocks', good, true);
      expect(dry.body.errors).toEqual([]);
      expect(dry.body.counts).toMatchObject({ created: 2, rejected: 0 });
      expect(await count('land_block')).toBe(0);
      await imp(staff, 'land-blocks', good, false);
      const blocks = await t.sql<{ name: string; district_code: string; area_mu: string }>(`SELECT name, district_code, area_mu FROM land_block ORDER BY name`);
      expect(blocks.map((b) => [b.name, b.district_code, Number(b.area_mu)])).toEqual([
        ['北仑低效区块', '330206', 80],
        ['骆驼街道低效区块一号', '330211', 120.5],
      ]);

      const bad = csv([HEAD_BLOCK, ['新区块甲', '火星区', 10, '某处', ''], ['新区块乙', '镇海区', -3, '某处', ''], ['骆驼街道低效区块一号', '镇海区', 10, '某处', ''], ['新区块丙', '镇海区', 10, '某处', '']]);
      const res = await imp(staff, 'land-blocks', bad, false, true);
      expect(res.body.counts.rejected).toBe(3);
      expect(res.body.errors.map((e: { line: number; column: string; code: string }) => [e.line, e.column, e.code])).toEqual([
        [2, '区县', 'DISTRICT_UNKNOWN'],
        [3, '面积(亩)', expect.any(String)],
        [4, '区块名称', 'LAND_BLOCK_NAME_TAKEN'],
      ]);
      expect(res.body.errors.every((e: { message: string }) => /[\u4e00-\u9fa5]/.test(e.message))).toBe(true);
      expect(await count('land_block')).toBe(2);

      // A district officer of 330212 may bring blocks of 330212 only: a 镇海区 row is a row error.
      const scoped = csv([HEAD_BLOCK, ['梅墟低效区块', '330212', 30, '梅墟街道', ''], ['镇海另一区块', '镇海区', 30, '蛟川街道', '']]);
      const out = await imp(officer212, 'land-blocks', scoped, false, true);
      expect(out.body.errors.map((e: { line: number; column: string; code: string }) => [e.line, e.column, e.code])).toEqual([[3, '区县', 'OUT_OF_SCOPE']]);
      expect(await count('land_block')).toBe(2);
    });

    const HEAD_CASE = ['案件类别', '统一社会信用代码', '区块名称', '来源类别', '来源年度', '责任单位', '整治期限', '立案日期', '案件状态', '整治结果', '销号日期', '佐证材料'];

    it('imports cases by Chinese labels, including one already closed with its dated history; audited', async () => {
      const good = csv([
        HEAD_CASE,
        ['高耗低效企业', byKey('L1').creditCode!, '', '排查摸底', '', '镇海区经信局', '2099-12-31', '2023-03-01', '待整治', '', '', ''],
        ['散乱弱企业', byKey('L2').creditCode!, '', '部门移交', '', '镇海区经信局', '2023-12-31', '2023-02-01', '已销号', '关停淘汰', '2023-09-30', '关停验收意见 镇经信〔2023〕12号'],
        ['低效区块', '', '骆驼街道低效区块一号', '排查摸底', '', '镇海区自然资源分局', '2099-12-31', '2023-04-01', '整治中', '', '', ''],
      ]);
      const before = await count('remediation_case');
      const dry = await imp(staff, 'remediation-cases', good, true);
      expect(dry.body.errors).toEqual([]);
      expect(dry.body.counts).toMatchObject({ created: 3, rejected: 0 });
      expect(await count('remediation_case')).toBe(before);
      await imp(staff, 'remediation-cases', good, false);
      const rows = await t.sql<{ category: string; status: string; outcome: string | null; closed_on: string | null; opened_on: string; events: number }>(
        `SELECT c.category, c.status, c.outcome, c.closed_on::text, c.opened_on::text, (SELECT count(*)::int FROM remediation_case_event v WHERE v.case_id = c.id) AS events
         FROM remediation_case c WHERE c.source_kind <> 'EVALUATION_D' ORDER BY c.opened_on`,
      );
      expect(rows).toEqual([
        { category: 'SCATTERED_WEAK', status: 'CLOSED', outcome: 'SHUT_DOWN', closed_on: '2023-09-30', opened_on: '2023-02-01', events: 2 },
        { category: 'HIGH_ENERGY_LOW_EFFICIENCY', status: 'OPEN', outcome: null, closed_on: null, opened_on: '2023-03-01', events: 1 },
        { category: 'LOW_EFFICIENCY_BLOCK', status: 'IN_PROGRESS', outcome: null, closed_on: null, opened_on: '2023-04-01', events: 2 },
      ]);
      const audit = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'remediation_case.create'`);
      expect(audit[0].n).toBe(before + 3);
    });

    it('reports bad rows with line, column and a Chinese message in the dry run and on apply, writing nothing', async () => {
      const before = await count('remediation_case');
      const bad = csv([
        HEAD_CASE,
        ['高耗低效', byKey('L3').creditCode!, '', '排查摸底', '', '区经信局', '2099-12-31', '', '', '', '', ''],
        ['高耗低效企业', byKey('L1').creditCode!, '', '排查摸底', '', '区经信局', '2099-12-31', '', '', '', '', ''],
        ['散乱弱企业', byKey('L3').creditCode!, '', '排查摸底', '', '区经信局', '2023-12-31', '2023-01-01', '已销号', '', '2023-06-30', ''],
        ['散乱弱企业', '91330200MA2XXXXX1X', '', '排查摸底', '', '区经信局', '2099-12-31', '', '', '', '', ''],
        ['亩均D类企业', byKey('L4').creditCode!, '', '亩均效益评价D类', '', '区经信局', '2099-12-31', '', '', '', '', ''],
        ['散乱弱企业', byKey('L4').creditCode!, '', '排查摸底', '', '区经信局', '2099-12-31', '', '', '', '', ''],
      ]);
      for (const dryRun of [true, false]) {
        const res = await imp(staff, 'remediation-cases', bad, dryRun, !dryRun);
        expect(res.body.counts).toMatchObject({ created: 1, rejected: 5 });
        expect(res.body.errors.map((e: { line: number; column: string; code: string }) => [e.line, e.column, e.code])).toEqual([
          [2, '案件类别', expect.any(String)],
          [3, '统一社会信用代码', 'DUPLICATE_OPEN_CASE'],
          [4, '整治结果', 'VALIDATION_FAILED'],
          [5, '统一社会信用代码', 'ENTERPRISE_NOT_FOUND'],
          [6, '来源年度', 'VALIDATION_FAILED'],
        ]);
        expect(res.body.errors.every((e: { message: string }) => /[\u4e00-\u9fa5]/.test(e.message))).toBe(true);
        expect(await count('remediation_case')).toBe(before);
      }
    });

    it('holds a district officer’s case file to their districts: another district’s firm or block is a row error', async () => {
      const before = await count('remediation_case');
      const file = csv([
        HEAD_CASE,
        ['散乱弱企业', byKey('L5').creditCode!, '', '排查摸底', '', '高新区经发局', '2099-12-31', '', '', '', '', ''],
        ['散乱弱企业', byKey('L4').creditCode!, '', '排查摸底', '', '高新区经发局', '2099-12-31', '', '', '', '', ''],
        ['低效区块', '', '北仑低效区块', '排查摸底', '', '高新区经发局', '2099-12-31', '', '', '', '', ''],
      ]);
      const res = await imp(officer212, 'remediation-cases', file, false, true);
      expect(res.body.errors.map((e: { line: number; column: string; code: string }) => [e.line, e.column, e.code])).toEqual([
        [3, '统一社会信用代码', 'ENTERPRISE_NOT_FOUND'],
        [4, '区块名称', 'LAND_BLOCK_NOT_FOUND'],
      ]);
      expect(await count('remediation_case')).toBe(before);
      const dry = await imp(officer212, 'remediation-cases', csv([HEAD_CASE, file.split('\n')[1].split(',')]), true);
      expect(dry.body.errors).toEqual([]);
    });

    it('serves a template with the Chinese headers', async () => {
      for (const kind of ['remediation-cases', 'land-blocks']) {
        const res = await t.http.get(`/api/v1/imports/templates/${kind}?format=csv`).set(staff).buffer(true).parse((r, cb) => {
          let data = '';
          r.on('data', (c: Buffer) => (data += c.toString('utf8')));
          r.on('end', () => cb(null, data));
        }).expect(200);
        expect(String(res.body)).toContain(kind === 'land-blocks' ? '区块名称' : '案件类别');
      }
    });
  });
});
