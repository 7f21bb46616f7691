import type ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';

import { exceljs, xlsxBackpressure, xlsxSafeText } from '@app/core';
import type { LineProgressDto, QuarterlyReportPayload } from '@app/quotas';

import { beijingTime, citation, detailText, expectedText, frozenByName, isUnreported, splitScopeLabel, statusText } from './report-format';
import type { ReportRows } from './report-rows';

interface ZipLike {
  append(source: unknown, data: Record<string, unknown>): unknown;
}

type WriterInternals = { zip: ZipLike & { fixedDate?: boolean }; created: Date };

/**
 * exceljs names no option for zip entry dates, so archiver would stamp each entry with the current time.
 * The writer appends its first entries from inside its constructor (themes, rels); hooking there stamps every
 * entry with the workbook's `created` date instead.
 */
function fixedDateWorkbookWriter(options: Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>): ExcelJS.stream.xlsx.WorkbookWriter {
  // Defined on first use: exceljs loads when the first report is rendered, not at start.
  FixedDateWorkbookWriter ??= class extends exceljs().stream.xlsx.WorkbookWriter {
    addThemes(): Promise<void> {
      const self = this as unknown as WriterInternals;
      if (!self.zip.fixedDate) {
        const append = self.zip.append.bind(self.zip);
        self.zip.append = (source, data) => append(source, { ...data, date: self.created });
        self.zip.fixedDate = true;
      }
      return (exceljs().stream.xlsx.WorkbookWriter.prototype as unknown as { addThemes(): Promise<void> }).addThemes.call(this);
    }
  };
  return new FixedDateWorkbookWriter(options);
}
let FixedDateWorkbookWriter: typeof ExcelJS.stream.xlsx.WorkbookWriter | undefined;

type Value = string | number | null | undefined;

/** Excel's rules for sheet names: at most 31 characters, none of \ / ? * [ ] :, unique ignoring case. */
export function sheetNames(labels: string[], reserved: string[]): string[] {
  const used = new Set(reserved.map((r) => r.toLowerCase()));
  return labels.map((label) => {
    const base = label.replace(/[\\/?*[\]:]/g, '_').replace(/^'+|'+$/g, '').trim() || '指标';
    let name = base.slice(0, 31);
    for (let n = 2; used.has(name.toLowerCase()); n++) name = base.slice(0, 31 - String(n).length - 2) + `(${n})`;
    used.add(name.toLowerCase());
    return name;
  });
}

// A4 landscape, every column on one page width; the header rows repeat on each printed page.
const pageSetup = (headerRow: number) => ({
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  printTitlesRow: `${headerRow}:${headerRow}`,
});

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFECEFF1' } } as const;

/** Text is marked against formula injection (cell-safety); numbers stay numbers. */
const safe = (values: Value[]) => values.map((v) => (typeof v === 'string' ? xlsxSafeText(v) : (v ?? undefined)));

type Sheet = ReturnType<ExcelJS.stream.xlsx.WorkbookWriter['addWorksheet']>;

/** A title row (merged over the columns), further note rows, then the bold header row, frozen below. */
function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, title: string, notes: string[], columns: { header: string; width: number }[]): Sheet {
  const headerRow = 2 + notes.length;
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }], pageSetup: pageSetup(headerRow) } as never);
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const titleRow = sheet.addRow(safe([title]));
  titleRow.font = { bold: true, size: 14 };
  titleRow.height = 24;
  sheet.mergeCells(1, 1, 1, columns.length);
  titleRow.commit();
  notes.forEach((note, i) => {
    const row = sheet.addRow(safe([note]));
    row.font = { color: { argb: 'FF555555' } };
    sheet.mergeCells(2 + i, 1, 2 + i, columns.length);
    row.commit();
  });
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => (cell.fill = HEADER_FILL));
  header.commit();
  return sheet;
}

/**
 * Streams the workbook: rows are read in batches (`rows`) and committed as written, waiting while exceljs's
 * backlog is high (`xlsxBackpressure`), so memory stays flat however long a line's list is. Every date inside the
 * file — document properties and the zip entries' timestamps — is the freeze time, so the bytes are the
 * same on every download. Sheets: 汇总, 分解, then one per line named by its Chinese label.
 */
export async function renderXlsx(payload: QuarterlyReportPayload, rows: ReportRows, out: Writable): Promise<void> {
  const frozenAt = new Date(payload.frozenAt);
  const who = frozenByName(payload);
  const districtView = Boolean(payload.districtCodes);
  const names = payload.districtNames ?? {};
  const workbook = fixedDateWorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false, created: frozenAt, modified: frozenAt } as never);
  workbook.creator = who;
  workbook.lastModifiedBy = who;
  workbook.created = frozenAt;
  workbook.modified = frozenAt;

  const period = `${payload.year} 年第 ${payload.quarter} 季度进度报告(截至 ${payload.asOf})`;
  const notes = [`冻结人:${who}    冻结时间:${beijingTime(payload.frozenAt)}    依据:${citation(payload.sourceDocument)}`];
  if (payload.districtCodes) {
    notes.push(`区县视图:${payload.districtCodes.map((c) => names[c] ?? c).join('、')}。仅含上述区县的分解与企业明细,全市合计不显示。`);
  }

  const summary = addSheet(workbook, '汇总', `${payload.title} ${period}`, notes, [
    { header: '分组', width: 10 },
    { header: '指标', width: 36 },
    { header: '单位', width: 7 },
    { header: '目标值', width: 10 },
    { header: '应达值', width: 10 },
    { header: '完成值', width: 10 },
    { header: '完成率(%)', width: 11 },
    { header: '进度状态', width: 10 },
    { header: '计量方式', width: 18 },
    { header: '企业数', width: 8 },
    { header: '佐证', width: 40 },
    { header: '指标代码', width: 30 },
  ]);
  for (const line of payload.lines) {
    const unreported = isUnreported(line, districtView);
    summary
      .addRow(
        safe([
          line.group, line.label, line.unit, line.target, expectedText(line, line.expected), unreported ? null : line.actual, unreported ? null : line.percent,
          statusText(line, districtView), line.measureKindLabel, line.count, line.evidence ?? '', line.code,
        ]),
      )
      .commit();
  }
  summary.commit();

  const splits = addSheet(workbook, '分解', `${payload.title} ${period}:按区县、产业链分解`, notes, [
    { header: '指标', width: 36 },
    { header: '单位', width: 7 },
    { header: '范围', width: 8 },
    { header: '名称', width: 20 },
    { header: '目标值', width: 10 },
    { header: '应达值', width: 10 },
    { header: '完成值', width: 10 },
    { header: '完成率(%)', width: 11 },
    { header: '进度状态', width: 10 },
    { header: '指标代码', width: 30 },
  ]);
  for (const line of payload.lines) {
    for (const split of line.splits) {
      const name = split.kind === 'DISTRICT' && split.districtCode ? (names[split.districtCode] ?? split.name) : split.name;
      splits
        .addRow(safe([line.label, line.unit, splitScopeLabel(split.kind), name, split.target, expectedText(line, split.expected), split.actual, split.percent, split.statusLabel, line.code]))
        .commit();
    }
  }
  splits.commit();

  const lineSheets = sheetNames(payload.lines.map((l) => l.label), ['汇总', '分解']);
  for (const [i, line] of payload.lines.entries()) await lineSheet(workbook, lineSheets[i], line, payload, rows, out, districtView);
  await workbook.commit();
}

async function lineSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, line: LineProgressDto, payload: QuarterlyReportPayload, rows: ReportRows, out: Writable, districtView: boolean,
): Promise<void> {
  const names = payload.districtNames ?? {};
  // A district officer's view has no city totals to put in the title.
  const totals = districtView ? '' : `(目标 ${line.target ?? '—'} ${line.unit},完成 ${isUnreported(line, false) ? '—' : line.actual} ${line.unit},${statusText(line, false)})`;
  const sheet = addSheet(workbook, name, `${line.label}${totals}`, [], [
    { header: '统一社会信用代码', width: 22 },
    { header: '企业名称', width: 36 },
    { header: '区县', width: 10 },
    { header: '说明', width: 36 },
    { header: '本年值', width: 16 },
    { header: '上年值', width: 16 },
  ]);
  for (const lacking of [false, true]) {
    let first = true;
    for await (const batch of rows(line.code, lacking)) {
      if (lacking && first && batch.length) sheet.addRow(['缺少数据企业(未计入增速)']).commit();
      first = false;
      for (const row of batch) {
        sheet.addRow(safe([row.creditCode, row.name, names[row.districtCode] ?? row.districtCode, detailText(row.detail), row.currentValue, row.previousValue])).commit();
      }
      await xlsxBackpressure(sheet, out);
    }
  }
  if (line.evidence) sheet.addRow(safe(['佐证', line.evidence])).commit();
  sheet.commit();
}
