import iconv from 'iconv-lite';

import { cellText, csvEncoding, detectFormat, readRows } from './file-rows';

async function all(buffer: Buffer) {
  const rows = [];
  for await (const row of readRows(buffer, detectFormat(buffer))) rows.push(row);
  return rows;
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
