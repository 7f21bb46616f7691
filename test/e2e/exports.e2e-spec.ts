import { restoreSafeText } from '@app/core';
import { withCheckCharacter } from '@app/registry';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

import { createTestApp, TestApp } from '../setup/test-app';
import { binary } from '../setup/binary';
import { creditCode } from '../setup/fixtures';

describe('exports over HTTP', () => {
  let t: TestApp;
  let staff: Record<string, string>;
  const codes = [creditCode(), creditCode(), creditCode('330206')];

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.as('BUREAU_STAFF');
    const csv =
      '统一社会信用代码,企业名称,所属区县代码,行业代码,联系人,联系电话,曾用名\r\n' +
      `${codes[0]},"宁波导出一号模具有限公司",330211,3411,赵六,0574-1234567,"宁波旧名一厂;宁波旧名二厂"\r\n` +
      `${codes[1]},宁波导出二号电子有限公司,330211,3971,,,\r\n` +
      `${codes[2]},宁波导出三号模具有限公司,330206,3411,,,\r\n`;
    await t.http.post('/api/v1/imports/enterprises?dryRun=false').set(staff).attach('file', Buffer.from(csv), 'seed.csv').expect(200);
    // A recognition needs its date; 专精特新中小企业 are valid three years, so a 2024 one still holds.
    const designations = `统一社会信用代码,认定类型,级别,状态,年度,认定日期\r\n${codes[0]},专精特新中小企业,省级,已认定,2024,2024-06-01\r\n`;
    await t.http.post('/api/v1/imports/designations?dryRun=false').set(staff).attach('file', Buffer.from(designations), 'd.csv').expect(200);
  });
  afterAll(() => t.close());

  it('exports the filtered list as CSV with a BOM and Chinese headers, and records the export of personal data', async () => {
    const res = await t.http.get('/api/v1/exports/enterprises?format=csv&q=模具&districtCode=330211').set(staff).expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    const rows: Record<string, string>[] = parse(res.text, { bom: true, columns: true });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ 统一社会信用代码: codes[0], 企业名称: '宁波导出一号模具有限公司', 联系人: '赵六', 曾用名: '宁波旧名一厂;宁波旧名二厂', 经营状态: '存续' });

    const audit = await t.sql<{ after: { filters: Record<string, string> } }>(`SELECT after FROM audit_log WHERE action = 'export.enterprises'`);
    expect(audit[0].after.filters).toEqual({ q: '模具', districtCode: '330211' });
  });

  it('exports XLSX that reads back, and the exported file imports back unchanged', async () => {
    const res = await t.http.get('/api/v1/exports/enterprises?format=xlsx').set(staff).buffer(true).parse(binary as never).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('统一社会信用代码');
    const exported = new Set<string>();
    sheet.eachRow((row, n) => n > 1 && exported.add(String(row.getCell(1).value)));
    expect(exported).toEqual(new Set(codes));

    const again = await t.http.post('/api/v1/imports/enterprises?dryRun=true').set(staff).attach('file', res.body as Buffer, 'export.xlsx').expect(200);
    expect(again.body.counts).toEqual({ created: 0, updated: 0, unchanged: 3, rejected: 0 });
  });

  it('writes the same cells in XLSX as in CSV, row for row, across several pages of the walk', async () => {
    // 2,000 more firms: the export reads pages of 2,000, and the sheet XML passes many 64 KB pieces.
    const many = Array.from({ length: 2_000 }, (_, i) => [withCheckCharacter(`91330212MA${String(i).padStart(7, '0')}`), `宁波分页导出${i}号电子有限公司`]);
    const seed = '统一社会信用代码,企业名称,所属区县代码,行业代码\r\n' + many.map(([code, name]) => `${code},${name},330212,3971`).join('\r\n') + '\r\n';
    await t.http.post('/api/v1/imports/enterprises?dryRun=false').set(staff).attach('file', Buffer.from(seed), 'many.csv').expect(200);

    const csv = await t.http.get('/api/v1/exports/enterprises?format=csv').set(staff).expect(200);
    const xlsx = await t.http.get('/api/v1/exports/enterprises?format=xlsx').set(staff).buffer(true).parse(binary as never).expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as never);
    const sheet = book.worksheets[0];
    const fromCsv = (parse(csv.text, { bom: true }) as string[][]).map((r) => r.map(restoreSafeText));
    const fromXlsx: string[][] = [];
    sheet.eachRow((row) => fromXlsx.push(Array.from({ length: fromCsv[0].length }, (_, i) => restoreSafeText(String(row.getCell(i + 1).value ?? '')))));
    expect(fromCsv).toHaveLength(1 + codes.length + many.length);
    expect(fromXlsx).toEqual(fromCsv);
    expect(fromXlsx.map((r) => r[0])).toEqual(expect.arrayContaining(many.map(([code]) => code)));
  });

  it('selects the same rows as the list for the cultivation filters', async () => {
    const res = await t.http.get('/api/v1/exports/enterprises?format=csv&designationType=SPECIALIZED_SME').set(staff).expect(200);
    const rows: Record<string, string>[] = parse(res.text, { bom: true, columns: true });
    const list = await t.http.get('/api/v1/enterprises?designationType=SPECIALIZED_SME').set(staff).expect(200);
    expect(rows.map((r) => r['统一社会信用代码'])).toEqual(list.body.items.map((e: { creditCode: string }) => e.creditCode));
    expect(rows.map((r) => r['统一社会信用代码'])).toEqual([codes[0]]);
  });

  it('exports designations with labels and filters', async () => {
    const res = await t.http.get('/api/v1/exports/designations?format=csv&type=SPECIALIZED_SME').set(staff).expect(200);
    const rows: Record<string, string>[] = parse(res.text, { bom: true, columns: true });
    expect(rows).toEqual([expect.objectContaining({ 统一社会信用代码: codes[0], 认定类型: '专精特新中小企业', 级别: '省级', 状态: '已认定', 年度: '2024' })]);
    const none = await t.http.get('/api/v1/exports/designations?type=LITTLE_GIANT').set(staff).expect(200);
    expect(parse(none.text, { bom: true })).toHaveLength(1);
  });

  it('refuses a bad format and a role without EXPORT', async () => {
    const bad = await t.http.get('/api/v1/exports/enterprises?format=pdf').set(staff).expect(400);
    expect(bad.body.errors[0].field).toBe('format');
    await t.http.get('/api/v1/exports/enterprises').set(await t.as('LIAISON')).expect(403);
  });
});
