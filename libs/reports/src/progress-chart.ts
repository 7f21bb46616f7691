import type * as Echarts from 'echarts';

import type { LineProgressDto } from '@app/quotas';

import { formatNumber, isUnreported } from './report-format';

/** Bar colours by status; the PDF's legend is drawn from this table. */
export const STATUS_COLORS: Record<string, string> = { MET: '#2e7d32', ON_TRACK: '#1565c0', BEHIND: '#c62828', NO_TARGET: '#9e9e9e' };
export const UNREPORTED_COLOR = '#bdbdbd';
export const PACE_COLOR = '#ef6c00';

export const CHART_WIDTH = 515;

export function chartHeight(lineCount: number): number {
  return 64 + lineCount * 26;
}

const NICE_STEPS = [20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000];

/**
 * The axis: 0–120 % in steps of 20 unless a line is beyond 115 %; then up to a round value above the largest in
 * at most six round steps, so 180 % (axis 200) and 500 % (axis 600) look different.
 */
export function percentAxis(percents: number[]): { max: number; interval: number } {
  const top = Math.max(0, ...percents);
  if (top <= 115) return { max: 120, interval: 20 };
  const wanted = (top * 1.04) / 6;
  const interval = NICE_STEPS.find((step) => step >= wanted) ?? Math.ceil(wanted / 10000) * 10000;
  return { max: Math.ceil((top * 1.04) / interval) * interval, interval };
}

/** What the bar's label says: a completion rate, never a growth rate; a drive-to-zero line says what is left. */
export function barLabel(line: LineProgressDto): string {
  if (isUnreported(line, false)) return '未填报';
  const percent = line.percent === null ? '-' : `${formatNumber(line.percent)}%`;
  // A growth line (unit %) reaching 83.9 % of a +20 % target grew 16.78 %: the bar is the first number, not the second.
  if (line.unit === '%') return `完成率 ${percent}(增速 ${formatNumber(line.actual)}%)`;
  if (line.direction === 'AT_MOST') {
    const left = `尚余 ${formatNumber(line.actual)} ${line.unit}`;
    return line.target === 0 ? `距清零${left},已压降 ${percent}` : `${left},已压降 ${percent}`;
  }
  return percent;
}

/**
 * A horizontal bar per line — the completion rate (actual ÷ target; for a count driven down, the share of the
 * reduction achieved) — with the even-pace mark, as SVG from ECharts' server-side renderer.
 */
export function progressChartSvg(lines: LineProgressDto[], elapsedShare: number): string {
  const height = chartHeight(lines.length);
  const { max, interval } = percentAxis(lines.map((l) => (isUnreported(l, false) ? 0 : (l.percent ?? 0))));
  // echarts loads on the first chart, not at start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const echarts = require('echarts') as typeof Echarts;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'Noto Sans SC' },
      grid: { left: 180, right: 150, top: 20, bottom: 40 },
      xAxis: {
        type: 'value',
        min: 0,
        max,
        interval,
        axisLabel: { formatter: '{value}%', fontSize: 9 },
        name: '完成率(完成值 ÷ 目标;压降类为已压降比例)',
        nameLocation: 'middle',
        nameGap: 22,
        nameTextStyle: { fontSize: 9, color: '#555555' },
      },
      yAxis: { type: 'category', inverse: true, axisLabel: { fontSize: 10 }, data: lines.map((l) => (l.label.length > 15 ? l.label.slice(0, 14) + '…' : l.label)) },
      series: [
        {
          type: 'bar',
          barWidth: 14,
          data: lines.map((l) => ({
            value: isUnreported(l, false) ? 0 : Math.min(max, Math.max(0, l.percent ?? 0)),
            itemStyle: { color: isUnreported(l, false) ? UNREPORTED_COLOR : (STATUS_COLORS[l.status] ?? STATUS_COLORS.NO_TARGET) },
          })),
          label: { show: true, position: 'right', fontSize: 9, formatter: (p: { dataIndex: number }) => barLabel(lines[p.dataIndex]) },
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: PACE_COLOR, type: 'dashed' },
            // The category axis is inverted (first line on top), so 'start' puts the label above the chart.
            label: { formatter: '应达', position: 'start', fontSize: 10 },
            data: [{ xAxis: Math.round(elapsedShare * 1000) / 10 }],
          },
        },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
