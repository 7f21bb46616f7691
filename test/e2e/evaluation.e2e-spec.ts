import { restoreSafeText } from '@app/core';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

import { binary } from '../setup/binary';
import { enterprisePayload } from '../setup/fixtures';
import { createTestApp, TestApp } from '../setup/test-app';

type Headers = Record<string, string>;

// The seeded example scheme for 2023, written out here (not read from the seed or the API):
// Huangyan 2023 weights, caps 1.5 × weight, population aggregate benchmarks, A 20 % / B 80 % / C 95 % / D.
const ABOVE = { TAX_PER_MU: 30, VALUE_ADDED_PER_MU: 20, VALUE_ADDED_PER_ENERGY: 20, VALUE_ADDED_PER_EMISSION: 10, LABOUR_PRODUCTIVITY: 10, RD_SHARE: 10 };
const BELOW = { TAX_PER_MU: 50, TAX_PER_ELECTRICITY: 50 };
const YEAR = 2023;

interface Firm {
  key: string;
  district: string;
  aboveScale: boolean;
  foundedOn: string;
  owned?: number;
  leased?: number;
  inUseSince?: string;
  tax: number;
  kwh: number;
  emissions: number;
  revenue: number;
  avgEmployees: number;
  valueAdded: number;
  rd: number;
  energy: number;
  id?: string;
  creditCode?: string;
}

// value = numerator × factor ÷ denominator, as a clerk would work it out from the sheet.
const FORMULAS: Record<string, { num: (f: Firm) => number; den: (f: Firm) => number; factor: number }> = {
  TAX_PER_MU: { num: (f) => f.tax, den: (f) => (f.owned ?? 0) + (f.leased ?? 0), factor: 1e-4 },
  VALUE_ADDED_PER_MU: { num: (f) => f.valueAdded, den: (f) => (f.owned ?? 0) + (f.leased ?? 0), factor: 1e-4 },
  VALUE_ADDED_PER_ENERGY: { num: (f) => f.valueAdded, den: (f) => f.energy, factor: 1e-4 },
  VALUE_ADDED_PER_EMISSION: { num: (f) => f.valueAdded, den: (f) => f.emissions, factor: 1e-4 },
  LABOUR_PRODUCTIVITY: { num: (f) => f.valueAdded, den: (f) => f.avgEmployees, factor: 1e-4 },
  RD_SHARE: { num: (f) => f.rd, den: (f) => f.revenue, factor: 100 },
  TAX_PER_ELECTRICITY: { num: (f) => f.tax, den: (f) => f.kwh, factor: 1 },
};

function firm(key: string, over: Partial<Firm>): Firm {
  return { key, district: '330211', aboveScale: false, foundedOn: '2010-05-01', inUseSince: '2012-01-01', tax: 0, kwh: 1, emissions: 1, revenue: 1, avgEmployees: 1, valueAdded: 0, rd: 0, energy: 1, ...over };
}

// Above scale: six evaluated firms (one scoring above every cap), plus three that are not evaluated.
const above = [
  firm('U1', { aboveScale: true, owned: 40, tax: 4_000_000, valueAdded: 30_000_000, energy: 2000, emissions: 10, avgEmployees: 200, rd: 3_000_000, revenue: 100_000_000 }),
  firm('U2', { aboveScale: true, owned: 25, district: '330212', tax: 1_200_000, valueAdded: 12_000_000, energy: 1500, emissions: 20, avgEmployees: 150, rd: 500_000, revenue: 60_000_000 }),
  firm('U3', { aboveScale: true, owned: 60, tax: 9_000_000, valueAdded: 80_000_000, energy: 1000, emissions: 5, avgEmployees: 300, rd: 9_000_000, revenue: 150_000_000 }),
  firm('U4', { aboveScale: true, owned: 30, district: '330212', tax: 600_000, valueAdded: 9_000_000, energy: 3000, emissions: 40, avgEmployees: 250, rd: 100_000, revenue: 40_000_000 }),
  firm('U5', { aboveScale: true, owned: 20, leased: 5, tax: 2_500_000, valueAdded: 20_000_000, energy: 1200, emissions: 12, avgEmployees: 120, rd: 2_000_000, revenue: 70_000_000 }),
  firm('U6', { aboveScale: true, owned: 50, tax: 300_000, valueAdded: 5_000_000, energy: 4000, emissions: 60, avgEmployees: 400, rd: 0, revenue: 30_000_000 }),
  firm('Young', { aboveScale: true, owned: 10, foundedOn: '2022-03-01', tax: 9_000_000, valueAdded: 9_000_000, energy: 10, emissions: 1, avgEmployees: 10, rd: 1, revenue: 10 }),
  firm('NewLand', { aboveScale: true, owned: 10, inUseSince: '2021-06-01', tax: 100, valueAdded: 100, energy: 10, emissions: 1, avgEmployees: 10, rd: 1, revenue: 10 }),
  firm('NoLand', { aboveScale: true, tax: 5_000_000, valueAdded: 9_000_000, energy: 10, emissions: 1, avgEmployees: 10, rd: 1, revenue: 10 }),
];
// Below scale with ≥ 3 mu of own land: five firms; L1 and L3 reach both caps and tie for first.
const large = [
  firm('L1', { owned: 8, tax: 400_000, kwh: 300_000 }),
  firm('L2', { owned: 12, district: '330212', tax: 150_000, kwh: 500_000 }),
  firm('L3', { owned: 3, tax: 600_000, kwh: 200_000 }),
  firm('L4', { owned: 20, tax: 80_000, kwh: 900_000 }),
  firm('L5', { owned: 5, tax: 250_000, kwh: 260_000 }),
];
// Below scale under 3 mu, and on leased land only: two each.
const small = [firm('S1', { owned: 2, tax: 90_000, kwh: 50_000 }), firm('S2', { owned: 1.5, tax: 20_000, kwh: 60_000 })];
const leased = [firm('R1', { leased: 4, tax: 50_000, kwh: 80_000 }), firm('R2', { leased: 6, tax: 200_000, kwh: 90_000 })];
const ALL = [...above, ...large, ...small, ...leased];

interface Expected {
  terms: Record<string, number>;
  score: number;
  rank: number;
  size: number;
  cls: string;
}

/** The test's own arithmetic: aggregate benchmarks, capped terms, ranks and classes of one population. */
function expectPopulation(firms: Firm[], weights: Record<string, number>): Map<string, Expected> {
  const bench: Record<string, number> = {};
  for (const k of Object.keys(weights)) {
    const f = FORMULAS[k];
    bench[k] = (firms.reduce((s, x) => s + f.num(x), 0) * f.factor) / firms.reduce((s, x) => s + f.den(x), 0);
  }
  const scored = firms.map((x) => {
    const terms: Record<string, number> = {};
    for (const [k, w] of Object.entries(weights)) {
      const value = (FORMULAS[k].num(x) * FORMULAS[k].factor) / FORMULAS[k].den(x);
      terms[k] = Math.round(Math.min(1.5 * w, Math.max(0, (value / bench[k]) * w)) * 100) / 100;
    }
    return { x, terms, score: Object.values(terms).reduce((a, b) => a + b, 0) };
  });
  const out = new Map<string, Expected>();
  const cents = (n: number) => Math.round(n * 100);
  for (const s of scored) {
    // Equal scores share a rank (1, 1, 3 …), and the class follows the shared rank.
    const rank = 1 + scored.filter((o) => cents(o.score) > cents(s.score)).length;
    const share = rank / scored.length;
    const cls = share <= 0.2 ? 'A' : share <= 0.8 ? 'B' : share <= 0.95 ? 'C' : 'D';
    out.set(s.x.key, { terms: s.terms, score: s.score, rank, size: scored.length, cls });
  }
  return out;
}

const csv = (rows: (string | number)[][]) => rows.map((r) => r.join(',')).join('\n') + '\n';

describe('亩均 evaluation over HTTP', () => {
  let t: TestApp;
  let staff: Headers;
  let officer: Headers;
  let viewer: Headers;
  const byKey = (k: string) => ALL.find((f) => f.key === k)!;
  let liaison: Headers;
  let expected: Map<string, Expected>;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.as('BUREAU_STAFF');
    officer = await t.as('DISTRICT_STAFF', { districtCodes: ['330212'] });
    viewer = await t.as('VIEWER');
    for (const f of ALL) {
      const payload = enterprisePayload({ districtCode: f.district, aboveScale: f.aboveScale, foundedOn: f.foundedOn });
      const res = await t.http.post('/api/v1/enterprises').set(staff).send(payload).expect(201);
      f.id = res.body.id;
      f.creditCode = payload.creditCode as string;
      await t.http.put(`/api/v1/enterprises/${f.id}/figures/${YEAR}`).set(staff).send({ valueAddedYuan: f.valueAdded, rdSpendYuan: f.rd, energyUseTce: f.energy }).expect(201);
    }
    const land = csv([
      ['统一社会信用代码', '年度', '用地类型', '用地面积(亩)', '投入使用日期', '核实人', '核实日期', '数据来源'],
      ...ALL.flatMap((f) => [
        ...(f.owned ? [[f.creditCode!, YEAR, '自有用地', f.owned, f.inUseSince!, '区自然资源分局', '2024-03-01', '不动产登记']] : []),
        ...(f.leased ? [[f.creditCode!, YEAR, 'LEASED', f.leased, f.inUseSince!, '区自然资源分局', '2024-03-01', '租赁合同']] : []),
      ]),
    ]);
    const figures = csv([
      ['统一社会信用代码', '年度', '评价税收(元)', '用电量(千瓦时)', '主要污染物排放当量(吨)', '主营业务收入(元)', '年平均职工人数'],
      ...ALL.map((f) => [f.creditCode!, YEAR, f.tax, f.kwh, f.emissions, f.revenue, f.avgEmployees]),
    ]);
    for (const [kind, body] of [['land-use', land], ['evaluation-figures', figures]]) {
      const dry = await t.http.post(`/api/v1/imports/${kind}?dryRun=true`).set(staff).attach('file', Buffer.from(body), `${kind}.csv`).expect(200);
      expect(dry.body.errors).toEqual([]);
      await t.http.post(`/api/v1/imports/${kind}?dryRun=false`).set(staff).attach('file', Buffer.from(body), `${kind}.csv`).expect(200);
    }
    liaison = await t.as('LIAISON', { enterpriseIds: [byKey('U4').id!], username: 'liaison_u4' });
    const evaluated = (fs: Firm[]) => fs.filter((f) => !['Young', 'NewLand', 'NoLand'].includes(f.key));
    expected = new Map([...expectPopulation(evaluated(above), ABOVE), ...expectPopulation(large, BELOW), ...expectPopulation(small, BELOW), ...expectPopulation(leased, BELOW)]);
  });
  afterAll(() => t.close());

  it('reports a land row with an unknown tenure and a negative area in the dry run, naming the column', async () => {
    const body = csv([['统一社会信用代码', '年度', '用地类型', '用地面积(亩)'], [byKey('U1').creditCode!, YEAR, '划拨', 5], [byKey('U2').creditCode!, YEAR, '自有用地', -3]]);
    const res = await t.http.post('/api/v1/imports/land-use?dryRun=true').set(staff).attach('file', Buffer.from(body), 'bad.csv').expect(200);
    expect(res.body.counts.rejected).toBe(2);
    expect(res.body.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([
      [2, '用地类型'],
      [3, '用地面积(亩)'],
    ]);
  });

  it('computes indicator terms, scores, ranks and classes the test works out itself', async () => {
    await t.http.post(`/api/v1/evaluations/${YEAR}/run`).set(staff).expect(200);
    for (const f of ALL) {
      const sheet = await t.http.get(`/api/v1/evaluations/${YEAR}/enterprises/${f.id}`).set(staff).expect(200);
      const e = expected.get(f.key);
      if (!e) continue;
      expect({ key: f.key, rank: sheet.body.rank, size: sheet.body.populationSize, cls: sheet.body.computedClass }).toEqual({ key: f.key, rank: e.rank, size: e.size, cls: e.cls });
      expect(sheet.body.score).toBeCloseTo(e.score, 1);
      for (const term of sheet.body.terms) expect(term.term).toBeCloseTo(e.terms[term.indicator], 1);
      expect(sheet.body.terms.map((x: { indicator: string }) => x.indicator).sort()).toEqual(Object.keys(e.terms).sort());
    }
    // U3 is far above every benchmark: each term stops at its cap (1.5 × weight).
    const u3 = await t.http.get(`/api/v1/evaluations/${YEAR}/enterprises/${byKey('U3').id}`).set(staff).expect(200);
    expect(u3.body.terms.find((x: { indicator: string }) => x.indicator === 'RD_SHARE').term).toBe(15);
    // Every population's classes cover A to D as the bands say.
    expect([...expected.values()].map((e) => e.cls)).toEqual(expect.arrayContaining(['A', 'B', 'C', 'D']));
  });

  it('records why a firm is not evaluated, with no score or class', async () => {
    for (const [key, reason] of [['Young', 'FIRM_TOO_YOUNG'], ['NewLand', 'LAND_TOO_RECENT'], ['NoLand', 'NO_LAND']]) {
      const sheet = await t.http.get(`/api/v1/evaluations/${YEAR}/enterprises/${byKey(key).id}`).set(staff).expect(200);
      expect(sheet.body).toMatchObject({ exclusionReason: reason, score: null, rank: null, finalClass: null });
    }
    const list = await t.http.get(`/api/v1/evaluations/${YEAR}/results?excluded=true`).set(staff).expect(200);
    expect(list.body.meta.total).toBe(3);
  });

  it('puts firms into the four Ningbo populations by scale, own land and lease', async () => {
    const pop = async (key: string) => (await t.http.get(`/api/v1/evaluations/${YEAR}/enterprises/${byKey(key).id}`).set(staff).expect(200)).body;
    expect((await pop('U5')).population).toBe('ABOVE_SCALE');
    expect((await pop('U5')).landMu).toBe(25);
    expect((await pop('L3')).population).toBe('BELOW_SCALE_LARGE');
    expect((await pop('S1')).population).toBe('BELOW_SCALE_SMALL');
    expect((await pop('R1')).population).toBe('LEASED');
  });

  it('recomputes to the same results', async () => {
    const snapshot = async () => (await t.http.get(`/api/v1/evaluations/${YEAR}/results?pageSize=100&sort=name:asc`).set(staff).expect(200)).body.items;
    const first = await snapshot();
    await t.http.post(`/api/v1/evaluations/${YEAR}/run`).set(staff).expect(200);
    expect(await snapshot()).toEqual(first);
    expect(first).toHaveLength(ALL.length);
  });

  it('shows a district officer only their districts and a liaison only their own sheet', async () => {
    const inDistrict = ALL.filter((f) => f.district === '330212').map((f) => f.id).sort();
    const list = await t.http.get(`/api/v1/evaluations/${YEAR}/results?pageSize=100`).set(officer).expect(200);
    expect(list.body.items.map((i: { enterpriseId: string }) => i.enterpriseId).sort()).toEqual(inDistrict);
    const overview = await t.http.get(`/api/v1/evaluations/${YEAR}`).set(officer).expect(200);
    expect(new Set(overview.body.distribution.map((d: { districtCode: string }) => d.districtCode))).toEqual(new Set(['330212']));
    await t.http.get(`/api/v1/evaluations/${YEAR}/enterprises/${byKey('U1').id}`).set(officer).expect(404);

    await t.http.get(`/api/v1/evaluations/${YEAR}/enterprises/${byKey('U4').id}`).set(liaison).expect(200);
    const other = await t.http.get(`/api/v1/evaluations/${YEAR}/enterprises/${byKey('U2').id}`).set(liaison).expect(404);
    expect(other.body.code).toBe('ENTERPRISE_NOT_FOUND');
    await t.http.get(`/api/v1/evaluations/${YEAR}/results`).set(liaison).expect(403);
    await t.http.get(`/api/v1/evaluations/${YEAR}/enterprises/${byKey('U2').id}/pdf`).set(liaison).expect(404);
    await t.http.post(`/api/v1/evaluations/${YEAR}/enterprises/${byKey('U2').id}/responses`).set(liaison).send({ kind: 'CONFIRM' }).expect(404);
  });

  it('exports the results in scope as CSV with Chinese headers and the sheet as PDF', async () => {
    const file = await t.http.get(`/api/v1/evaluations/${YEAR}/results/export?format=csv`).set(officer).expect(200);
    const lines = file.text.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toContain('统一社会信用代码');
    expect(lines[0]).toContain('最终档次');
    expect(lines).toHaveLength(1 + ALL.filter((f) => f.district === '330212').length);
    const xlsx = await t.http.get(`/api/v1/evaluations/${YEAR}/results/export?format=xlsx`).set(viewer).buffer(true).expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    // The officer's XLSX holds the cells of the officer's CSV, row for row (text unmarked the way the import does).
    const officerXlsx = await t.http.get(`/api/v1/evaluations/${YEAR}/results/export?format=xlsx`).set(officer).buffer(true).parse(binary as never).expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(officerXlsx.body as never);
    const csvCells = (parse(file.text, { bom: true }) as string[][]).map((r) => r.map(restoreSafeText));
    const xlsxCells: string[][] = [];
    book.worksheets[0].eachRow((r) => xlsxCells.push(csvCells[0].map((_, i) => restoreSafeText(String(r.getCell(i + 1).value ?? '')))));
    expect(book.worksheets[0].name).toBe(`${YEAR}年亩均评价`);
    expect(xlsxCells).toEqual(csvCells);
    const pdf = await t.http.get(`/api/v1/evaluations/${YEAR}/enterprises/${byKey('U4').id}/pdf`).set(liaison).buffer(true).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(String(pdf.body).slice(0, 4) === '%PDF' || Buffer.from(pdf.body).subarray(0, 4).toString() === '%PDF').toBe(true);
  });

  it('rejects bad input with a code and the field', async () => {
    const bad = await t.http.post(`/api/v1/evaluations/${YEAR}/enterprises/${byKey('U4').id}/responses`).set(liaison).send({ kind: 'OBJECT', reason: '税收口径有误' }).expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'evidence' });
    const scheme = (await t.http.get(`/api/v1/evaluation-schemes/${YEAR}`).set(staff).expect(200)).body;
    const { year: _y, frozen: _f, ...body } = scheme;
    const dup = { ...body, populations: [{ kind: 'ABOVE_SCALE', indicators: [body.populations[0].indicators[0], body.populations[0].indicators[0]] }] };
    const res = await t.http.put(`/api/v1/evaluation-schemes/${YEAR}`).set(staff).send(dup).expect(400);
    expect(res.body).toMatchObject({ code: 'EVALUATION_SCHEME_INVALID', errors: [{ field: 'populations[0].indicators[1].indicator' }] });
    const bands = await t.http.put(`/api/v1/evaluation-schemes/${YEAR}`).set(staff).send({ ...body, classBands: [{ class: 'A', upToShare: 0.2 }, { class: 'B', upToShare: 0.9 }] }).expect(400);
    expect(bands.body.errors[0].field).toBe('classBands[1].upToShare');
    await t.http.put(`/api/v1/evaluation-schemes/${YEAR}`).set(staff).send({ ...body, version: body.version + 5 }).expect(409);
    await t.http.put(`/api/v1/evaluation-schemes/${YEAR}`).set(officer).send(body).expect(403);
    const year = await t.http.post('/api/v1/evaluations/abc/run').set(staff).expect(400);
    expect(year.body.code).toBe('VALIDATION_FAILED');
    const none = await t.http.get('/api/v1/evaluations/2019/results').set(staff).expect(404);
    expect(none.body.code).toBe('EVALUATION_NOT_COMPUTED');
    const dates = await t.http.post(`/api/v1/evaluations/${YEAR}/publicity`).set(staff).send({ startsOn: '2024-05-10', endsOn: '2024-05-01', version: 1 }).expect(400);
    expect(dates.body.errors[0].field).toBe('endsOn');
  });

  it('takes an objection with evidence, publicises, decides it (audited), freezes, and then refuses recompute and scheme edits', async () => {
    const u4 = byKey('U4');
    const objection = await t.http
      .post(`/api/v1/evaluations/${YEAR}/enterprises/${u4.id}/responses`)
      .set(liaison)
      .send({ kind: 'OBJECT', reason: '2023年有一笔退税应计入评价税收', evidence: ['税务局完税证明 2023-117号'], requestedClass: 'B' })
      .expect(201);
    expect(objection.body).toMatchObject({ status: 'PENDING', classBefore: expected.get('U4')!.cls });
    const again = await t.http.post(`/api/v1/evaluations/${YEAR}/enterprises/${u4.id}/responses`).set(liaison).send({ kind: 'OBJECT', reason: '再次', evidence: ['x'] }).expect(409);
    expect(again.body.code).toBe('OBJECTION_PENDING');

    let overview = (await t.http.get(`/api/v1/evaluations/${YEAR}`).set(staff).expect(200)).body;
    expect(overview.pendingObjections).toBe(1);
    overview = (await t.http.post(`/api/v1/evaluations/${YEAR}/publicity`).set(staff).send({ startsOn: '2024-05-01', endsOn: '2024-05-07', version: overview.version }).expect(200)).body;
    expect(overview).toMatchObject({ status: 'PUBLICISED', publicityStartsOn: '2024-05-01', publicityEndsOn: '2024-05-07' });
    const early = await t.http.post(`/api/v1/evaluations/${YEAR}/freeze`).set(staff).send({ version: overview.version }).expect(409);
    expect(early.body.code).toBe('OBJECTION_PENDING');

    // A district officer outside U4's district cannot see the objection; one inside may decide it.
    const outsider = await t.as('DISTRICT_STAFF', { districtCodes: ['330211'] });
    await t.http.post(`/api/v1/evaluation-objections/${objection.body.id}/decision`).set(outsider).send({ outcome: 'UPHELD', newClass: 'B', note: 'x', version: 1 }).expect(404);
    const decided = await t.http.post(`/api/v1/evaluation-objections/${objection.body.id}/decision`).set(officer).send({ outcome: 'UPHELD', newClass: 'B', note: '退税凭证属实,调整为B类', version: objection.body.version }).expect(200);
    expect(decided.body).toMatchObject({ status: 'UPHELD', decidedClass: 'B' });
    const sheet = (await t.http.get(`/api/v1/evaluations/${YEAR}/enterprises/${u4.id}`).set(liaison).expect(200)).body;
    expect(sheet).toMatchObject({ computedClass: expected.get('U4')!.cls, finalClass: 'B' });
    const audit = await t.sql<{ action: string; after: { finalClass: string } }>(`SELECT action, after FROM audit_log WHERE action = 'evaluation.class_change' AND enterprise_id = $1`, [u4.id]);
    expect(audit.map((a) => a.after.finalClass)).toEqual(['B']);

    // A recompute before the freeze keeps the decided class.
    await t.http.post(`/api/v1/evaluations/${YEAR}/run`).set(staff).expect(200);
    expect((await t.http.get(`/api/v1/evaluations/${YEAR}/enterprises/${u4.id}`).set(staff).expect(200)).body.finalClass).toBe('B');

    overview = (await t.http.get(`/api/v1/evaluations/${YEAR}`).set(staff).expect(200)).body;
    overview = (await t.http.post(`/api/v1/evaluations/${YEAR}/freeze`).set(staff).send({ version: overview.version }).expect(200)).body;
    expect(overview.status).toBe('FROZEN');

    const rerun = await t.http.post(`/api/v1/evaluations/${YEAR}/run`).set(staff).expect(409);
    expect(rerun.body.code).toBe('EVALUATION_FROZEN');
    const scheme = (await t.http.get(`/api/v1/evaluation-schemes/${YEAR}`).set(staff).expect(200)).body;
    expect(scheme.frozen).toBe(true);
    const { year: _y, frozen: _f, ...body } = scheme;
    const edit = await t.http.put(`/api/v1/evaluation-schemes/${YEAR}`).set(staff).send(body).expect(409);
    expect(edit.body.code).toBe('EVALUATION_FROZEN');
    await t.http.post(`/api/v1/evaluations/${YEAR}/enterprises/${u4.id}/responses`).set(liaison).send({ kind: 'CONFIRM' }).expect(409);

    // After the freeze a class changes only through an objection, decided and audited.
    const late = await t.http.post(`/api/v1/evaluations/${YEAR}/enterprises/${u4.id}/responses`).set(liaison).send({ kind: 'OBJECT', reason: '申请调为A类', evidence: ['专利证书'] }).expect(201);
    await t.http.post(`/api/v1/evaluation-objections/${late.body.id}/decision`).set(staff).send({ outcome: 'REJECTED', note: '证据不足', version: late.body.version }).expect(200);
    const frozenSheet = (await t.http.get(`/api/v1/evaluations/${YEAR}/enterprises/${u4.id}`).set(staff).expect(200)).body;
    expect(frozenSheet.finalClass).toBe('B');
    expect(frozenSheet.score).toBeCloseTo(expected.get('U4')!.score, 1);
  });

  it('lets staff write a scheme for a new year and reads it back', async () => {
    const scheme = (await t.http.get(`/api/v1/evaluation-schemes/${YEAR}`).set(staff).expect(200)).body;
    const { year: _y, frozen: _f, version: _v, ...body } = scheme;
    const created = await t.http.put('/api/v1/evaluation-schemes/2024').set(staff).send({ ...body, name: '2024年度方案', minFirmAgeYears: 3 }).expect(200);
    expect(created.body).toMatchObject({ year: 2024, version: 1, minFirmAgeYears: 3, frozen: false });
    const missing = await t.http.put('/api/v1/evaluation-schemes/2024').set(staff).send({ ...body, name: 'x' }).expect(400);
    expect(missing.body.errors[0].field).toBe('version');
  });
});
