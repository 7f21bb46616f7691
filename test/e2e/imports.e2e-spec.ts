import { todayInChina } from '@app/core';
import { withCheckCharacter } from '@app/registry';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

import { createTestApp, TestApp } from '../setup/test-app';
import { binary } from '../setup/binary';
import { creditCode } from '../setup/fixtures';
import { xlsxWithSharedStrings } from '../setup/xlsx-builder';

const HEADER = '统一社会信用代码,企业名称,所属区县代码,行业代码,注册资本(元),规上企业,联系人,联系电话';

function enterpriseCsv(rows: string[][], header = HEADER): string {
  return [header, ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';
}

// Codes of their own for the multi-batch files ('B' in the organisation part keeps them apart from the fixture's):
// the shared fixture's counter goes through a letter mapping and repeats within a few thousand codes.
const batchCode = (i: number) => withCheckCharacter(`91330212B${String(i).padStart(8, '0')}`);

function row(code: string, name: string, extra: Partial<{ district: string; industry: string; capital: string }> = {}): string[] {
  return [code, name, extra.district ?? '330211', extra.industry ?? '3411', extra.capital ?? '5000000', '是', '王五', '0574-86000001'];
}

describe('imports over HTTP', () => {
  let t: TestApp;
  let staff: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.as('BUREAU_STAFF');
  });
  afterAll(() => t.close());

  const upload = (kind: string, body: Buffer | string, dryRun: boolean, name = 'list.csv') =>
    t.http.post(`/api/v1/imports/${kind}?dryRun=${dryRun}`).set(staff).attach('file', Buffer.from(body), name);

  it('dry-runs a UTF-8 file with BOM without writing, then applies it, and a repeated apply changes nothing', async () => {
    const codes = [creditCode(), creditCode(), creditCode()];
    const csv = '\uFEFF' + enterpriseCsv(codes.map((c, i) => row(c, `宁波导入测试${i}号机械有限公司`)));

    const dry = await upload('enterprises', csv, true).expect(200);
    expect(dry.body).toMatchObject({ kind: 'enterprises', dryRun: true, counts: { created: 3, updated: 0, unchanged: 0, rejected: 0 }, errors: [] });
    expect(dry.body.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await t.sql('SELECT 1 FROM enterprise WHERE credit_code = ANY($1)', [codes])).toHaveLength(0);

    const applied = await upload('enterprises', csv, false).expect(200);
    expect(applied.body.counts).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 0 });
    const [stored] = await t.sql<{ name: string; registered_capital_yuan: string; above_scale: boolean; industry_section: string }>(
      'SELECT name, registered_capital_yuan, above_scale, industry_section FROM enterprise WHERE credit_code = $1',
      [codes[1]],
    );
    expect(stored).toEqual({ name: '宁波导入测试1号机械有限公司', registered_capital_yuan: '5000000.00', above_scale: true, industry_section: 'C' });

    const again = await upload('enterprises', csv, false).expect(200);
    expect(again.body.counts).toEqual({ created: 0, updated: 0, unchanged: 3, rejected: 0 });

    const audit = await t.sql<{ after: Record<string, unknown> }>(`SELECT after FROM audit_log WHERE action = 'import.enterprises' ORDER BY at`);
    expect(audit).toHaveLength(2);
    expect(audit[0].after).toMatchObject({ fileSha256: dry.body.fileSha256, created: 3 });
  });

  it('updates by credit code only the columns the file carries', async () => {
    const code = creditCode();
    await upload('enterprises', enterpriseCsv([row(code, '宁波更新测试机械有限公司')]), false).expect(200);
    const res = await upload('enterprises', '统一社会信用代码,联系电话\r\n' + `${code},13900000000\r\n`, false).expect(200);
    expect(res.body.counts).toEqual({ created: 0, updated: 1, unchanged: 0, rejected: 0 });
    const [e] = await t.sql<{ name: string; contact_phone: string; version: number }>('SELECT name, contact_phone, version FROM enterprise WHERE credit_code = $1', [code]);
    expect(e).toEqual({ name: '宁波更新测试机械有限公司', contact_phone: '13900000000', version: 2 });
  });

  it('reads a GB18030 CSV as Excel in China saves it', async () => {
    const code = creditCode();
    const gb = iconv.encode(enterpriseCsv([row(code, '宁波镕铖锻造有限公司')]), 'gb18030');
    const res = await upload('enterprises', gb, false).expect(200);
    expect(res.body.counts.created).toBe(1);
    const [e] = await t.sql<{ name: string }>('SELECT name FROM enterprise WHERE credit_code = $1', [code]);
    expect(e.name).toBe('宁波镕铖锻造有限公司');
  });

  it('rejects the whole file when a row in the middle is bad, naming line and column, and writes nothing', async () => {
    const good = [creditCode(), creditCode(), creditCode()];
    const rows = [row(good[0], '宁波好行一有限公司'), row(good[1], '宁波好行二有限公司', { district: '330299' }), row(good[2], '宁波好行三有限公司')];
    const wrong = creditCode();
    rows.splice(2, 0, row(wrong.slice(0, 17) + (wrong[17] === 'A' ? 'B' : 'A'), '宁波坏行有限公司'));
    const csv = enterpriseCsv(rows);

    const dry = await upload('enterprises', csv, true).expect(200);
    expect(dry.body.counts).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 2 });
    expect(dry.body.errors).toEqual([
      expect.objectContaining({ line: 3, column: '所属区县代码', code: 'DISTRICT_UNKNOWN' }),
      expect.objectContaining({ line: 4, column: '统一社会信用代码', code: 'CREDIT_CODE_INVALID' }),
    ]);

    const applied = await upload('enterprises', csv, false).expect(422);
    expect(applied.body.code).toBe('IMPORT_REJECTED');
    expect(applied.body.message).toContain('第 3 行“所属区县代码”');
    expect(applied.body.errors[1]).toMatchObject({ line: 4, column: '统一社会信用代码' });
    expect(await t.sql('SELECT 1 FROM enterprise WHERE credit_code = ANY($1)', [good])).toHaveLength(0);
    expect(await t.sql(`SELECT 1 FROM audit_log WHERE action = 'import.enterprises' AND after->>'fileSha256' = $1`, [applied.body.details.fileSha256])).toHaveLength(0);
  });

  it('writes a file of several 1,000-row batches whole and in order, and a repeat in the last batch rejects all of it', async () => {
    const codes = Array.from({ length: 2500 }, (_, i) => batchCode(i));
    const names = codes.map((_, i) => `宁波分批导入${i + 1}号五金有限公司`);
    const firms = enterpriseCsv(codes.map((c, i) => row(c, names[i], { district: '330212' })));
    const written = await upload('enterprises', firms, false);
    expect([written.status, written.body.errors.slice(0, 3)]).toEqual([200, []]);
    expect(written.body.counts).toEqual({ created: 2500, updated: 0, unchanged: 0, rejected: 0 });
    const stored = await t.sql<{ credit_code: string; name: string }>('SELECT credit_code, name FROM enterprise WHERE credit_code = ANY($1)', [codes]);
    expect(new Map(stored.map((r) => [r.credit_code, r.name]))).toEqual(new Map(codes.map((c, i) => [c, names[i]])));

    // figures of the firms just written, three batches again: row i has revenue (i + 1) × 1,000 元
    const figures = '统一社会信用代码,年度,营业收入(元)\r\n' + codes.map((c, i) => `${c},2023,${(i + 1) * 1000}`).join('\r\n') + '\r\n';
    expect((await upload('figures', figures, false).expect(200)).body.counts).toEqual({ created: 2500, updated: 0, unchanged: 0, rejected: 0 });
    const [sum] = await t.sql<{ total: string; n: string }>(
      'SELECT sum(f.operating_revenue_yuan)::text AS total, count(*)::text AS n FROM enterprise_figure f JOIN enterprise e ON e.id = f.enterprise_id WHERE e.credit_code = ANY($1) AND f.year = 2023',
      [codes],
    );
    expect(sum).toEqual({ total: String((1000 * 2500 * 2501) / 2) + '.00', n: '2500' });

    // 2,401 rows: line 2,402 (the last batch) repeats the code of line 2
    const fresh = Array.from({ length: 2400 }, (_, i) => batchCode(10_000 + i));
    const repeated = enterpriseCsv([...fresh.map((c, i) => row(c, `宁波分批重复${i + 1}号有限公司`)), row(fresh[0], '宁波分批重复末行有限公司')]);
    const rejected = await upload('enterprises', repeated, false).expect(422);
    expect(rejected.body.errors).toEqual([expect.objectContaining({ line: 2402, code: 'DUPLICATE_IN_FILE' })]);
    expect(await t.sql('SELECT 1 FROM enterprise WHERE credit_code = ANY($1)', [fresh])).toHaveLength(0);
  });

  it('rejects a credit code repeated in the file and unknown or missing columns', async () => {
    const code = creditCode();
    const dup = await upload('enterprises', enterpriseCsv([row(code, '宁波重复一有限公司'), row(code, '宁波重复二有限公司')]), true).expect(200);
    expect(dup.body.errors).toEqual([expect.objectContaining({ line: 3, column: '统一社会信用代码', code: 'DUPLICATE_IN_FILE' })]);

    const header = await upload('enterprises', '企业名称,企业名字\r\n' + `宁波某公司,x\r\n`, true).expect(200);
    expect(header.body.errors.map((e: { code: string; column: string }) => [e.code, e.column])).toEqual([
      ['UNKNOWN_COLUMN', '企业名字'],
      ['MISSING_COLUMN', '统一社会信用代码'],
    ]);

    // A new enterprise still needs every required field; the error names the column the file lacks.
    const partial = await upload('enterprises', '统一社会信用代码,企业名称\r\n' + `${creditCode()},宁波缺列有限公司\r\n`, true).expect(200);
    expect(partial.body.errors.map((e: { column: string }) => e.column).sort()).toEqual(['所属区县代码', '行业代码']);
  });

  it('applies the same rules as the API to names and e-mails (English headers work too)', async () => {
    const code = creditCode();
    const csv = 'creditCode,name,districtCode,industryCode,contactEmail\r\n' + `${code},宁,330211,3411,not-an-email\r\n`;
    const res = await upload('enterprises', csv, true).expect(200);
    expect(res.body.errors.map((e: { column: string }) => e.column).sort()).toEqual(['contactEmail', 'name']);
  });

  it('imports an XLSX sheet', async () => {
    const code = creditCode();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名录');
    sheet.addRow(['统一社会信用代码', '企业名称', '所属区县代码', '行业代码', '成立日期', '用地面积(亩)']);
    sheet.addRow([code, '宁波表格导入有限公司', '330206', '3411', new Date(Date.UTC(2010, 4, 8)), 12.5]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await upload('enterprises', buffer, false, 'list.xlsx').expect(200);
    expect(res.body.counts.created).toBe(1);
    const [e] = await t.sql<{ founded_on: string; land_area_mu: string }>(`SELECT founded_on::text, land_area_mu FROM enterprise WHERE credit_code = $1`, [code]);
    expect(e).toEqual({ founded_on: '2010-05-08', land_area_mu: '12.50' });
  });

  it('imports yearly figures, chain memberships and designations by credit code, idempotently', async () => {
    const code = creditCode();
    await upload('enterprises', enterpriseCsv([row(code, '宁波链上测试有限公司')]), false).expect(200);

    const figures = `统一社会信用代码,年度,营业收入(元),从业人员(人)\r\n${code},2022,"1,200,000,000",800\r\n${code},2023,1500000000,820\r\n`;
    expect((await upload('figures', figures, false).expect(200)).body.counts).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 0 });
    expect((await upload('figures', figures, false).expect(200)).body.counts).toEqual({ created: 0, updated: 0, unchanged: 2, rejected: 0 });
    const [fig] = await t.sql<{ operating_revenue_yuan: string }>(
      'SELECT operating_revenue_yuan FROM enterprise_figure f JOIN enterprise e ON e.id = f.enterprise_id WHERE e.credit_code = $1 AND year = 2022',
      [code],
    );
    expect(fig.operating_revenue_yuan).toBe('1200000000.00');

    const members = `统一社会信用代码,产业链代码,主要产品,重点企业\r\n${code},CHEM_NEW_MATERIALS,工程塑料,是\r\n`;
    expect((await upload('chain-memberships', members, false).expect(200)).body.counts.created).toBe(1);
    expect((await upload('chain-memberships', members, false).expect(200)).body.counts.unchanged).toBe(1);

    const designations =
      `统一社会信用代码,认定类型,级别,产业链代码,状态,年度,认定日期,到期日期\r\n` +
      `${code},链核,市级,CHEM_NEW_MATERIALS,已认定,2023,2023-06-01,\r\n` +
      `${code},专精特新“小巨人”,国家级,,已认定,2023,2023/7/14,2026-07-13\r\n`;
    expect((await upload('designations', designations, false).expect(200)).body.counts.created).toBe(2);
    expect((await upload('designations', designations, false).expect(200)).body.counts).toEqual({ created: 0, updated: 0, unchanged: 2, rejected: 0 });
    const events = await t.sql<{ to_status: string; effective_on: string }>(
      `SELECT ev.to_status, ev.effective_on::text FROM designation_event ev JOIN designation d ON d.id = ev.designation_id
         JOIN enterprise e ON e.id = d.enterprise_id WHERE e.credit_code = $1 ORDER BY ev.effective_on`,
      [code],
    );
    expect(events).toEqual([
      { to_status: 'RECOGNISED', effective_on: '2023-06-01' },
      { to_status: 'RECOGNISED', effective_on: '2023-07-14' },
    ]);

    const revoked = `统一社会信用代码,认定类型,级别,产业链代码,状态,年度\r\n${code},链核,市级,CHEM_NEW_MATERIALS,已撤销,2023\r\n`;
    expect((await upload('designations', revoked, false).expect(200)).body.counts.updated).toBe(1);
  });

  it('rejects designations with unknown enums, a missing chain, an unknown enterprise and two live duplicates', async () => {
    const code = creditCode();
    await upload('enterprises', enterpriseCsv([row(code, '宁波认定校验有限公司')]), false).expect(200);
    const csv =
      `统一社会信用代码,认定类型,级别,产业链代码,状态,认定日期\r\n` +
      `${code},链王,市级,,已认定,2022-01-05\r\n` +
      `${code},链基,市级,,已认定,2022-01-05\r\n` +
      `${creditCode()},大优强,市级,,已认定,2022-01-05\r\n` +
      `${code},大优强,市级,,培育对象,\r\n` +
      `${code},大优强,市级,,已认定,2022-01-05\r\n`;
    const res = await upload('designations', csv, true).expect(200);
    expect(res.body.errors.map((e: { line: number; column: string; code: string }) => [e.line, e.column, e.code])).toEqual([
      [2, '认定类型', 'VALIDATION_FAILED'],
      [3, '产业链代码', 'CHAIN_REQUIRED'],
      [4, '统一社会信用代码', 'ENTERPRISE_NOT_FOUND'],
      [6, '认定类型', 'DUPLICATE_IN_FILE'],
    ]);
  });

  it('checks the permission of the route that writes the same records: district staff cannot place chain members by import', async () => {
    const code = creditCode();
    await upload('enterprises', enterpriseCsv([row(code, '宁波链权限测试有限公司')]), false).expect(200);
    const officer = await t.as('DISTRICT_STAFF', { districtCodes: ['330211'] });
    const members = `统一社会信用代码,产业链代码\r\n${code},CHEM_NEW_MATERIALS\r\n`;
    const chains = await t.sql<{ id: string }>("SELECT id FROM chain WHERE code = 'CHEM_NEW_MATERIALS'");
    const enterprise = await t.sql<{ id: string }>('SELECT id FROM enterprise WHERE credit_code = $1', [code]);
    // the route refuses it …
    await t.http.post(`/api/v1/chains/${chains[0].id}/members`).set(officer).send({ enterpriseId: enterprise[0].id }).expect(403);
    // … and so does the import, dry run or not
    for (const dryRun of [true, false]) {
      const res = await t.http.post(`/api/v1/imports/chain-memberships?dryRun=${dryRun}`).set(officer).attach('file', Buffer.from(members), 'm.csv').expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    expect(await t.sql('SELECT 1 FROM chain_membership WHERE enterprise_id = $1', [enterprise[0].id])).toHaveLength(0);
    // what the role may write through its routes it may import (in its district)
    const figures = `统一社会信用代码,年度,营业收入(元)\r\n${code},2022,1000000\r\n`;
    await t.http.post('/api/v1/imports/figures?dryRun=false').set(officer).attach('file', Buffer.from(figures), 'f.csv').expect(200);
  });

  it('refuses a UTF-8 file with a stray byte with 422 naming the line, and stores nothing', async () => {
    const code = creditCode();
    const good = Buffer.from(enterpriseCsv([row(creditCode(), '宁波编码测试一有限公司'), row(code, '甬江测试有限公司')]));
    const at = good.indexOf(Buffer.from('甬江'));
    const damaged = Buffer.concat([good.subarray(0, at), Buffer.from([0xe7]), good.subarray(at)]);
    const res = await upload('enterprises', damaged, false).expect(422);
    expect(res.body).toMatchObject({ code: 'IMPORT_REJECTED', errors: [{ field: 'file', code: 'ENCODING_INVALID', line: 3 }] });
    expect(res.body.message).toContain('第 3 行');
    expect(await t.sql('SELECT 1 FROM enterprise WHERE credit_code = $1', [code])).toHaveLength(0);
  });

  it('quotes at most a short piece of a long cell in the error report', async () => {
    const long = '长'.repeat(20_000);
    const res = await upload('enterprises', enterpriseCsv([row(creditCode(), '宁波长单元格测试有限公司')], `${HEADER},${long}`), true).expect(200);
    expect(res.body.errors).toEqual([expect.objectContaining({ line: 1, code: 'UNKNOWN_COLUMN' })]);
    expect(res.body.errors[0].column).toContain('共 20000 字');
    expect(JSON.stringify(res.body).length).toBeLessThan(2000);
  });

  it('refuses an XLSX of ~100 KB holding a 100 MB shared string without reading it, and echoes no cell', async () => {
    const huge = Buffer.alloc(100 * 1024 * 1024, 'A');
    const file = xlsxWithSharedStrings([huge, '企业名称', '91330100799655058B', '宁波测试有限公司'], [[0, 1], [2, 3]]);
    expect(file.length).toBeLessThan(200 * 1024);
    const res = await upload('enterprises', file, true, 'bomb.xlsx').expect(422);
    expect(res.body.errors[0]).toMatchObject({ field: 'file', code: 'CELL_TOO_LONG' });
    expect(JSON.stringify(res.body).length).toBeLessThan(2000);
  });

  it('imports designations under the API rules: transitions, default term, identity key with level, the API error codes', async () => {
    const code = creditCode();
    await upload('enterprises', enterpriseCsv([row(code, '宁波认定规则有限公司')]), false).expect(200);
    const header = `统一社会信用代码,认定类型,级别,产业链代码,状态,认定日期\r\n`;
    // A national little giant without an expiry gets the default three years.
    await upload('designations', `${header}${code},专精特新“小巨人”,国家级,,已认定,2024-07-14\r\n`, false).expect(200);
    const stored = () =>
      t.sql<{ level: string; status: string; expires_on: string | null }>(
        `SELECT d.level, d.status, d.expires_on::text FROM designation d JOIN enterprise e ON e.id = d.enterprise_id WHERE e.credit_code = $1 ORDER BY d.level`,
        [code],
      );
    expect(await stored()).toEqual([{ level: 'NATIONAL', status: 'RECOGNISED', expires_on: '2027-07-14' }]);
    // A provincial row is another designation: it never overwrites the national one.
    await upload('designations', `${header}${code},专精特新“小巨人”,省级,,培育对象,\r\n`, false).expect(200);
    expect(await stored()).toEqual([
      { level: 'NATIONAL', status: 'RECOGNISED', expires_on: '2027-07-14' },
      { level: 'PROVINCIAL', status: 'CANDIDATE', expires_on: null },
    ]);
    const [event] = await t.sql<{ effective_on: string }>(
      `SELECT ev.effective_on::text FROM designation_event ev JOIN designation d ON d.id = ev.designation_id JOIN enterprise e ON e.id = d.enterprise_id
        WHERE e.credit_code = $1 AND d.level = 'PROVINCIAL'`,
      [code],
    );
    expect(event.effective_on).toBe(todayInChina());
    // RECOGNISED → CANDIDATE is no transition; a new record cannot start as 已撤销; an unknown chain and a second
    // live chain leader on one chain use the API's codes.
    const chainCode = (await t.http.get('/api/v1/chains').set(staff).expect(200)).body[0].code;
    await upload('designations', `${header}${code},链主,市级,${chainCode},已认定,2022-01-05\r\n`, false).expect(200);
    const bad =
      header +
      `${code},专精特新“小巨人”,国家级,,培育对象,\r\n` +
      `${code},制造业单项冠军,国家级,,已撤销,\r\n` +
      `${code},链核,市级,NO_SUCH_CHAIN,已认定,2022-01-05\r\n` +
      `${code},链主,省级,${chainCode},已认定,2022-01-05\r\n` +
      // The provincial candidate entered today cannot have been recognised in 2022.
      `${code},专精特新“小巨人”,省级,,已认定,2022-01-05\r\n`;
    const res = await upload('designations', bad, true).expect(200);
    expect(res.body.errors.map((e: { line: number; column: string; code: string }) => [e.line, e.column, e.code])).toEqual([
      [2, '状态', 'ILLEGAL_TRANSITION'],
      [3, '状态', 'ILLEGAL_TRANSITION'],
      [4, '产业链代码', 'CHAIN_NOT_FOUND'],
      [5, '级别', 'DUPLICATE_DESIGNATION'],
      [6, '认定日期', 'DATE_OUT_OF_ORDER'],
    ]);
  });

  it('serves templates in both formats with the Chinese headers, and needs the IMPORT permission', async () => {
    const csv = await t.http.get('/api/v1/imports/templates/figures?format=csv').set(staff).expect(200);
    expect(csv.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toContain('统一社会信用代码,企业名称,年度,季度,营业收入(元)');
    const xlsx = await t.http.get('/api/v1/imports/templates/enterprises?format=xlsx').set(staff).buffer(true).parse(binary as never).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as never);
    expect(workbook.worksheets[0].getRow(1).getCell(1).value).toBe('统一社会信用代码');

    await t.http.get('/api/v1/imports/templates/nonsense').set(staff).expect(400);
    const viewer = await t.as('VIEWER');
    await t.http.post('/api/v1/imports/enterprises').set(viewer).attach('file', Buffer.from(HEADER), 'x.csv').expect(403);
    await t.http.post('/api/v1/imports/enterprises').set(staff).expect(400);
  });
});
