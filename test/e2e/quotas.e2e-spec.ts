import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

import { reportQuarterlyCommand } from '../../apps/cli/src/commands/report-quarterly.command';
import { CultivationWorld, WorldDesignation } from '../setup/cultivation-world';
import { createTestApp, TestApp } from '../setup/test-app';

const HOLDING = ['RECOGNISED', 'UNDER_REVIEW'];

/**
 * Independent model of the rule: status at D = last event on or before D; 复核中 holds whatever the expiry; 已认定
 * holds until its term's expiry — the given expiresOn for the first recognition, three years for a little giant's
 * or champion's re-recognition, none for other re-recognised types.
 */
function holdsAt(d: WorldDesignation, date: string): boolean {
  const events = d.events.filter((e) => e.on <= date);
  const last = events[events.length - 1];
  if (!last || !HOLDING.includes(last.to)) return false;
  if (last.to === 'UNDER_REVIEW') return true;
  const recognised = events.filter((e) => e.to === 'RECOGNISED');
  const term = recognised.length === 1 && d.events[0].to === 'RECOGNISED' ? d.expiresOn : null;
  const threeYears = (on: string) => `${Number(on.slice(0, 4)) + 3}${on.slice(4)}`;
  const expiry = term ?? (['LITTLE_GIANT', 'SINGLE_CHAMPION'].includes(d.type) ? threeYears(last.on) : null);
  return !(expiry && expiry < date);
}

function binary(res: NodeJS.ReadableStream & { setEncoding(e: string): void }, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('quota plans, progress and quarterly reports', () => {
  let t: TestApp;
  let staff: Record<string, string>;
  let world: CultivationWorld;
  const designations: WorldDesignation[] = [];
  let chainX: string;
  let a: string, b: string, c: string, d: string;
  let revocableB: string;

  const progress = async (asOf: string, query = '') => {
    const res = await t.http.get(`/api/v1/quota-plans/2022/progress?asOf=${asOf}${query}`).set(staff).expect(200);
    return Object.fromEntries(res.body.lines.map((l: { code: string }) => [l.code, l])) as Record<string, Record<string, unknown> & { actual: number; splits: { districtCode: string; chainId: string }[] }>;
  };
  const download = async (format: string, quarter = 2) =>
    (await t.http.get(`/api/v1/reports/quarterly/2022/${quarter}?format=${format}`).set(staff).buffer(true).parse(binary as never).expect(200)).body as Buffer;

  beforeAll(async () => {
    t = await createTestApp();
    // These tests exercise manual reports on DIGITAL_TRANSFORMATION_PROJECTS as it was seeded before it became a
    // computed project line (issue 15): a plan where staff keep it manual. Project lines are tested in projects.e2e-spec.
    await t.sql(`UPDATE quota_line SET measure_kind = 'MANUAL', measure_params = '{}' WHERE code = 'DIGITAL_TRANSFORMATION_PROJECTS'`);
    staff = await t.as('BUREAU_STAFF');
    world = new CultivationWorld(t, staff);
    [chainX] = await world.chainIds();
    a = await world.enterprise({ districtCode: '330211' });
    b = await world.enterprise({ districtCode: '330212' });
    c = await world.enterprise({ districtCode: '330211', landAreaMu: 50 });
    d = await world.enterprise({ districtCode: '330212', landAreaMu: 50 });
    const add = async (x: WorldDesignation) => {
      designations.push(x);
      return world.designation(x);
    };
    await add({ enterpriseId: a, type: 'CHAIN_LEADER', level: 'MUNICIPAL', chainId: chainX, events: [{ to: 'RECOGNISED', on: '2022-02-10' }, { to: 'REVOKED', on: '2022-08-15' }] });
    revocableB = await add({ enterpriseId: b, type: 'CHAIN_LEADER', level: 'MUNICIPAL', chainId: chainX, events: [{ to: 'RECOGNISED', on: '2021-05-01' }] });
    await add({ enterpriseId: c, type: 'LITTLE_GIANT', level: 'NATIONAL', events: [{ to: 'CANDIDATE', on: '2022-01-05' }, { to: 'RECOGNISED', on: '2022-07-20' }] });
    // Recorded with a validity beyond today: transitions are judged against the status as it reads today, so a
    // 2019 recognition already lapsed by today (the default three years) could not be put under review after
    // the fact. Re-recognition on 2022-09-01 then sets expiresOn to 2025-09-01; no 2022 number reads it.
    await add({
      enterpriseId: d,
      type: 'LITTLE_GIANT',
      level: 'NATIONAL',
      expiresOn: '2099-12-31',
      events: [{ to: 'RECOGNISED', on: '2019-07-01' }, { to: 'UNDER_REVIEW', on: '2022-07-01' }, { to: 'RECOGNISED', on: '2022-09-01' }],
    });
    await add({ enterpriseId: c, type: 'SINGLE_CHAMPION', level: 'NATIONAL', expiresOn: '2022-06-30', events: [{ to: 'RECOGNISED', on: '2022-03-01' }] });
    await add({ enterpriseId: a, type: 'BIG_EXCELLENT_STRONG', level: 'MUNICIPAL', events: [{ to: 'RECOGNISED', on: '2021-01-01' }] });
    await add({ enterpriseId: b, type: 'BIG_EXCELLENT_STRONG', level: 'MUNICIPAL', events: [{ to: 'RECOGNISED', on: '2022-05-01' }] });
    await world.community({ name: '稀土磁材共同体', chainId: chainX, leadEnterpriseId: b, formedOn: '2022-04-01' });
    await world.community({ name: '第二共同体', chainId: chainX, leadEnterpriseId: b, formedOn: '2022-10-01' });
    await world.community({ name: '上年共同体', chainId: chainX, leadEnterpriseId: b, formedOn: '2021-12-01' });
    await world.figures(a, 2021, { operatingRevenueYuan: 8e9, industrialOutputYuan: 100e8 });
    await world.figures(a, 2022, { operatingRevenueYuan: 1.2e10, industrialOutputYuan: 130e8 });
    await world.figures(b, 2021, { operatingRevenueYuan: 6e10, industrialOutputYuan: 200e8 });
    await world.figures(b, 2022, { operatingRevenueYuan: 6.5e10, industrialOutputYuan: 250e8 });
    await world.figures(c, 2021, { taxPaidYuan: 300000 });
    await world.figures(c, 2022, { taxPaidYuan: 100000 });
    await world.figures(d, 2021, { taxPaidYuan: 200000 });
    await world.figures(d, 2022, { taxPaidYuan: 1000000 });
  });
  afterAll(() => t.close());

  it('seeds every line of the 2022 plan', async () => {
    const res = await t.http.get('/api/v1/quota-plans/2022').set(staff).expect(200);
    const targets = Object.fromEntries(res.body.lines.map((l: { code: string; target: number }) => [l.code, l.target]));
    expect(res.body.lines).toHaveLength(26);
    expect(targets).toMatchObject({ CHAIN_LEADERS: 10, CHAIN_CORES: 100, CHAIN_BASES: 300, COMMUNITIES_FORMED: 10, BIG_EXCELLENT_STRONG_OUTPUT: 20, NEW_SCALE_50B: 2, NEW_SCALE_10B: 3 });
    expect(targets).toMatchObject({ NEW_SINGLE_CHAMPIONS: 18, NEW_LITTLE_GIANTS: 120, INDUSTRY_BRAINS: 10, DIGITAL_TRANSFORMATION_PROJECTS: 1000, GREEN_FACTORIES: 500, TAX_PER_MU_BELOW_10K: 0 });
    expect(targets).toMatchObject({ SHUANGBAI_INVESTMENT: 570, EXPANSION_PROJECTS: 775, EXPANSION_INVESTMENT: 557, INDUSTRIAL_INVESTMENT_GROWTH: 30, SCATTERED_WEAK: 1500 });
  });

  it('shows the registry state at each as-of date, including designations revoked or expired later', async () => {
    for (const asOf of ['2022-03-31', '2022-06-30', '2022-09-30', '2022-12-31']) {
      const lines = await progress(asOf);
      const held = (type: string) => new Set(designations.filter((x) => x.type === type && holdsAt(x, asOf)).map((x) => x.enterpriseId)).size;
      const isNew = (type: string) =>
        new Set(
          designations
            .filter((x) => x.type === type && x.level === 'NATIONAL' && holdsAt(x, asOf))
            .filter((x) => {
              const first = designations.filter((y) => y.enterpriseId === x.enterpriseId && y.type === type).flatMap((y) => y.events.filter((e) => e.to === 'RECOGNISED' && e.on <= asOf).map((e) => e.on)).sort()[0];
              return first >= '2022-01-01';
            })
            .map((x) => x.enterpriseId),
        ).size;
      expect([asOf, lines.CHAIN_LEADERS.actual]).toEqual([asOf, held('CHAIN_LEADER')]);
      expect([asOf, lines.NEW_LITTLE_GIANTS.actual]).toEqual([asOf, isNew('LITTLE_GIANT')]);
      expect([asOf, lines.NEW_SINGLE_CHAMPIONS.actual]).toEqual([asOf, isNew('SINGLE_CHAMPION')]);
      expect([asOf, lines.COMMUNITIES_FORMED.actual]).toEqual([asOf, ['2022-04-01', '2022-10-01'].filter((f) => f <= asOf).length]);
      const cohort = designations.filter((x) => x.type === 'BIG_EXCELLENT_STRONG' && holdsAt(x, asOf)).map((x) => x.enterpriseId);
      const output = { [a]: [100, 130], [b]: [200, 250] };
      const growth = (cohort.reduce((s, id) => s + output[id][1], 0) / cohort.reduce((s, id) => s + output[id][0], 0) - 1) * 100;
      expect(lines.BIG_EXCELLENT_STRONG_OUTPUT.actual).toBeCloseTo(growth, 2);
      expect(lines.NEW_SCALE_10B.actual).toBe(1);
      expect(lines.NEW_SCALE_50B.actual).toBe(0);
      expect(lines.TAX_PER_MU_BELOW_10K.actual).toBe(1);
    }
    // Spot values a reader can check by eye.
    expect((await progress('2022-06-30')).CHAIN_LEADERS).toMatchObject({ actual: 2, target: 10, percent: 20, status: 'BEHIND', statusLabel: '进度滞后' });
    expect((await progress('2022-09-30')).CHAIN_LEADERS.actual).toBe(1);
    expect((await progress('2022-06-30')).NEW_SINGLE_CHAMPIONS.actual).toBe(1);
    expect((await progress('2022-07-01')).NEW_SINGLE_CHAMPIONS.actual).toBe(0);
    expect((await progress('2022-12-31')).NEW_SCALE_10B).toMatchObject({ status: 'BEHIND' });
  });

  it('judges a count driven to zero against last year-end, and marks met targets', async () => {
    const lines = await progress('2022-06-30');
    // Two firms were below 1万元/亩 at the end of 2021, one is now: half-way is on track.
    expect(lines.TAX_PER_MU_BELOW_10K).toMatchObject({ target: 0, actual: 1, percent: 50, status: 'ON_TRACK', statusLabel: '进度正常' });
    expect(lines.BIG_EXCELLENT_STRONG_OUTPUT).toMatchObject({ status: 'MET', statusLabel: '已完成' });
  });

  it('lists the enterprises behind a count at a date', async () => {
    const before = await t.http.get('/api/v1/quota-plans/2022/progress/lines/CHAIN_LEADERS/enterprises?asOf=2022-06-30').set(staff).expect(200);
    expect(before.body.items.map((r: { enterpriseId: string }) => r.enterpriseId).sort()).toEqual([a, b].sort());
    expect(before.body.meta).toEqual({ page: 1, pageSize: 25, total: 2 });
    const after = await t.http.get('/api/v1/quota-plans/2022/progress/lines/CHAIN_LEADERS/enterprises?asOf=2022-09-30&pageSize=1').set(staff).expect(200);
    expect(after.body).toMatchObject({ items: [{ enterpriseId: b }], meta: { total: 1 } });
  });

  it('takes manual values with evidence: the latest report on or before the date counts', async () => {
    const url = '/api/v1/quota-plans/2022/lines/DIGITAL_TRANSFORMATION_PROJECTS/reports';
    await t.http.post(url).set(staff).send({ value: 300, reportedOn: '2022-05-10', evidence: '市经信局数字化改造项目清单(5月)' }).expect(201);
    await t.http.post(url).set(staff).send({ value: 600, reportedOn: '2022-08-01', evidence: '清单(8月)' }).expect(201);
    expect((await progress('2022-06-30')).DIGITAL_TRANSFORMATION_PROJECTS).toMatchObject({ actual: 300, status: 'BEHIND', evidence: '市经信局数字化改造项目清单(5月)' });
    expect((await progress('2022-09-30')).DIGITAL_TRANSFORMATION_PROJECTS.actual).toBe(600);
    const computed = await t.http.post('/api/v1/quota-plans/2022/lines/CHAIN_LEADERS/reports').set(staff).send({ value: 1, reportedOn: '2022-05-10', evidence: 'x' }).expect(409);
    expect(computed.body.code).toBe('QUOTA_LINE_NOT_MANUAL');
    const viewer = await t.as('VIEWER');
    await t.http.post(url).set(viewer).send({ value: 1, reportedOn: '2022-05-10', evidence: 'x' }).expect(403);
  });

  it('shows progress at each district and chain split, and filters by district', async () => {
    const plan = await t.http.get('/api/v1/quota-plans/2022').set(staff).expect(200);
    const line = plan.body.lines.find((l: { code: string }) => l.code === 'CHAIN_LEADERS');
    const splits = [{ districtCode: '330211', target: 5 }, { districtCode: '330212', target: 5 }, { chainId: chainX, target: 10 }];
    await t.http.patch('/api/v1/quota-plans/2022/lines/CHAIN_LEADERS').set(staff).send({ splits, version: line.version }).expect(200);
    await t.http.patch('/api/v1/quota-plans/2022/lines/CHAIN_LEADERS').set(staff).send({ target: 11, version: line.version }).expect(409);
    const lines = await progress('2022-06-30');
    const byName = Object.fromEntries(lines.CHAIN_LEADERS.splits.map((s: { districtCode: string; chainId: string }) => [s.districtCode ?? s.chainId, s]));
    expect(byName['330211']).toMatchObject({ kind: 'DISTRICT', name: '镇海区', target: 5, actual: 1 });
    expect(byName['330212']).toMatchObject({ target: 5, actual: 1 });
    expect(byName[chainX]).toMatchObject({ kind: 'CHAIN', target: 10, actual: 2 });
    const district = await progress('2022-09-30', '&districtCode=330212');
    expect(district.CHAIN_LEADERS).toMatchObject({ target: 5, actual: 1 });
    expect(district.CHAIN_CORES).toMatchObject({ target: null, status: 'NO_TARGET' });
  });

  it('freezes a quarter once; its report never changes, in every format, after later edits', async () => {
    const viewer = await t.as('VIEWER');
    await t.http.post('/api/v1/quota-plans/2022/quarters/2/snapshot').set(viewer).expect(403);
    await t.http.get('/api/v1/reports/quarterly/2022/2?format=json').set(staff).expect(404);
    const frozen = await t.http.post('/api/v1/quota-plans/2022/quarters/2/snapshot').set(staff).expect(201);
    expect(frozen.body).toMatchObject({ year: 2022, quarter: 2, asOf: '2022-06-30', lineCount: 26 });
    const again = await t.http.post('/api/v1/quota-plans/2022/quarters/2/snapshot').set(staff).expect(409);
    expect(again.body.code).toBe('ALREADY_FROZEN');

    const first: Record<string, Buffer> = {};
    for (const format of ['json', 'csv', 'xlsx', 'pdf']) {
      first[format] = await download(format);
      expect([format, Buffer.compare(first[format], await download(format))]).toEqual([format, 0]);
    }
    // A later edit: B's chain-leader title revoked back-dated into Q2, and a new manual value.
    await world.events(revocableB, [{ to: 'REVOKED', on: '2022-05-01' }]);
    await t.http.post('/api/v1/quota-plans/2022/lines/DIGITAL_TRANSFORMATION_PROJECTS/reports').set(staff).send({ value: 450, reportedOn: '2022-06-01', evidence: '补报' }).expect(201);
    expect((await progress('2022-06-30')).CHAIN_LEADERS.actual).toBe(1);
    for (const format of ['json', 'csv', 'xlsx', 'pdf']) {
      const later = await download(format);
      expect([format, later.length, Buffer.compare(first[format], later)]).toEqual([format, first[format].length, 0]);
    }

    const report = JSON.parse(first.json.toString('utf8'));
    const leaders = report.lines.find((l: { code: string }) => l.code === 'CHAIN_LEADERS');
    expect(leaders).toMatchObject({ actual: 2, target: 10 });
    expect(report.drillDown.CHAIN_LEADERS).toHaveLength(2);

    // CSV: BOM, Chinese headers, parses back.
    expect(first.csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(first.csv.toString('utf8').slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r['指标代码'] === 'CHAIN_LEADERS' && r['范围'] === '全市')).toMatchObject({ 指标: '培育链主企业', 目标值: '10', 完成值: '2', 进度状态: '进度滞后' });
    expect(rows.find((r) => r['范围'] === '区县:镇海区')).toMatchObject({ 完成值: '1' });

    // XLSX: summary sheet plus one sheet per line.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(first.xlsx as never);
    // Title, then the freeze note, then the header row (report-files.e2e-spec checks the layout in detail).
    const summary = workbook.getWorksheet('汇总')!;
    expect(summary.getRow(3).getCell(2).value).toBe('指标');
    const summaryRow = summary.getRows(4, 26)!.find((r) => r.getCell(12).value === 'CHAIN_LEADERS')!;
    expect(summaryRow.getCell(2).value).toBe('培育链主企业');
    expect(summaryRow.getCell(6).value).toBe(2);
    expect(workbook.worksheets).toHaveLength(2 + 26);
    // Title, header and the two leaders.
    expect(workbook.getWorksheet('培育链主企业')!.rowCount).toBe(4);

    // PDF: the first page renders and is not blank.
    expect(first.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'cr-pdf-'));
    writeFileSync(join(dir, 'r.pdf'), first.pdf);
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', join(dir, 'r.pdf'), join(dir, 'page')]);
    const png = join(dir, 'page-1.png');
    expect(statSync(png).size).toBeGreaterThan(15_000);
    copyFileSync(png, join(tmpdir(), 'report-page1-test.png'));
    // The Chinese text is real text in an embedded font, not boxes.
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', join(dir, 'r.pdf'), '-']).toString('utf8');
    expect(text).toContain('培育链主企业');
    expect(text).toContain('进度滞后');
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
  });

  it('writes the same frozen report from the CLI', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cr-cli-')), 'q2.xlsx');
    const printed: string[] = [];
    await reportQuarterlyCommand(t.app, { year: '2022', quarter: '2', format: 'xlsx', out }, (line) => printed.push(line));
    expect(Buffer.compare(readFileSync(out), await download('xlsx'))).toBe(0);
    expect(printed[0]).toContain('q2.xlsx');
  });

  it('compares a quarter with the one before', async () => {
    const res = await t.http.get('/api/v1/quota-plans/2022/quarters/3/compare').set(staff).expect(200);
    expect(res.body).toMatchObject({ quarter: 3, source: 'LIVE', previousQuarter: 2, previousSource: 'FROZEN' });
    const leaders = res.body.lines.find((l: { code: string }) => l.code === 'CHAIN_LEADERS');
    // Q2 as frozen (2 leaders) against Q3 now (A revoked in August, B's back-dated revocation): 0.
    expect(leaders).toMatchObject({ previousActual: 2, actual: 0, change: -2 });
  });
  it('restricts a district officer to their district: progress, drill-down, comparison and the frozen report', async () => {
    const officer = await t.as('DISTRICT_STAFF', { districtCodes: ['330211'] });
    const both = await t.as('DISTRICT_STAFF', { districtCodes: ['330211', '330213'] });
    const inDistrict = new Set([a, c]);
    const ent = async (id: string) => (await t.http.get(`/api/v1/enterprises/${id}`).set(staff).expect(200)).body as { name: string; creditCode: string };
    const [entA, entB, entD] = [await ent(a), await ent(b), await ent(d)];

    for (const asOf of ['2022-03-31', '2022-06-30', '2022-12-31']) {
      // Computed here over 镇海区 (330211) only: A and C; B and D are in another district.
      const mine = designations.filter((x) => inDistrict.has(x.enterpriseId) && holdsAt(x, asOf));
      const held = (type: string) => new Set(mine.filter((x) => x.type === type).map((x) => x.enterpriseId)).size;
      for (const headers of [officer, both]) {
        const res = await t.http.get(`/api/v1/quota-plans/2022/progress?asOf=${asOf}`).set(headers).expect(200);
        const lines = Object.fromEntries(res.body.lines.map((l: { code: string }) => [l.code, l])) as Record<string, { actual: number; target: number | null; splits: { districtCode: string }[] }>;
        expect([asOf, lines.CHAIN_LEADERS.actual]).toEqual([asOf, held('CHAIN_LEADER')]);
        expect([asOf, lines.COMMUNITIES_FORMED.actual]).toEqual([asOf, 0]); // every community is led by B
        expect(lines.NEW_SCALE_10B.actual).toBe(1); // A crossed 100亿 in 2022; B was already above it
        expect(lines.TAX_PER_MU_BELOW_10K.actual).toBe(1); // C only
        // Their district's target, and no split of another district.
        expect(lines.CHAIN_LEADERS.target).toBe(5);
        expect(lines.CHAIN_LEADERS.splits.every((s) => s.districtCode === '330211')).toBe(true);
      }
    }
    const named = await t.http.get('/api/v1/quota-plans/2022/progress?asOf=2022-06-30&districtCode=330211').set(officer).expect(200);
    expect(named.body).toMatchObject({ districtCode: '330211' });
    const several = await t.http.get('/api/v1/quota-plans/2022/progress?asOf=2022-06-30').set(both).expect(200);
    expect(several.body).toMatchObject({ districtCode: null, districtCodes: ['330211', '330213'] });

    // Another district by name → 403 OUT_OF_SCOPE, on progress and drill-down alike.
    for (const url of ['/api/v1/quota-plans/2022/progress?asOf=2022-06-30&districtCode=330212', '/api/v1/quota-plans/2022/progress/lines/CHAIN_LEADERS/enterprises?asOf=2022-06-30&districtCode=330212']) {
      const refused = await t.http.get(url).set(officer).expect(403);
      expect(refused.body).toMatchObject({ code: 'OUT_OF_SCOPE', errors: [{ field: 'districtCode' }] });
    }
    const drill = await t.http.get('/api/v1/quota-plans/2022/progress/lines/CHAIN_LEADERS/enterprises?asOf=2022-06-30').set(officer).expect(200);
    expect(drill.body.items.map((r: { enterpriseId: string }) => r.enterpriseId)).toEqual([a]);
    const compare = await t.http.get('/api/v1/quota-plans/2022/quarters/3/compare').set(officer).expect(200);
    expect(compare.body).toMatchObject({ source: 'LIVE', previousSource: 'LIVE' });
    expect(compare.body.lines.find((l: { code: string }) => l.code === 'CHAIN_LEADERS')).toMatchObject({ previousActual: 1, actual: 0 });

    // The frozen Q2 report: their splits and enterprises, no city totals, nothing of another district.
    const get = async (format: string) => (await t.http.get(`/api/v1/reports/quarterly/2022/2?format=${format}`).set(officer).buffer(true).parse(binary as never).expect(200)).body as Buffer;
    const json = JSON.parse((await get('json')).toString('utf8'));
    expect(json.districtCodes).toEqual(['330211']);
    expect(json.lines.find((l: { code: string }) => l.code === 'CHAIN_LEADERS')).toMatchObject({ actual: null, target: null, splits: [{ districtCode: '330211', actual: 1 }] });
    expect(json.drillDown.CHAIN_LEADERS.map((r: { enterpriseId: string }) => r.enterpriseId)).toEqual([a]);
    const csv = await get('csv');
    const rows = parse(csv.toString('utf8').slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.filter((r) => r['范围'] === '全市')).toEqual([]);
    const listed = rows.filter((r) => r['范围'] === '企业明细');
    expect(listed.find((r) => r['指标代码'] === 'CHAIN_LEADERS')).toMatchObject({ 统一社会信用代码: entA.creditCode, 企业名称: entA.name, 区县代码: '330211' });
    expect(listed.every((r) => r['区县代码'] === '330211')).toBe(true);
    for (const other of [entB, entD]) {
      expect(csv.toString('utf8')).not.toContain(other.creditCode);
      expect(listed.map((r) => r['企业名称'])).not.toContain(other.name);
    }
    // The city's CSV does list B, so the check above is not vacuous.
    expect((await download('csv')).toString('utf8')).toContain(entB.creditCode);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await get('xlsx')) as never);
    const cells = workbook.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
    expect(cells).toContain(entA.creditCode);
    expect(cells).not.toContain(entB.creditCode);
    expect(cells).not.toContain(entD.creditCode);
    expect((await get('pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(Buffer.compare(csv, await get('csv'))).toBe(0);
  });

  it('gives liaisons no progress and no reports', async () => {
    const liaison = await t.as('LIAISON', { enterpriseIds: [a] });
    await t.http.get('/api/v1/quota-plans/2022/progress?asOf=2022-06-30').set(liaison).expect(403);
    await t.http.get('/api/v1/reports/quarterly/2022/2?format=csv').set(liaison).expect(403);
  });
});
