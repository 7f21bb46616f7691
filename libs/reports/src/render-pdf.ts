import { existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';

import type { LineProgressDto, QuarterlyReportPayload } from '@app/quotas';

import { chartHeight, progressChartSvg } from './progress-chart';
import { formatNumber, splitScopeLabel } from './report-format';
import { drawSvg, SvgTarget } from './svg-to-pdfkit';

/** Debian's fonts-wqy-microhei; REPORT_CJK_FONT overrides it (a .ttf/.otf/.ttc with CJK glyphs). */
export const DEFAULT_CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
// A .ttc holds several fonts; fontkit picks one by its PostScript name.
const CJK_FAMILY = 'WenQuanYiMicroHei';

const MARGIN = 40;
const PAGE_BOTTOM = 842 - MARGIN;
const COLUMNS = [
  { title: '指标', x: 40, width: 215 },
  { title: '目标', x: 258, width: 55 },
  { title: '完成', x: 315, width: 55 },
  { title: '完成率', x: 372, width: 50 },
  { title: '应达', x: 424, width: 50 },
  { title: '状态', x: 478, width: 77 },
];

function fontPath(): string {
  const path = process.env.REPORT_CJK_FONT || DEFAULT_CJK_FONT;
  if (!existsSync(path)) throw new Error(`中文字体文件不存在:${path}(请安装 fonts-wqy-microhei 或设置 REPORT_CJK_FONT) (CJK font missing)`);
  return path;
}

/**
 * The frozen quarter as a Chinese PDF: a chart and a table per line group, then the district and chain
 * splits. Every date in the file is the freeze time (pdfkit derives the file ID from the info dict), so
 * two downloads are byte-identical.
 */
export async function renderPdf(payload: QuarterlyReportPayload, out: Writable): Promise<void> {
  const frozenAt = new Date(payload.frozenAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${payload.title} ${payload.year}年第${payload.quarter}季度进度`, Author: payload.frozenBy, Creator: '企业培育库', Producer: '企业培育库', CreationDate: frozenAt, ModDate: frozenAt },
  });
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  const font = fontPath();
  // only a collection (.ttc) takes a face name; for a single .otf/.ttf fontkit would read it as a variation
  doc.registerFont('cjk', font, font.endsWith('.ttc') ? CJK_FAMILY : undefined);
  doc.font('cjk');

  const ensure = (height: number) => {
    if (doc.y + height > PAGE_BOTTOM) doc.addPage();
  };
  const row = (cells: string[], bold = false) => {
    ensure(16);
    const y = doc.y;
    doc.fontSize(9).fillColor(bold ? '#000000' : '#222222');
    cells.forEach((text, i) => doc.text(text, COLUMNS[i].x, y, { width: COLUMNS[i].width, lineBreak: false }));
    doc.y = y + 15;
  };

  doc.fontSize(16).fillColor('#000000').text(payload.title, MARGIN, MARGIN, { width: 515, align: 'center' });
  doc.moveDown(0.3);
  doc.fontSize(12).text(`${payload.year} 年第 ${payload.quarter} 季度进度报告(截至 ${payload.asOf})`, { width: 515, align: 'center' });
  doc.moveDown(0.5);
  doc.fontSize(9).fillColor('#444444');
  doc.text(`冻结人:${payload.frozenBy}    冻结时间:${payload.frozenAt}    计划版本:${payload.planVersion}    全年时间进度:${formatNumber(payload.elapsedShare * 100)}%`, MARGIN);
  doc.text(`依据:${payload.sourceDocument}`, MARGIN, doc.y, { width: 515 });
  doc.text('状态规则:完成值达到目标为“已完成”;不低于“目标×时间进度”(压降类指标:不高于上年末值按时间进度线性降至目标的应达值)为“进度正常”,否则为“进度滞后”。', MARGIN, doc.y, { width: 515 });
  doc.moveDown(0.5);

  const groups = new Map<string, LineProgressDto[]>();
  // A district officer's view has no city totals: no per-group charts and tables, only their splits below.
  if (payload.districtCodes) {
    doc.fontSize(10).fillColor('#000000').text(`区县视图:仅含区县 ${payload.districtCodes.join('、')} 的分解进度,全市合计不显示。`, MARGIN, doc.y, { width: 515 });
    doc.moveDown(0.5);
  } else {
    for (const line of payload.lines) groups.set(line.group, [...(groups.get(line.group) ?? []), line]);
  }
  for (const [group, lines] of groups) {
    const height = chartHeight(lines.length);
    ensure(24 + height + 16 * (lines.length + 1));
    doc.fontSize(13).fillColor('#000000').text(group, MARGIN, doc.y);
    doc.moveDown(0.2);
    const top = doc.y;
    drawSvg(doc as unknown as SvgTarget, progressChartSvg(lines, payload.elapsedShare), MARGIN, top);
    doc.font('cjk');
    doc.y = top + height + 4;
    row(COLUMNS.map((c) => c.title), true);
    for (const line of lines) {
      row([
        `${line.label}(${line.unit})`,
        formatNumber(line.target),
        formatNumber(line.actual),
        line.percent === null ? '' : `${formatNumber(line.percent)}%`,
        formatNumber(line.expected),
        line.statusLabel,
      ]);
    }
    doc.moveDown(0.6);
  }

  const withSplits = payload.lines.filter((l) => l.splits.length);
  ensure(60);
  doc.fontSize(13).fillColor('#000000').text('分解进度(区县 / 产业链)', MARGIN, doc.y);
  doc.moveDown(0.3);
  if (!withSplits.length) {
    doc.fontSize(9).fillColor('#444444').text('本计划未按区县或产业链分解目标。', MARGIN, doc.y);
  }
  for (const kind of ['DISTRICT', 'CHAIN']) {
    const lines = withSplits.filter((l) => l.splits.some((s) => s.kind === kind));
    if (!lines.length) continue;
    ensure(40);
    doc.fontSize(11).fillColor('#000000').text(`按${splitScopeLabel(kind)}`, MARGIN, doc.y);
    doc.moveDown(0.2);
    row(['指标 / 范围', '目标', '完成', '完成率', '', '状态'], true);
    for (const line of lines) {
      for (const split of line.splits.filter((s) => s.kind === kind)) {
        row([`${line.label} · ${split.name}`, formatNumber(split.target), formatNumber(split.actual), `${formatNumber(split.percent)}%`, '', split.statusLabel]);
      }
    }
    doc.moveDown(0.6);
  }
  doc.end();
  await done;
}
