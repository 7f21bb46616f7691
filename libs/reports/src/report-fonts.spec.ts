import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { renderPdfBuffer } from './render-pdf';
import { bundledFontPath, checkReportFonts, ReportFontError, reportFonts } from './report-fonts';

/** Wraps one OpenType font into a one-font collection (.ttc): a 16-byte header, every table offset moved by 16. */
function asCollection(otf: Buffer): Buffer {
  const font = Buffer.from(otf);
  const tables = font.readUInt16BE(4);
  for (let i = 0; i < tables; i++) font.writeUInt32BE(font.readUInt32BE(12 + i * 16 + 8) + 16, 12 + i * 16 + 8);
  const header = Buffer.alloc(16);
  header.write('ttcf', 0, 'latin1');
  header.writeUInt32BE(0x00010000, 4);
  header.writeUInt32BE(1, 8);
  header.writeUInt32BE(16, 12);
  return Buffer.concat([header, font]);
}

/** A bare sfnt with only a cmap (format 4) mapping 'A'..'Z' to glyphs 1..26: a font without Chinese. */
function latinOnlyFont(): Buffer {
  const sub = Buffer.alloc(16 + 4 * 2 * 2 + 2);
  sub.writeUInt16BE(4, 0); sub.writeUInt16BE(sub.length, 2); sub.writeUInt16BE(4, 6); // two segments
  const ends = 14;
  sub.writeUInt16BE(0x5a, ends); sub.writeUInt16BE(0xffff, ends + 2);
  const starts = ends + 4 + 2;
  sub.writeUInt16BE(0x41, starts); sub.writeUInt16BE(0xffff, starts + 2);
  const deltas = starts + 4;
  sub.writeUInt16BE((1 - 0x41) & 0xffff, deltas); sub.writeUInt16BE(1, deltas + 2);
  const cmap = Buffer.concat([Buffer.from([0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12]), sub]);
  const header = Buffer.alloc(12 + 16);
  header.writeUInt32BE(0x00010000, 0); header.writeUInt16BE(1, 4);
  header.write('cmap', 12, 'latin1'); header.writeUInt32BE(28, 20); header.writeUInt32BE(cmap.length, 24);
  return Buffer.concat([header, cmap]);
}

const payload = {
  year: 2022,
  quarter: 2,
  asOf: '2022-06-30',
  title: '字体测试计划',
  sourceDocument: '宁波日报,2022-04-21',
  planVersion: 1,
  frozenAt: '2022-07-01T01:30:00.000Z',
  frozenBy: 'tester',
  frozenByName: '测试员',
  elapsedShare: 0.4959,
  lines: [],
  drillDown: {},
};

describe('report fonts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cr-fonts-'));

  it('uses the npm Noto Sans SC, regular and bold, when nothing is configured', () => {
    const fonts = reportFonts({});
    expect(fonts.source).toBe('npm');
    expect(fonts.regular).toEqual({ path: bundledFontPath('Regular'), family: undefined });
    expect(fonts.bold.path).toMatch(/NotoSansHans-Bold\.otf$/);
  });

  it('takes an .otf without a face name and a .ttc by its first face, and renders with either', async () => {
    const ttc = join(dir, 'noto.ttc');
    writeFileSync(ttc, asCollection(readFileSync(bundledFontPath('Regular'))));
    const otf = reportFonts({ REPORT_CJK_FONT: bundledFontPath('Regular') });
    expect(otf).toMatchObject({ source: 'env', regular: { family: undefined }, bold: { family: undefined } });
    const collection = reportFonts({ REPORT_CJK_FONT: ttc });
    expect(collection.regular).toEqual({ path: ttc, family: 'NotoSansHans-Regular' });
    const saved = process.env.REPORT_CJK_FONT;
    try {
      process.env.REPORT_CJK_FONT = ttc;
      const pdf = (await renderPdfBuffer(payload)).toString('latin1');
      expect(pdf.startsWith('%PDF-')).toBe(true);
      expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/);
    } finally {
      if (saved === undefined) delete process.env.REPORT_CJK_FONT;
      else process.env.REPORT_CJK_FONT = saved;
    }
  });

  it('renders the same bytes twice (the service may keep a rendered PDF because of it)', async () => {
    const line = {
      code: 'CHAIN_LEADERS', label: '培育链主企业', unit: '家', group: '链式培育', direction: 'AT_LEAST', measureKind: 'HOLDING_DESIGNATIONS', measureKindLabel: '持有认定',
      target: 10, actual: 4, count: 4, percent: 40, expected: 4.96, status: 'BEHIND', statusLabel: '进度滞后', evidence: null,
      splits: [{ kind: 'DISTRICT', districtCode: '330211', chainId: null, name: '镇海区', target: 5, actual: 2, percent: 40, expected: 2.48, status: 'BEHIND', statusLabel: '进度滞后' }],
    };
    const full = { ...payload, lines: [line] } as unknown as Parameters<typeof renderPdfBuffer>[0];
    const first = await renderPdfBuffer(full);
    expect(Buffer.compare(first, await renderPdfBuffer(full))).toBe(0);
  });

  it('says which file is missing or unreadable', () => {
    const junk = join(dir, 'junk.ttf');
    writeFileSync(junk, 'not a font');
    expect(() => reportFonts({ REPORT_CJK_FONT: join(dir, 'none.otf') })).toThrow(ReportFontError);
    expect(() => reportFonts({ REPORT_CJK_FONT: join(dir, 'none.otf') })).toThrow(/报表中文字体文件不存在:.*none\.otf/);
    expect(() => reportFonts({ REPORT_CJK_FONT: junk })).toThrow(/报表中文字体无法打开:.*junk\.ttf/);
  });

  it('checks at start-up, without fontkit, what the renderer would refuse', () => {
    const ttc = join(dir, 'noto-check.ttc');
    writeFileSync(ttc, asCollection(readFileSync(bundledFontPath('Regular'))));
    const latin = join(dir, 'latin.ttf');
    writeFileSync(latin, latinOnlyFont());
    const junk = join(dir, 'junk-check.ttf');
    writeFileSync(junk, 'not a font');
    expect(checkReportFonts({})).toEqual({ status: 'ok', path: bundledFontPath('Regular') });
    expect(checkReportFonts({ REPORT_CJK_FONT: ttc })).toEqual({ status: 'ok', path: ttc });
    expect(checkReportFonts({ REPORT_CJK_FONT: bundledFontPath('Regular'), REPORT_CJK_FONT_BOLD: latin }).message).toMatch(/报表字体不含中文字形:.*latin\.ttf/);
    expect(checkReportFonts({ REPORT_CJK_FONT: latin }).message).toMatch(/报表字体不含中文字形/);
    expect(checkReportFonts({ REPORT_CJK_FONT: junk }).message).toMatch(/报表中文字体无法打开:.*junk-check\.ttf/);
    expect(checkReportFonts({ REPORT_CJK_FONT: join(dir, 'none.otf') }).message).toMatch(/报表中文字体文件不存在:.*none\.otf/);
  });
});
