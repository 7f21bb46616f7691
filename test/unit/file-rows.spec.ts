import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

import { cellText, csvEncoding, detectFormat, FileRejectedError, IMPORT_LIMITS, ImportLimits, readRows } from '@app/importing';

import { xlsxWithSharedStrings } from '../setup/xlsx-builder';

async function all(buffer: Buffer, limits: ImportLimits = IMPORT_LIMITS) {
  const rows = [];
  for await (const row of readRows(buffer, detectFormat(buffer), limits)) rows.push(row);
  return rows;
}

async function rejection(buffer: Buffer, limits: ImportLimits = IMPORT_LIMITS): Promise<FileRejectedError> {
  try {
    await all(buffer, limits);
  } catch (error) {
    if (error instanceof FileRejectedError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('readRows', () => {
  it('reads UTF-8 with a BOM and GB18030 alike, keeping line numbers and skipping blank lines', async () => {
    const text = '统一社会信用代码,企业名称\r\n91330100799655058B,宁波镕铖锻造有限公司\r\n,\r\n91110000101623741K,"宁波""甬""江,有限公司"\r\n';
    for (const buffer of [Buffer.from('\uFEFF' + text), iconv.encode(text, 'gb18030')]) {
      const rows = await all(buffer);
      expect(rows.map((r) => r.line)).toEqual([1, 2, 4]);
      expect(rows[0].cells[0]).toBe('统一社会信用代码');
      expect(rows[2].cells[1]).toBe('宁波"甬"江,有限公司');
    }
  });

  it('refuses a UTF-8 file with one stray byte, naming its line, instead of reading it as GB18030 mojibake', async () => {
    const utf8 = Buffer.from('统一社会信用代码,企业名称\r\n91330100799655058B,甬江测试有限公司\r\n91110000101623741K,宁波');
    const damaged = Buffer.concat([utf8, Buffer.from([0xb0]), Buffer.from('测试有限公司\r\n')]);
    const error = await rejection(damaged);
    expect([error.code, error.line]).toEqual(['ENCODING_INVALID', 3]);
    expect(error.message).toContain('第 3 行');
  });

  it('refuses bytes that are neither UTF-8 nor GB18030, naming the line', async () => {
    const gb = iconv.encode('统一社会信用代码,企业名称\r\n91330100799655058B,宁波有限公司\r\n', 'gb18030');
    // 0xFF can start no GB18030 character
    const error = await rejection(Buffer.concat([gb, Buffer.from([0x39, 0x31, 0x2c, 0xff, 0xff, 0x0d, 0x0a])]));
    expect([error.code, error.line]).toEqual(['ENCODING_INVALID', 3]);
  });

  it('refuses a cell with a NUL, and a cell longer than Excel allows, naming the line', async () => {
    const nul = await rejection(Buffer.from('a,b\r\n1,x\u0000y\r\n'));
    expect([nul.code, nul.line]).toEqual(['ENCODING_INVALID', 2]);
    const long = await rejection(Buffer.from(`a,b\r\n1,2\r\n3,${'长'.repeat(IMPORT_LIMITS.cellChars + 1)}\r\n`));
    expect([long.code, long.line]).toEqual(['CELL_TOO_LONG', 3]);
  });

  it('refuses an XLSX whose shared strings pass a limit before reading them into memory', async () => {
    const header = ['统一社会信用代码', '企业名称'];
    const ok = xlsxWithSharedStrings([...header, '91330100799655058B', '宁波测试有限公司'], [[0, 1], [2, 3]]);
    expect((await all(ok)).map((r) => r.cells)).toEqual([header, ['91330100799655058B', '宁波测试有限公司']]);

    const small = { ...IMPORT_LIMITS, xmlTextBytes: 1000, sharedStrings: 3, sharedStringsBytes: 4000 };
    const longText = xlsxWithSharedStrings([...header, 'x'.repeat(1001)], [[0, 1], [2, 2]]);
    expect((await rejection(longText, small)).code).toBe('CELL_TOO_LONG');
    const many = xlsxWithSharedStrings(['a', 'b', 'c', 'd'], [[0, 1], [2, 3]]);
    expect((await rejection(many, small)).code).toBe('FILE_TOO_LARGE');
    const big = xlsxWithSharedStrings(['a', 'b', 'c'.repeat(900), 'd'.repeat(900), 'e'.repeat(900), 'f'.repeat(900), 'g'.repeat(900)], [[0, 1]]);
    expect((await rejection(big, { ...small, sharedStrings: 100 })).code).toBe('FILE_TOO_LARGE');
    const cells = xlsxWithSharedStrings(['a', 'b'], [[0, 1], [0, 1], [0, 1]]);
    expect((await rejection(cells, { ...IMPORT_LIMITS, cells: 5 })).code).toBe('FILE_TOO_LARGE');
  });

  it('reads an XLSX row with empty cells in between', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名录');
    sheet.addRow(['统一社会信用代码', '企业名称', '联系人']);
    sheet.getCell('A2').value = '91330100799655058B';
    sheet.getCell('C2').value = '王五';
    const rows = await all(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(rows[1].cells[0]).toBe('91330100799655058B');
    expect(rows[1].cells[2]).toBe('王五');
  });

  it('stops a parse that takes longer than allowed', async () => {
    const error = await rejection(Buffer.from('a,b\r\n1,2\r\n'), { ...IMPORT_LIMITS, parseMs: -1 });
    expect(error.code).toBe('PARSE_TIMEOUT');
  });

  it('tells the encodings and formats apart', () => {
    expect(csvEncoding(Buffer.from('宁波'))).toBe('utf-8');
    expect(csvEncoding(iconv.encode('宁波', 'gb18030'))).toBe('gb18030');
    expect(detectFormat(Buffer.from('PK\u0003\u0004'))).toBe('xlsx');
    expect(detectFormat(Buffer.from('a,b'))).toBe('csv');
  });

  it('shows XLSX cells as the text a clerk sees', () => {
    expect(cellText(new Date(Date.UTC(2023, 6, 14)))).toBe('2023-07-14');
    expect(cellText({ richText: [{ text: '宁波' }, { text: '甬江' }] })).toBe('宁波甬江');
    expect(cellText({ formula: 'A1*2', result: 42 })).toBe('42');
    expect(cellText(null)).toBe('');
  });
});
