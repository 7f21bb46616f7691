import { randomBytes } from 'node:crypto';
import { PassThrough, Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import * as zlib from 'node:zlib';

import ExcelJS from 'exceljs';

import { XlsxSheetSpec, XlsxWriter } from './xlsx-writer';
import { crc32Js } from './zip-writer';

/** A sink that keeps every byte; `slow` calls back on a later turn, so the writer meets backpressure. */
function sink(options: { slow?: boolean; highWaterMark?: number } = {}) {
  const chunks: Buffer[] = [];
  let maxBacklog = 0;
  const out = new Writable({
    highWaterMark: options.highWaterMark ?? 16 * 1024,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      maxBacklog = Math.max(maxBacklog, out.writableLength);
      if (options.slow) setImmediate(done);
      else done();
    },
  });
  return { out, bytes: () => Buffer.concat(chunks), maxBacklog: () => maxBacklog };
}

async function write(specs: XlsxSheetSpec[], sheets: { cells: (string | number | boolean | null)[]; style?: 'title' | 'note' | 'header'; height?: number; merge?: boolean }[][], created?: Date) {
  const { out, bytes } = sink();
  const book = await XlsxWriter.open(out, { sheets: specs, created, creator: '测试员' });
  for (const rows of sheets) {
    const sheet = book.nextSheet();
    for (const r of rows) await sheet.row(r.cells, { style: r.style, height: r.height, merge: r.merge });
    await sheet.end();
  }
  await book.end();
  await finished(out);
  return bytes();
}

/** The archive's entries read from its central directory, each inflated and checked against its CRC-32 and sizes. */
function unzip(file: Buffer): Map<string, Buffer> {
  const eocd = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = file.readUInt16LE(eocd + 10);
  let at = file.readUInt32LE(eocd + 16);
  const parts = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    expect(file.readUInt32LE(at)).toBe(0x02014b50);
    const flags = file.readUInt16LE(at + 8);
    const crc = file.readUInt32LE(at + 16);
    const compressed = file.readUInt32LE(at + 20);
    const size = file.readUInt32LE(at + 24);
    const nameLength = file.readUInt16LE(at + 28);
    const local = file.readUInt32LE(at + 42);
    const name = file.toString('utf8', at + 46, at + 46 + nameLength);
    expect(file.readUInt32LE(local)).toBe(0x04034b50);
    const start = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    const data = zlib.inflateRawSync(file.subarray(start, start + compressed));
    expect([name, data.length, crc32Js(data)]).toEqual([name, size, crc]);
    if (flags & 0x08) {
      // the data descriptor right after the data repeats what the central directory says
      const d = start + compressed;
      expect([file.readUInt32LE(d), file.readUInt32LE(d + 4), file.readUInt32LE(d + 8), file.readUInt32LE(d + 12)]).toEqual([0x08074b50, crc, compressed, size]);
    }
    parts.set(name, data);
    at += 46 + nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
  }
  return parts;
}

const spec = (name: string, widths: number[], headerRow = 1): XlsxSheetSpec => ({ name, widths, headerRow });

describe(XlsxWriter.name, () => {
  it('writes cells that Excel readers get back as the same text, numbers and booleans', async () => {
    const texts = ['宁波甬江科技有限公司', 'A&B <c> "d"', '  leading and trailing  ', 'two\nlines', '𠀀 outside the BMP', '913302817878987490', '0574', '-5.2'];
    const file = await write(
      [spec('企业名录', [30, 12, 12, 12])],
      [[{ cells: ['名称', '数量', '比例', '是否'] }, ...texts.map((t, i) => ({ cells: [t, i * 1000 + 1, -(i + 1) / 8, i % 2 === 0] })), { cells: [null, 7, '', true] }]],
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as never);
    const sheet = book.getWorksheet('企业名录')!;
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['名称', '数量', '比例', '是否']);
    texts.forEach((t, i) => expect(values(i + 2)).toEqual([t, i * 1000 + 1, -(i + 1) / 8, i % 2 === 0]));
    // empty cells stay empty (an empty text reads back as empty too), and the cells after them stay in their columns
    expect([sheet.getCell('A10').value, sheet.getCell('B10').value, sheet.getCell('C10').value, sheet.getCell('D10').value]).toEqual([null, 7, null, true]);
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B3').type).toBe(ExcelJS.ValueType.Number);
  });

  it('marks text a spreadsheet would run as a formula with one apostrophe, and only that text', async () => {
    const file = await write([spec('表', [10])], [[{ cells: ['=HYPERLINK("http://evil.example","点击")'] }, { cells: ['+86 574'] }, { cells: ['@SUM(A1)'] }, { cells: ['-5'] }, { cells: ["it's"] }]]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as never);
    const sheet = book.worksheets[0];
    expect([1, 2, 3, 4, 5].map((r) => sheet.getCell(r, 1).value)).toEqual(["'=HYPERLINK(\"http://evil.example\",\"点击\")", "'+86 574", "'@SUM(A1)", '-5', "it's"]);
  });

  it('freezes the header, sets widths, print titles, A4 landscape fitted to the width, and the report styles', async () => {
    const margins = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 };
    const file = await write(
      [{ name: '汇总', widths: [10, 36, 7], headerRow: 3, margins }, spec("O'Brien 指标", [22, 36])],
      [
        [
          { cells: ['2022 年第 2 季度进度报告'], style: 'title', height: 24, merge: true },
          { cells: ['冻结人:王科员'], style: 'note', merge: true },
          { cells: ['分组', '指标', '单位'], style: 'header' },
          { cells: ['链主', '培育链主企业', '家'] },
        ],
        [{ cells: ['统一社会信用代码', '企业名称'] }, { cells: ['91330200MA2AAAAA1X', '甬江'] }],
      ],
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as never);
    const [summary, second] = book.worksheets;
    expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', "O'Brien 指标"]);
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(second.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(summary.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins, printTitlesRow: '3:3' });
    expect(second.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, printTitlesRow: '1:1' });
    expect([1, 2, 3].map((c) => summary.getColumn(c).width)).toEqual([10, 36, 7]);
    expect([1, 2].map((c) => second.getColumn(c).width)).toEqual([22, 36]);
    expect(summary.getCell('A1').isMerged && summary.getCell('C1').isMerged && summary.getCell('C2').isMerged).toBe(true);
    expect(summary.getCell('A4').isMerged).toBe(false);
    expect(summary.getRow(1).height).toBe(24);
    expect(summary.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(summary.getCell('A2').font).toMatchObject({ color: { argb: 'FF555555' } });
    expect(summary.getCell('B3').font).toMatchObject({ bold: true });
    expect(summary.getCell('B3').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFECEFF1' } });
    expect(summary.getCell('B4').font?.bold).toBeFalsy();
  });

  it('writes a valid ZIP: every part inflates to its stated size and CRC-32, the streamed ones with data descriptors', async () => {
    const created = new Date('2022-07-01T02:03:04Z');
    const file = await write([spec('表', [10])], [[{ cells: ['一'] }, { cells: [2] }]], created);
    const parts = unzip(file);
    expect([...parts.keys()].sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'docProps/app.xml', 'docProps/core.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'].sort(),
    );
    expect(parts.get('docProps/core.xml')!.toString()).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2022-07-01T02:03:04Z</dcterms:created>');
    // the same input and date give the same bytes
    expect(Buffer.compare(file, await write([spec('表', [10])], [[{ cells: ['一'] }, { cells: [2] }]], created))).toBe(0);
  });

  it('computes the same CRC-32 as zlib', () => {
    const native = (zlib as { crc32?: (d: Uint8Array, v?: number) => number }).crc32;
    // the IEEE check value
    expect(crc32Js(Buffer.from('123456789'))).toBe(0xcbf43926);
    for (const n of [0, 1, 7, 1000, 65_537]) {
      const data = randomBytes(n);
      const half = Math.floor(n / 2);
      expect(crc32Js(data.subarray(half), crc32Js(data.subarray(0, half)))).toBe(native ? native(data) : crc32Js(data));
    }
  });

  it('streams 50,000 rows to a slow reader without holding more than a few buffers, and exceljs streams them back', async () => {
    const rows = 50_000;
    const { out, bytes, maxBacklog } = sink({ slow: true });
    const book = await XlsxWriter.open(out, { sheets: [spec('企业名录', [30, 12])] });
    const sheet = book.nextSheet();
    await sheet.row(['统一社会信用代码', '序号']);
    // random text deflates badly, so the writer has to wait for the reader
    for (let i = 0; i < rows; i++) await sheet.row([randomBytes(24).toString('base64'), i]);
    await sheet.end();
    await book.end();
    await finished(out);
    expect(maxBacklog()).toBeLessThanOrEqual(128 * 1024);

    // the reader the import uses (exceljs's streaming WorkbookReader) gets every row back in order
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes()]), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore' } as never);
    let seen = 0;
    let inOrder = true;
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        if (row.number > 1 && row.getCell(2).value !== row.number - 2) inOrder = false;
        seen++;
      }
    }
    expect([seen, inOrder]).toEqual([rows + 1, true]);
  });

  it('stops with an error, instead of waiting for ever, when the reader goes away', async () => {
    const out = new PassThrough({ highWaterMark: 1024 });
    let received = 0;
    // the client takes 200 KB, then hangs up
    out.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > 200 * 1024) out.destroy();
    });
    const writing = (async () => {
      const book = await XlsxWriter.open(out, { sheets: [spec('表', [10])] });
      const sheet = book.nextSheet();
      for (let i = 0; i < 1_000_000; i++) await sheet.row([randomBytes(24).toString('base64')]);
    })();
    await expect(writing).rejects.toThrow(/closed/);
  });
});
