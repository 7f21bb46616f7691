import type { Writable } from 'node:stream';

import { csvSafeText } from '@app/core';
import type { QuarterlyReportPayload } from '@app/quotas';

import { detailText, expectedText, formatNumber, isUnreported, splitScopeLabel, statusText } from './report-format';
import type { ReportRows } from './report-rows';
import { TextOut } from './text-out';

const HEADER = ['分组', '指标代码', '指标', '单位', '范围', '目标值', '完成值', '完成率(%)', '应达值', '进度状态', '计量方式', '企业数', '佐证', '统一社会信用代码', '企业名称', '区县代码', '区县', '说明'];

// Text is marked against formula injection and Excel's number conversion of all-digit credit codes (cell-safety).
function cell(raw: string): string {
  const value = csvSafeText(raw);
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * UTF-8 with a BOM so Excel opens the Chinese text correctly; one row per line, per district/chain split and
 * per enterprise behind the line (范围 = 企业明细). A district officer's view has no city rows ('全市').
 */
export async function renderCsv(payload: QuarterlyReportPayload, rows: ReportRows, out: Writable): Promise<void> {
  const text = new TextOut(out);
  const write = (fields: string[]) => text.write(fields.map(cell).join(',') + '\r\n');
  await write(['\uFEFF' + HEADER[0], ...HEADER.slice(1)]);
  const cityRows = !payload.districtCodes;
  const names = payload.districtNames ?? {};
  for (const line of payload.lines) {
    if (cityRows) {
      const unreported = isUnreported(line, false);
      await write([
        line.group,
        line.code,
        line.label,
        line.unit,
        '全市',
        formatNumber(line.target),
        unreported ? '' : formatNumber(line.actual),
        unreported ? '' : formatNumber(line.percent),
        expectedText(line, line.expected),
        statusText(line, false),
        line.measureKindLabel,
        formatNumber(line.count),
        line.evidence ?? '',
        '',
        '',
        '',
        '',
        '',
      ]);
    }
    for (const split of line.splits) {
      await write([
        line.group,
        line.code,
        line.label,
        line.unit,
        `${splitScopeLabel(split.kind)}:${split.name}`,
        formatNumber(split.target),
        formatNumber(split.actual),
        formatNumber(split.percent),
        expectedText(line, split.expected),
        split.statusLabel,
        line.measureKindLabel,
        '',
        '',
        '',
        '',
        split.districtCode ?? '',
        split.districtCode ? (names[split.districtCode] ?? split.name) : '',
        '',
      ]);
    }
    // The rows behind the line, then (growth lines) the holders outside the rate, for lacking a figure of either year.
    for (const [scope, lacking] of [['企业明细', false], ['缺少数据企业', true]] as const) {
      for await (const batch of rows(line.code, lacking)) {
        for (const row of batch) {
          await write([line.group, line.code, line.label, line.unit, scope, '', formatNumber(row.currentValue), '', '', '', line.measureKindLabel, '', '', row.creditCode ?? '', row.name ?? '', row.districtCode, names[row.districtCode] ?? '', detailText(row.detail)]);
        }
      }
    }
  }
  await text.flush();
}
