import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';

import type { QuarterlyReportPayload } from '@app/quotas';

import { splitScopeLabel } from './report-format';

interface ZipLike {
  append(source: unknown, data: Record<string, unknown>): unknown;
}

type WriterInternals = { zip: ZipLike & { fixedDate?: boolean }; created: Date };

/**
 * exceljs names no option for zip entry dates, so archiver would stamp each entry with the current time.
 * The writer appends its first entries from inside its constructor (themes, rels); hooking there stamps every
 * entry with the workbook's `created` date instead.
 */
class FixedDateWorkbookWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
  addThemes(): Promise<void> {
    const self = this as unknown as WriterInternals;
    if (!self.zip.fixedDate) {
      const append = self.zip.append.bind(self.zip);
      self.zip.append = (source, data) => append(source, { ...data, date: self.created });
      self.zip.fixedDate = true;
    }
    return (ExcelJS.stream.xlsx.WorkbookWriter.prototype as unknown as { addThemes(): Promise<void> }).addThemes.call(this);
  }
}

/**
 * Streams the workbook (rows are committed as written, so memory stays flat). Every date inside the
 * file — document properties and the zip entries' timestamps — is the freeze time, so the bytes are the
 * same on every download.
 */
export async function renderXlsx(payload: QuarterlyReportPayload, out: Writable): Promise<void> {
  const frozenAt = new Date(payload.frozenAt);
  const workbook = new FixedDateWorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false, created: frozenAt, modified: frozenAt } as never);
  workbook.creator = payload.frozenBy;
  workbook.lastModifiedBy = payload.frozenBy;
  workbook.created = frozenAt;
  workbook.modified = frozenAt;

  const summary = workbook.addWorksheet('汇总');
  summary.columns = [
    { header: '分组', key: 'group', width: 12 },
    { header: '指标代码', key: 'code', width: 30 },
    { header: '指标', key: 'label', width: 40 },
    { header: '单位', key: 'unit', width: 8 },
    { header: '目标值', key: 'target', width: 10 },
    { header: '完成值', key: 'actual', width: 10 },
    { header: '完成率(%)', key: 'percent', width: 10 },
    { header: '应达值', key: 'expected', width: 10 },
    { header: '进度状态', key: 'status', width: 10 },
    { header: '计量方式', key: 'measure', width: 20 },
    { header: '企业数', key: 'count', width: 8 },
    { header: '佐证', key: 'evidence', width: 40 },
  ];
  summary.getRow(1).font = { bold: true };
  for (const line of payload.lines) {
    summary
      .addRow({
        group: line.group,
        code: line.code,
        label: line.label,
        unit: line.unit,
        target: line.target,
        actual: line.actual,
        percent: line.percent,
        expected: line.expected,
        status: line.statusLabel,
        measure: line.measureKindLabel,
        count: line.count,
        evidence: line.evidence ?? '',
      })
      .commit();
  }
  summary.addRow([]).commit();
  summary.addRow([`${payload.title}(${payload.year} 年第 ${payload.quarter} 季度,截至 ${payload.asOf})`]).commit();
  summary.addRow([`冻结:${payload.frozenBy} 于 ${payload.frozenAt}`]).commit();
  if (payload.districtCodes) summary.addRow([`区县视图:仅含区县 ${payload.districtCodes.join('、')} 的分解与企业明细,全市合计不显示`]).commit();
  summary.commit();

  const splits = workbook.addWorksheet('分解');
  splits.columns = [
    { header: '指标代码', key: 'code', width: 30 },
    { header: '指标', key: 'label', width: 40 },
    { header: '范围', key: 'scope', width: 8 },
    { header: '名称', key: 'name', width: 20 },
    { header: '目标值', key: 'target', width: 10 },
    { header: '完成值', key: 'actual', width: 10 },
    { header: '完成率(%)', key: 'percent', width: 10 },
    { header: '进度状态', key: 'status', width: 10 },
  ];
  for (const line of payload.lines) {
    for (const split of line.splits) {
      splits
        .addRow({ code: line.code, label: line.label, scope: splitScopeLabel(split.kind), name: split.name, target: split.target, actual: split.actual, percent: split.percent, status: split.statusLabel })
        .commit();
    }
  }
  splits.commit();

  for (const line of payload.lines) {
    const sheet = workbook.addWorksheet(line.code.slice(0, 31));
    // A district officer's view has no city totals to put in the title.
    sheet.addRow([payload.districtCodes ? line.label : `${line.label}(目标 ${line.target ?? ''}${line.unit},完成 ${line.actual}${line.unit},${line.statusLabel})`]).commit();
    sheet.addRow(['统一社会信用代码', '企业名称', '区县代码', '说明', '本年值', '上年值']).commit();
    for (const row of payload.drillDown[line.code] ?? []) {
      sheet.addRow([row.creditCode, row.name, row.districtCode, row.detail, row.currentValue, row.previousValue]).commit();
    }
    const lacking = payload.lackingFigures?.[line.code] ?? [];
    if (lacking.length) {
      sheet.addRow(['缺少数据企业(未计入增速)']).commit();
      for (const row of lacking) sheet.addRow([row.creditCode, row.name, row.districtCode, row.detail, row.currentValue, row.previousValue]).commit();
    }
    if (line.evidence) sheet.addRow(['佐证', line.evidence]).commit();
    sheet.commit();
  }
  await workbook.commit();
}
