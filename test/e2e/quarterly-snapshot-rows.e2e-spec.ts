import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

import { binary } from '../setup/binary';
import { CultivationWorld } from '../setup/cultivation-world';
import { createTestApp, TestApp } from '../setup/test-app';

type Row = { enterpriseId: string | null; creditCode: string | null; name: string | null; districtCode: string; detail: string; currentValue: number | null; previousValue: number | null };
type Report = { lines: { code: string; label: string; lackingFigures: number | null }[]; drillDown: Record<string, Row[]>; lackingFigures?: Record<string, Row[]>; districtCodes?: string[] };

/** Firms below 1万元 of tax per mu written straight into the registry: more than two read-back chunks (1,000 rows each). */
const BULK = 2100;
const bulkName = (i: number) => `批量低效企业${String(i).padStart(4, '0')}`;
const bulkTax = (i: number) => 100_000 + i; // on 100 mu: 1,000.01 … 1,021.00 元/亩

/**
 * A frozen quarter keeps the rows behind each line as they were on its as-of date, stored apart from the
 * payload and streamed into every format. Expected values are the test's own: names and codes it registered,
 * tax per mu from its own figures.
 */
describe('a frozen quarter keeps the rows behind its lines', () => {
  let t: TestApp;
  let staff: Record<string, string>;
  let world: CultivationWorld;
  let leader: { id: string; creditCode: string; name: string };
  let lowTax: { id: string; creditCode: string; name: string };
  let grower: string;
  let lacking: string;
  let app: string;
  const first: Record<string, Buffer> = {};

  const get = async (format: string, who = staff, quarter = 2) =>
    (await t.http.get(`/api/v1/reports/quarterly/2022/${quarter}?format=${format}`).set(who).buffer(true).parse(binary as never).expect(200)).body as Buffer;
  const json = (bytes: Buffer) => JSON.parse(bytes.toString('utf8')) as Report;
  const csv = (bytes: Buffer) => parse(bytes.toString('utf8').slice(1), { columns: true }) as Record<string, string>[];
  const workbook = async (bytes: Buffer) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as never);
    return book;
  };
  /** A line's sheet: the one titled with the line's label; its rows after the title and header. */
  const sheetRows = (book: ExcelJS.Workbook, label: string) => {
    const sheet = book.worksheets.find((s) => String(s.getCell('A1').value).startsWith(label))!;
    return sheet.getRows(3, sheet.rowCount - 2)!.map((r) => (r.values as unknown[]).slice(1));
  };
  const ent = async (id: string) => (await t.http.get(`/api/v1/enterprises/${id}`).set(staff).expect(200)).body as { id: string; creditCode: string; name: string; version: number };

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.as('BUREAU_STAFF');
    world = new CultivationWorld(t, staff);
    const [chain] = await world.chainIds();
    leader = await ent(await world.enterprise({ name: '宁波甬江链主精密机械有限公司', districtCode: '330211' }));
    await world.designation({ enterpriseId: leader.id, type: 'CHAIN_LEADER', level: 'MUNICIPAL', chainId: chain, events: [{ to: 'RECOGNISED', on: '2022-02-10' }] });
    lowTax = await ent(await world.enterprise({ name: '宁波北仑低效铸造有限公司', districtCode: '330206', landAreaMu: 100 }));
    await world.figures(lowTax.id, 2022, { taxPaidYuan: 300_000 }); // 3,000 元/亩
    grower = await world.enterprise({ districtCode: '330206' });
    lacking = await world.enterprise({ districtCode: '330211' });
    for (const id of [grower, lacking]) await world.designation({ enterpriseId: id, type: 'BIG_EXCELLENT_STRONG', level: 'MUNICIPAL', events: [{ to: 'RECOGNISED', on: '2022-02-01' }] });
    await world.figures(grower, 2021, { industrialOutputYuan: 1_000_000 });
    await world.figures(grower, 2022, { industrialOutputYuan: 1_250_000 });
    await world.figures(lacking, 2022, { industrialOutputYuan: 9_000_000 });
    // A recognised app whose carrier has no operating enterprise: a row with no enterprise.
    app = await world.carrier({ kind: 'INDUSTRY_BRAIN_APP', name: '甬江特色应用', districtCode: '330206' });
    await world.carrierDesignation({ carrierId: app, type: 'INDUSTRY_BRAIN_APP', level: 'PROVINCIAL', events: [{ to: 'RECOGNISED', on: '2022-05-20' }] });
    await t.sql(
      `WITH e AS (
         INSERT INTO enterprise (credit_code, name, district_code, industry_code, industry_section, land_area_mu, version)
         SELECT '91330203B' || lpad(i::text, 9, '0'), '批量低效企业' || lpad(i::text, 4, '0'), '330203', '3411', 'C', 100, 1 FROM generate_series(1, $1::int) i
         RETURNING id, name)
       INSERT INTO enterprise_figure (enterprise_id, year, quarter, tax_paid_yuan, version)
       SELECT e.id, 2022, 0, 100000 + substr(e.name, 7)::int, 1 FROM e`,
      [BULK],
    );
    await t.http.post('/api/v1/quota-plans/2022/quarters/2/snapshot').set(staff).expect(201);
    for (const format of ['json', 'csv', 'xlsx']) first[format] = await get(format);
  });
  afterAll(() => t.close());

  it('lists every row behind each line, in name order, with the values of the as-of date', async () => {
    const report = json(first.json);
    expect(report.drillDown.CHAIN_LEADERS).toEqual([
      { enterpriseId: leader.id, creditCode: leader.creditCode, name: '宁波甬江链主精密机械有限公司', districtCode: '330211', detail: '市级 认定于 2022-02-10', currentValue: null, previousValue: null },
    ]);
    // The tax line: the test's firm and the 2,100 written ones, in the database's name order, across batches.
    const expected = [
      { name: lowTax.name, creditCode: lowTax.creditCode, districtCode: '330206', tax: 3000 },
      ...Array.from({ length: BULK }, (_, k) => ({ name: bulkName(k + 1), creditCode: `91330203B${String(k + 1).padStart(9, '0')}`, districtCode: '330203', tax: bulkTax(k + 1) / 100 })),
    ];
    const order = (await t.sql<{ n: string }>(`SELECT n FROM unnest($1::text[]) n ORDER BY n`, [expected.map((e) => e.name)])).map((r) => r.n);
    expected.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
    const tax = report.drillDown.TAX_PER_MU_BELOW_10K;
    expect(tax).toHaveLength(BULK + 1);
    expect(tax.map((r) => [r.name, r.creditCode, r.districtCode, r.currentValue, r.detail])).toEqual(
      expected.map((e) => [e.name, e.creditCode, e.districtCode, e.tax, `2022 年亩均税收 ${e.tax.toFixed(2)} 元/亩`]),
    );
    // Growth: the firm with both years in the rate, the one lacking 2021 listed apart.
    expect(report.drillDown.BIG_EXCELLENT_STRONG_OUTPUT.map((r) => [r.enterpriseId, r.currentValue, r.previousValue])).toEqual([[grower, 1_250_000, 1_000_000]]);
    expect(report.lackingFigures!.BIG_EXCELLENT_STRONG_OUTPUT.map((r) => [r.enterpriseId, r.currentValue, r.previousValue])).toEqual([[lacking, 9_000_000, null]]);
    expect(Object.keys(report.lackingFigures!)).toEqual(['BIG_EXCELLENT_STRONG_OUTPUT']);
    const [appRow] = report.drillDown.INDUSTRY_BRAIN_APPS;
    expect(appRow).toMatchObject({ enterpriseId: null, creditCode: null, name: null, districtCode: '330206' });
    expect(appRow.detail).toMatch(/^甬江特色应用 .* 省级 认定于 2022-05-20$/);
    // Every line has its list, a manual one an empty one.
    expect(Object.keys(report.drillDown).sort()).toEqual(report.lines.map((l) => l.code).sort());
    expect(report.drillDown.INDUSTRIAL_INVESTMENT_GROWTH).toEqual([]);

    // The CSV and the XLSX list the same rows.
    const rows = csv(first.csv).filter((r) => r['指标代码'] === 'TAX_PER_MU_BELOW_10K' && r['范围'] === '企业明细');
    expect(rows.map((r) => [r['企业名称'], r['完成值'], r['区县代码']])).toEqual(expected.map((e) => [e.name, String(e.tax), e.districtCode]));
    const apart = csv(first.csv).filter((r) => r['范围'] === '缺少数据企业');
    expect(apart).toEqual([expect.objectContaining({ 指标代码: 'BIG_EXCELLENT_STRONG_OUTPUT', 区县代码: '330211', 区县: '镇海区', 完成值: '9000000' })]);
    const taxLabel = report.lines.find((l) => l.code === 'TAX_PER_MU_BELOW_10K')!.label;
    const sheet = sheetRows(await workbook(first.xlsx), taxLabel);
    expect(sheet.map((r) => [r[1], r[4]])).toEqual(expected.map((e) => [e.name, e.tax]));
  });

  it('keeps the rows in a table, not in the stored payload', async () => {
    const [stored] = await t.sql<{ payload: string }>(`SELECT payload FROM quota_snapshot WHERE quarter = 2`);
    expect(stored.payload).not.toContain(lowTax.creditCode);
    expect(JSON.parse(stored.payload)).not.toHaveProperty('drillDown');
  });

  it('shows the same rows, names and values after a rename, a figure edit and a back-dated designation', async () => {
    const [chain] = await world.chainIds();
    const before = await ent(leader.id);
    await t.http.patch(`/api/v1/enterprises/${leader.id}`).set(staff).send({ version: before.version, name: '宁波改名后链主集团有限公司' }).expect(200);
    const edit = (id: string, figures: Record<string, number>) => t.http.put(`/api/v1/enterprises/${id}/figures/2022`).set(staff).send({ ...figures, version: 1 }).expect((res) => expect(res.status).toBeLessThan(300));
    await edit(lowTax.id, { taxPaidYuan: 5_000_000 }); // 50,000 元/亩: no longer below 1万
    await edit(grower, { industrialOutputYuan: 3_000_000 });
    const late = await world.enterprise({ districtCode: '330211' });
    await world.designation({ enterpriseId: late, type: 'CHAIN_LEADER', level: 'MUNICIPAL', chainId: chain, events: [{ to: 'RECOGNISED', on: '2022-03-01' }] });
    // The registry now says otherwise for 2022-06-30 …
    const live = async (code: string) =>
      (await t.http.get(`/api/v1/quota-plans/2022/progress/lines/${code}/enterprises?asOf=2022-06-30&pageSize=100`).set(staff).expect(200)).body.items as Row[];
    expect((await live('CHAIN_LEADERS')).map((r) => r.name).sort()).toEqual(['宁波改名后链主集团有限公司', (await ent(late)).name].sort());
    expect((await live('TAX_PER_MU_BELOW_10K')).map((r) => r.enterpriseId)).not.toContain(lowTax.id);

    // … and the frozen report does not: the same bytes in every format,
    for (const format of ['json', 'csv', 'xlsx']) expect([format, Buffer.compare(first[format], await get(format))]).toEqual([format, 0]);
    // with the names and values as they were frozen.
    const report = json(await get('json'));
    expect(report.drillDown.CHAIN_LEADERS.map((r) => [r.enterpriseId, r.name])).toEqual([[leader.id, '宁波甬江链主精密机械有限公司']]);
    expect(report.drillDown.TAX_PER_MU_BELOW_10K.find((r) => r.enterpriseId === lowTax.id)).toMatchObject({ currentValue: 3000, detail: '2022 年亩均税收 3000.00 元/亩' });
    expect(report.drillDown.BIG_EXCELLENT_STRONG_OUTPUT).toEqual([expect.objectContaining({ enterpriseId: grower, currentValue: 1_250_000, previousValue: 1_000_000 })]);
    const listed = csv(await get('csv')).find((r) => r['指标代码'] === 'CHAIN_LEADERS' && r['范围'] === '企业明细')!;
    expect(listed).toMatchObject({ 统一社会信用代码: leader.creditCode, 企业名称: '宁波甬江链主精密机械有限公司', 说明: '市级 认定于 2022-02-10' });
    const leaders = sheetRows(await workbook(await get('xlsx')), '培育链主企业');
    expect(leaders).toEqual([[leader.creditCode, '宁波甬江链主精密机械有限公司', '镇海区', '市级 认定于 2022-02-10']]);

    // A district officer's view: their rows only, with the frozen name.
    const zhenhai = await t.as('DISTRICT_STAFF', { districtCodes: ['330211'] });
    const view = json(await get('json', zhenhai));
    expect(view.districtCodes).toEqual(['330211']);
    expect(view.drillDown.CHAIN_LEADERS.map((r) => r.name)).toEqual(['宁波甬江链主精密机械有限公司']);
    expect(view.drillDown.TAX_PER_MU_BELOW_10K).toEqual([]);
    expect(view.lackingFigures!.BIG_EXCELLENT_STRONG_OUTPUT.map((r) => r.enterpriseId)).toEqual([lacking]);
    const beilun = await t.as('DISTRICT_STAFF', { districtCodes: ['330206'] });
    expect(json(await get('json', beilun)).drillDown.TAX_PER_MU_BELOW_10K.map((r) => r.enterpriseId)).toEqual([lowTax.id]);
  });

  it('reads a quarter frozen with its rows inside the payload, as it was stored', async () => {
    const [plan] = await t.sql<{ id: string }>(`SELECT id FROM quota_plan WHERE year = 2022`);
    const lines = json(first.json).lines;
    const row = { enterpriseId: leader.id, creditCode: '91330211MA2AAAAA0X', name: '旧格式链主企业', districtCode: '330211', detail: 'MUNICIPAL 认定于 2022-01-05', currentValue: null, previousValue: null };
    const payload = {
      year: 2022, quarter: 3, asOf: '2022-09-30', title: '旧格式', sourceDocument: '甬政办发〔2022〕12号', planVersion: 1, frozenAt: '2022-10-01T01:00:00.000Z', frozenBy: 'legacy',
      elapsedShare: 0.7479, lines,
      drillDown: Object.fromEntries(lines.map((l) => [l.code, l.code === 'CHAIN_LEADERS' ? [row] : []])),
    };
    const text = JSON.stringify(payload);
    await t.sql(`INSERT INTO quota_snapshot (plan_id, year, quarter, as_of, payload, frozen_by_username, frozen_at) VALUES ($1, 2022, 3, '2022-09-30', $2, 'legacy', '2022-10-01T01:00:00Z')`, [plan.id, text]);

    expect((await get('json', staff, 3)).toString('utf8')).toBe(text);
    const listed = csv(await get('csv', staff, 3)).filter((r) => r['范围'] === '企业明细');
    expect(listed).toEqual([expect.objectContaining({ 指标代码: 'CHAIN_LEADERS', 统一社会信用代码: row.creditCode, 企业名称: '旧格式链主企业', 区县: '镇海区', 说明: '市级 认定于 2022-01-05' })]);
    expect(sheetRows(await workbook(await get('xlsx', staff, 3)), '培育链主企业')).toEqual([[row.creditCode, '旧格式链主企业', '镇海区', '市级 认定于 2022-01-05']]);
    const zhenhai = json(await get('json', await t.as('DISTRICT_STAFF', { districtCodes: ['330211'] }), 3));
    expect(zhenhai.drillDown.CHAIN_LEADERS.map((r) => r.name)).toEqual(['旧格式链主企业']);
    expect(zhenhai).not.toHaveProperty('lackingFigures'); // the payload predates that list
    const beilun = json(await get('json', await t.as('DISTRICT_STAFF', { districtCodes: ['330206'] }), 3));
    expect(beilun.drillDown.CHAIN_LEADERS).toEqual([]);
  });
});
