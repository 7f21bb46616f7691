import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

import { Injectable } from '@nestjs/common';
import type PDFDocument from 'pdfkit';

import { AuditService } from '@app/audit';
import { Actor, csvSafeText, XlsxWriter } from '@app/core';
import {
  EVALUATION_CLASS_LABELS,
  EVALUATION_STATUS_LABELS,
  EvaluationResultsService,
  EXCLUSION_REASON_LABELS,
  INDICATOR_KINDS,
  INDICATOR_LABELS,
  INDICATOR_SQL,
  INDICATOR_UNITS,
  ListResultsQueryDto,
  POPULATION_KIND_LABELS,
  RESPONSE_KIND_LABELS,
  OBJECTION_STATUS_LABELS,
  SheetDto,
} from '@app/evaluation';
import { reportFonts } from '@app/reports';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Rows an export may hold; a city's whole year fits (1,000,000 needs the CLI). */
export const EXPORT_LIMIT = 200_000;

const label = <T extends string>(labels: Record<T, string>, v: unknown) => (v ? labels[v as T] ?? String(v) : '');
const num = (v: unknown, digits = 2) => (v === null || v === undefined ? '' : Number(v).toFixed(digits));

/** Files of the evaluation: the results as CSV/XLSX (zh-CN headers), a firm's sheet as PDF. */
@Injectable()
export class EvaluationFilesService {
  constructor(
    private readonly evaluations: EvaluationResultsService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  private table(rows: Record<string, unknown>[]): { headers: string[]; cells: (string | number)[][] } {
    const headers = ['统一社会信用代码', '企业名称', '区县', '评价类别', '用地(亩)', ...INDICATOR_KINDS.flatMap((k) => [`${INDICATOR_LABELS[k]}(${INDICATOR_UNITS[k]})`, `${INDICATOR_LABELS[k]}得分`]), '总分', '类内排名', '类内企业数', '计算档次', '最终档次', '不参评原因'];
    const cells = rows.map((r) => [
      r.creditCode as string,
      r.name as string,
      (r.districtName as string) ?? (r.districtCode as string),
      label(POPULATION_KIND_LABELS, r.population),
      num(r.landMu),
      ...INDICATOR_KINDS.flatMap((k) => [num(r[INDICATOR_SQL[k].column], 4), num(r[`term_${INDICATOR_SQL[k].column}`])]),
      num(r.score),
      r.rank === null ? '' : Number(r.rank),
      r.populationSize === null ? '' : Number(r.populationSize),
      label(EVALUATION_CLASS_LABELS, r.computedClass),
      label(EVALUATION_CLASS_LABELS, r.finalClass),
      label(EXCLUSION_REASON_LABELS, r.exclusionReason),
    ]);
    return { headers, cells };
  }

  async results(actor: Actor, year: number, query: ListResultsQueryDto, format: 'csv' | 'xlsx'): Promise<Buffer> {
    const rows = await this.evaluations.exportRows(actor, year, query, EXPORT_LIMIT);
    const { headers, cells } = this.table(rows);
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, actor, { action: 'export.evaluation_results', entityType: 'evaluation_result', after: { year, format, filters: { ...query }, rowCount: rows.length } }),
    );
    if (format === 'csv') {
      const quote = (c: string | number) => {
        const text = typeof c === 'number' ? String(c) : csvSafeText(c);
        return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
      };
      return Buffer.from('\ufeff' + [headers, ...cells].map((line) => line.map(quote).join(',')).join('\r\n') + '\r\n', 'utf8');
    }
    // The same streaming writer as the other exports, gathered into one buffer (at most EXPORT_LIMIT rows).
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    const widths = headers.map((_, i) => (i === 0 ? 22 : i === 1 ? 36 : 14));
    const book = await XlsxWriter.open(sink, { sheets: [{ name: `${year}年亩均评价`, widths, headerRow: 1 }] });
    const sheet = book.nextSheet();
    await sheet.row(headers, { style: 'header' });
    for (const line of cells) await sheet.row(line);
    await sheet.end();
    await book.end();
    await finished(sink);
    return Buffer.concat(chunks);
  }

  /** 一企一单 as a PDF, in the report fonts (Noto Sans SC unless configured). */
  async sheetPdf(actor: Actor, year: number, enterpriseId: string): Promise<{ bytes: Buffer; name: string }> {
    const s = await this.evaluations.sheet(actor, year, enterpriseId);
    return { bytes: await renderSheet(s), name: `${year}年亩均评价单-${s.name}.pdf` };
  }
}

async function renderSheet(s: SheetDto): Promise<Buffer> {
  const fonts = reportFonts();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const PDFKit = require('pdfkit') as typeof PDFDocument;
  const doc = new PDFKit({ size: 'A4', margin: 48, info: { Title: `${s.year}年度亩均效益评价单 ${s.name}`, Creator: '企业培育库', Producer: '企业培育库' } });
  doc.registerFont('cjk', fonts.regular.path, fonts.regular.family);
  doc.registerFont('cjk-bold', fonts.bold.path, fonts.bold.family);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('cjk-bold').fontSize(16).text(`${s.year}年度工业企业亩均效益综合评价单(一企一单)`, { align: 'center' });
  doc.moveDown(0.8).font('cjk').fontSize(10);
  const line = (k: string, v: string) => doc.text(`${k}:${v}`);
  line('企业名称', s.name);
  line('统一社会信用代码', s.creditCode);
  line('所在区县', s.districtName ?? s.districtCode);
  line('评价类别', s.population ? POPULATION_KIND_LABELS[s.population] : '—');
  line('评价进度', EVALUATION_STATUS_LABELS[s.status] + (s.publicityStartsOn ? `(公示 ${s.publicityStartsOn} 至 ${s.publicityEndsOn})` : ''));
  line('用地(亩)', `自有 ${num(s.inputs.ownedMu)},租赁 ${num(s.inputs.leasedMu)},合计 ${num(s.landMu)}`);
  doc.moveDown(0.6).font('cjk-bold').fontSize(12).text('指标与得分');
  doc.font('cjk').fontSize(10);
  const cols = [170, 90, 90, 50, 50, 50];
  const heads = ['指标(单位)', '企业值', '基准值', '权重', '封顶', '得分'];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    let x = 48;
    doc.font(bold ? 'cjk-bold' : 'cjk');
    cells.forEach((c, i) => {
      doc.text(c, x, y, { width: cols[i] - 4, align: i === 0 ? 'left' : 'right' });
      x += cols[i];
    });
    doc.x = 48;
    doc.moveDown(0.3);
  };
  row(heads, true);
  for (const t of s.terms) row([`${INDICATOR_LABELS[t.indicator]}(${t.unit})`, num(t.value, 4), num(t.benchmark, 4), String(t.weight), String(t.cap), num(t.term)]);
  doc.moveDown(0.6).font('cjk-bold').fontSize(12);
  if (s.exclusionReason) doc.text(`不参评:${EXCLUSION_REASON_LABELS[s.exclusionReason]}`);
  else {
    doc.text(`总分 ${num(s.score)},类内排名 ${s.rank} / ${s.populationSize}`);
    doc.text(`档次:${s.finalClass ? EVALUATION_CLASS_LABELS[s.finalClass] : '—'}${s.finalClass !== s.computedClass && s.computedClass ? `(经异议由 ${EVALUATION_CLASS_LABELS[s.computedClass]} 调整)` : ''}`);
  }
  if (s.responses.length) {
    doc.moveDown(0.6).font('cjk-bold').fontSize(12).text('企业确认与异议');
    doc.font('cjk').fontSize(10);
    for (const r of s.responses) {
      doc.text(`${RESPONSE_KIND_LABELS[r.kind]}(${r.submittedBy})${r.reason ? ':' + r.reason : ''} — ${OBJECTION_STATUS_LABELS[r.status]}${r.decisionNote ? ',处理意见:' + r.decisionNote : ''}`);
    }
  }
  doc.moveDown(1).fontSize(8).fillColor('#666666').text('各项得分 = 企业值 ÷ 基准值 × 权重,不低于 0、不高于封顶分;档次按类内排名比例确定。', { align: 'left' });
  doc.end();
  return done;
}
