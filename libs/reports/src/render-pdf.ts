import type { Writable } from 'node:stream';
import type PDFDocument from 'pdfkit';

import type { LineProgressDto, QuarterlyReportPayload, SplitProgressDto } from '@app/quotas';

import { chartHeight, PACE_COLOR, progressChartSvg, STATUS_COLORS, UNREPORTED_COLOR } from './progress-chart';
import { reportFonts } from './report-fonts';
import { beijingTime, citation, expectedText, formatNumber, frozenByName, isUnreported, splitScopeLabel, statusText } from './report-format';
import { drawSvg, SvgTarget } from './svg-to-pdfkit';

const MARGIN = 40;
const WIDTH = 515;
const PAGE_BOTTOM = 842 - MARGIN;
const PAD = 3;

type Doc = InstanceType<typeof PDFDocument>;

interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

interface TableRow {
  cells: string[];
  /** A full-width line under the row, e.g. a manual line's evidence */
  note?: string;
  /** Text colour of the status cell */
  statusColor?: string;
}

const LINE_COLUMNS: Column[] = [
  { title: '指标(单位)', width: 185 },
  { title: '目标', width: 55, align: 'right' },
  { title: '应达', width: 55, align: 'right' },
  { title: '完成', width: 55, align: 'right' },
  { title: '完成率', width: 60, align: 'right' },
  { title: '状态', width: 105 },
];

const SPLIT_COLUMNS = (kind: string): Column[] => [
  { title: '指标(单位)', width: 160 },
  { title: splitScopeLabel(kind), width: 80 },
  { title: '目标', width: 50, align: 'right' },
  { title: '应达', width: 50, align: 'right' },
  { title: '完成', width: 50, align: 'right' },
  { title: '完成率', width: 55, align: 'right' },
  { title: '状态', width: 70 },
];

const STATUS_TEXT_COLORS: Record<string, string> = { ...STATUS_COLORS, UNREPORTED: '#757575' };

/** Writes on pages of A4, breaking pages before a block that would not fit. */
class Page {
  constructor(readonly doc: Doc) {}

  regular(size: number, color = '#222222'): Doc {
    return this.doc.font('cjk').fontSize(size).fillColor(color);
  }

  bold(size: number, color = '#000000'): Doc {
    return this.doc.font('cjk-bold').fontSize(size).fillColor(color);
  }

  /** True when a page was added. */
  ensure(height: number): boolean {
    if (this.doc.y + height <= PAGE_BOTTOM) return false;
    this.doc.addPage();
    return true;
  }

  heading(text: string, size: number): void {
    this.ensure(size * 3);
    this.bold(size).text(text, MARGIN, this.doc.y, { width: WIDTH });
    this.doc.moveDown(0.25);
  }

  /**
   * A table whose rows grow with their wrapped text; on a new page the caption (with 续) and the header row are
   * drawn again, so a continuation page reads on its own.
   */
  table(caption: string | null, columns: Column[], rows: TableRow[], continuedCaption = caption ? `${caption}(续)` : null): void {
    const xs = columns.reduce<number[]>((acc, c, i) => [...acc, i === 0 ? MARGIN : acc[i - 1] + columns[i - 1].width], []);
    const cellHeight = (text: string, width: number, font: 'cjk' | 'cjk-bold') =>
      this.doc.font(font).fontSize(9).heightOfString(text || ' ', { width: width - 2 * PAD, lineGap: 1 });
    const header = (continued: boolean) => {
      const title = continued ? continuedCaption : caption;
      if (title) {
        this.bold(11).text(title, MARGIN, this.doc.y, { width: WIDTH });
        this.doc.moveDown(0.2);
      }
      const height = Math.max(...columns.map((c) => cellHeight(c.title, c.width, 'cjk-bold'))) + 2 * PAD;
      const y = this.doc.y;
      this.doc.rect(MARGIN, y, WIDTH, height).fill('#eceff1');
      columns.forEach((c, i) => this.bold(9).text(c.title, xs[i] + PAD, y + PAD, { width: c.width - 2 * PAD, align: c.align ?? 'left', lineGap: 1 }));
      this.doc.y = y + height;
    };
    const headerHeight = () => (caption ? 22 : 0) + 18;
    this.ensure(headerHeight() + 20);
    header(false);
    for (const row of rows) {
      const cellsHeight = Math.max(...row.cells.map((text, i) => cellHeight(text, columns[i].width, 'cjk'))) + 2 * PAD;
      const noteHeight = row.note ? this.doc.font('cjk').fontSize(8).heightOfString(row.note, { width: WIDTH - 2 * PAD - 12, lineGap: 1 }) + PAD : 0;
      if (this.ensure(cellsHeight + noteHeight)) header(true);
      const y = this.doc.y;
      row.cells.forEach((text, i) => {
        const color = i === row.cells.length - 1 && row.statusColor ? row.statusColor : '#222222';
        this.regular(9, color).text(text, xs[i] + PAD, y + PAD, { width: columns[i].width - 2 * PAD, align: columns[i].align ?? 'left', lineGap: 1 });
      });
      if (row.note) this.regular(8, '#555555').text(row.note, MARGIN + PAD + 12, y + cellsHeight - PAD / 2, { width: WIDTH - 2 * PAD - 12, lineGap: 1 });
      const bottom = y + cellsHeight + noteHeight;
      this.doc.moveTo(MARGIN, bottom).lineTo(MARGIN + WIDTH, bottom).lineWidth(0.5).strokeColor('#cfd8dc').stroke();
      this.doc.y = bottom;
    }
    this.doc.x = MARGIN;
    this.doc.moveDown(0.6);
  }

  /** The colour key under each chart. */
  legend(): void {
    const items: [string, string][] = [
      [STATUS_COLORS.MET, '已完成'],
      [STATUS_COLORS.ON_TRACK, '进度正常'],
      [STATUS_COLORS.BEHIND, '进度滞后'],
      [STATUS_COLORS.NO_TARGET, '无目标'],
      [UNREPORTED_COLOR, '未填报'],
    ];
    const y = this.doc.y;
    let x = MARGIN;
    this.regular(8, '#333333');
    for (const [color, label] of items) {
      this.doc.rect(x, y + 1, 9, 9).fill(color);
      this.regular(8, '#333333').text(label, x + 12, y, { lineBreak: false });
      x += 12 + this.doc.widthOfString(label) + 14;
    }
    this.doc.save().moveTo(x, y + 5.5).lineTo(x + 18, y + 5.5).dash(3, { space: 2 }).lineWidth(1).strokeColor(PACE_COLOR).stroke().undash().restore();
    this.regular(8, '#333333').text('应达(按全年时间进度)', x + 22, y, { lineBreak: false });
    this.doc.x = MARGIN;
    this.doc.y = y + 16;
  }
}

function lineRow(line: LineProgressDto): TableRow {
  const unreported = isUnreported(line, false);
  return {
    cells: [
      `${line.label}(${line.unit})`,
      formatNumber(line.target),
      expectedText(line, line.expected),
      unreported ? '—' : formatNumber(line.actual),
      unreported || line.percent === null ? '' : `${formatNumber(line.percent)}%`,
      statusText(line, false),
    ],
    note: line.measureKind === 'MANUAL' && line.evidence ? `佐证:${line.evidence}` : undefined,
    statusColor: unreported ? STATUS_TEXT_COLORS.UNREPORTED : STATUS_TEXT_COLORS[line.status],
  };
}

function splitRow(line: LineProgressDto, split: SplitProgressDto, districtNames: Record<string, string>): TableRow {
  const name = split.kind === 'DISTRICT' && split.districtCode ? (districtNames[split.districtCode] ?? split.name) : split.name;
  return {
    cells: [
      `${line.label}(${line.unit})`,
      name,
      formatNumber(split.target),
      expectedText(line, split.expected),
      formatNumber(split.actual),
      `${formatNumber(split.percent)}%`,
      split.statusLabel,
    ],
    statusColor: STATUS_TEXT_COLORS[split.status],
  };
}

/**
 * The frozen quarter as a Chinese PDF: a chart, its colour key and a table per line group, then the district and
 * chain splits. Every date in the file is the freeze time (pdfkit derives the file ID from the info dict), so
 * two downloads are byte-identical. Rendered into memory first: a failure answers a JSON error, never a
 * half-written attachment.
 */
export async function renderPdf(payload: QuarterlyReportPayload, out: Writable): Promise<void> {
  const bytes = await renderPdfBuffer(payload);
  await new Promise<void>((resolve, reject) => out.end(bytes, (error?: Error | null) => (error ? reject(error) : resolve())));
}

/** The PDF's bytes; throws ReportFontError when the configured font cannot be used. */
export async function renderPdfBuffer(payload: QuarterlyReportPayload): Promise<Buffer> {
  const fonts = reportFonts();
  const frozenAt = new Date(payload.frozenAt);
  const who = frozenByName(payload);
  const names = payload.districtNames ?? {};
  // pdfkit (and fontkit under it) loads on the first PDF, not at start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const PDFKit = require('pdfkit') as typeof PDFDocument;
  const doc = new PDFKit({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${payload.title} ${payload.year}年第${payload.quarter}季度进度`, Author: who, Creator: '企业培育库', Producer: '企业培育库', CreationDate: frozenAt, ModDate: frozenAt },
  });
  const chunks: Buffer[] = [];
  const rendered = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', fonts.regular.path, fonts.regular.family);
  doc.registerFont('cjk-bold', fonts.bold.path, fonts.bold.family);
  const page = new Page(doc);

  page.bold(16).text(payload.title, MARGIN, MARGIN, { width: WIDTH, align: 'center' });
  doc.moveDown(0.3);
  page.bold(12).text(`${payload.year} 年第 ${payload.quarter} 季度进度报告(截至 ${payload.asOf})`, MARGIN, doc.y, { width: WIDTH, align: 'center' });
  doc.moveDown(0.6);
  page.regular(9, '#444444');
  doc.text(`冻结人:${who}    冻结时间:${beijingTime(payload.frozenAt)}    计划版本:${payload.planVersion}    全年时间进度:${formatNumber(payload.elapsedShare * 100)}%`, MARGIN, doc.y, { width: WIDTH });
  doc.text(`依据:${citation(payload.sourceDocument)}`, MARGIN, doc.y, { width: WIDTH });
  doc.text(
    '状态规则:完成值达到目标为“已完成”;不低于“目标×时间进度”(压降类指标:不高于上年末值按时间进度线性降至目标的应达值)为“进度正常”,否则为“进度滞后”。' +
      '应达:按全年时间进度此时应达到的值,企业、项目等计数取整(应达 3.5 家即 4 家)。人工填报指标尚无填报的,显示“未填报”。',
    MARGIN,
    doc.y,
    { width: WIDTH },
  );
  doc.moveDown(0.5);

  const groups = new Map<string, LineProgressDto[]>();
  if (payload.districtCodes) {
    // A district officer's view has no city totals: no per-group charts and tables, only their splits below.
    const covered = payload.districtCodes.map((c) => names[c] ?? payload.districtNames?.[c] ?? c).join('、');
    page.bold(10).text(`区县视图:${covered}。仅含上述区县的分解进度,全市合计不显示。`, MARGIN, doc.y, { width: WIDTH });
    doc.moveDown(0.5);
  } else {
    for (const line of payload.lines) groups.set(line.group, [...(groups.get(line.group) ?? []), line]);
  }
  for (const [group, lines] of groups) {
    const height = chartHeight(lines.length);
    // Keep a group's heading, chart, key and the first rows of its table together.
    page.ensure(30 + height + 18 + 60);
    page.heading(group, 13);
    const top = doc.y;
    page.regular(9);
    drawSvg(doc as unknown as SvgTarget, progressChartSvg(lines, payload.elapsedShare), MARGIN, top);
    doc.y = top + height;
    page.legend();
    page.table(null, LINE_COLUMNS, lines.map(lineRow), `${group}(续)`);
  }

  const withSplits = payload.lines.filter((l) => l.splits.length);
  page.ensure(60);
  page.heading('分解进度(区县 / 产业链)', 13);
  if (!withSplits.length) page.regular(9, '#444444').text('本计划未按区县或产业链分解目标。', MARGIN, doc.y, { width: WIDTH });
  for (const kind of ['DISTRICT', 'CHAIN']) {
    const rows = withSplits.flatMap((line) => line.splits.filter((s) => s.kind === kind).map((s) => splitRow(line, s, names)));
    if (rows.length) page.table(`按${splitScopeLabel(kind)}`, SPLIT_COLUMNS(kind), rows);
  }
  doc.end();
  return rendered;
}
