import type { Writable } from 'node:stream';

import { XlsxSheetSpec, XlsxSheetWriter, XlsxWriter } from '@app/core';
import type { LineProgressDto, QuarterlyReportPayload } from '@app/quotas';

import { beijingTime, citation, detailText, expectedText, frozenByName, isUnreported, splitScopeLabel, statusText } from './report-format';
import type { ReportRows } from './report-rows';

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

// A4 landscape, every column on one page width (the writer's print setup), with narrower margins than Excel's.
const MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 };

interface SheetPlan {
  spec: XlsxSheetSpec;
  title: string;
  notes: string[];
  headers: string[];
}

type Column = { header: string; width: number };

/** A title row (merged over the columns), further note rows, then the bold header row, frozen below. */
function plan(name: string, title: string, notes: string[], columns: Column[]): SheetPlan {
  return { spec: { name, widths: columns.map((c) => c.width), headerRow: 2 + notes.length, margins: MARGINS }, title, notes, headers: columns.map((c) => c.header) };
}

async function startSheet(book: XlsxWriter, p: SheetPlan): Promise<XlsxSheetWriter> {
  const sheet = book.nextSheet();
  await sheet.row([p.title], { style: 'title', height: 24, merge: true });
  for (const note of p.notes) await sheet.row([note], { style: 'note', merge: true });
  await sheet.row(p.headers, { style: 'header' });
  return sheet;
}

const SUMMARY_COLUMNS: Column[] = [
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
];

const SPLIT_COLUMNS: Column[] = [
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
];

const LINE_COLUMNS: Column[] = [
  { header: '统一社会信用代码', width: 22 },
  { header: '企业名称', width: 36 },
  { header: '区县', width: 10 },
  { header: '说明', width: 36 },
  { header: '本年值', width: 16 },
  { header: '上年值', width: 16 },
];

/**
 * Streams the workbook through our own XLSX writer: rows are read in batches (`rows`) and deflated into the
 * response as written, waiting while the client is behind, so memory stays flat however long a line's list is.
 * Every date inside the file (document properties and the zip entries' times) is the freeze time, so the bytes are
 * the same on every download. Sheets: 汇总, 分解, then one per line named by its Chinese label.
 */
export async function renderXlsx(payload: QuarterlyReportPayload, rows: ReportRows, out: Writable): Promise<void> {
  const frozenAt = new Date(payload.frozenAt);
  const who = frozenByName(payload);
  const districtView = Boolean(payload.districtCodes);
  const names = payload.districtNames ?? {};

  const period = `${payload.year} 年第 ${payload.quarter} 季度进度报告(截至 ${payload.asOf})`;
  const notes = [`冻结人:${who}    冻结时间:${beijingTime(payload.frozenAt)}    依据:${citation(payload.sourceDocument)}`];
  if (payload.districtCodes) {
    notes.push(`区县视图:${payload.districtCodes.map((c) => names[c] ?? c).join('、')}。仅含上述区县的分解与企业明细,全市合计不显示。`);
  }
  const lineNames = sheetNames(payload.lines.map((l) => l.label), ['汇总', '分解']);
  const summaryPlan = plan('汇总', `${payload.title} ${period}`, notes, SUMMARY_COLUMNS);
  const splitPlan = plan('分解', `${payload.title} ${period}:按区县、产业链分解`, notes, SPLIT_COLUMNS);
  const linePlans = payload.lines.map((line, i) => {
    // A district officer's view has no city totals to put in the title.
    const totals = districtView ? '' : `(目标 ${line.target ?? '—'} ${line.unit},完成 ${isUnreported(line, false) ? '—' : line.actual} ${line.unit},${statusText(line, false)})`;
    return plan(lineNames[i], `${line.label}${totals}`, [], LINE_COLUMNS);
  });
  const book = await XlsxWriter.open(out, { sheets: [summaryPlan, splitPlan, ...linePlans].map((p) => p.spec), created: frozenAt, creator: who });

  const summary = await startSheet(book, summaryPlan);
  for (const line of payload.lines) {
    const unreported = isUnreported(line, districtView);
    await summary.row([
      line.group, line.label, line.unit, line.target, expectedText(line, line.expected), unreported ? null : line.actual, unreported ? null : line.percent,
      statusText(line, districtView), line.measureKindLabel, line.count, line.evidence ?? '', line.code,
    ] as Value[]);
  }
  await summary.end();

  const splits = await startSheet(book, splitPlan);
  for (const line of payload.lines) {
    for (const split of line.splits) {
      const name = split.kind === 'DISTRICT' && split.districtCode ? (names[split.districtCode] ?? split.name) : split.name;
      await splits.row([line.label, line.unit, splitScopeLabel(split.kind), name, split.target, expectedText(line, split.expected), split.actual, split.percent, split.statusLabel, line.code] as Value[]);
    }
  }
  await splits.end();

  for (const [i, line] of payload.lines.entries()) await lineSheet(await startSheet(book, linePlans[i]), line, payload, rows);
  await book.end();
}

async function lineSheet(sheet: XlsxSheetWriter, line: LineProgressDto, payload: QuarterlyReportPayload, rows: ReportRows): Promise<void> {
  const names = payload.districtNames ?? {};
  for (const lacking of [false, true]) {
    let first = true;
    for await (const batch of rows(line.code, lacking)) {
      if (lacking && first && batch.length) await sheet.row(['缺少数据企业(未计入增速)']);
      first = false;
      for (const row of batch) {
        await sheet.row([row.creditCode, row.name, names[row.districtCode] ?? row.districtCode, detailText(row.detail), row.currentValue, row.previousValue]);
      }
    }
  }
  if (line.evidence) await sheet.row(['佐证', line.evidence]);
  await sheet.end();
}
