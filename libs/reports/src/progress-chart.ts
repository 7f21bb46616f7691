import * as echarts from 'echarts';

import type { LineProgressDto } from '@app/quotas';

const STATUS_COLORS: Record<string, string> = { MET: '#2e7d32', ON_TRACK: '#1565c0', BEHIND: '#c62828', NO_TARGET: '#9e9e9e' };

export const CHART_WIDTH = 515;

export function chartHeight(lineCount: number): number {
  return 50 + lineCount * 26;
}

/** A horizontal bar per line (percent of target, capped at 120 for drawing) with the even-pace mark, as SVG from ECharts' server-side renderer. */
export function progressChartSvg(lines: LineProgressDto[], elapsedShare: number): string {
  const height = chartHeight(lines.length);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'WenQuanYi Micro Hei' },
      grid: { left: 190, right: 50, top: 20, bottom: 24 },
      xAxis: { type: 'value', min: 0, max: 120, interval: 20, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, axisLabel: { fontSize: 10 }, data: lines.map((l) => (l.label.length > 16 ? l.label.slice(0, 15) + '…' : l.label)) },
      series: [
        {
          type: 'bar',
          barWidth: 14,
          data: lines.map((l) => ({ value: Math.min(120, Math.max(0, l.percent ?? 0)), itemStyle: { color: STATUS_COLORS[l.status] ?? '#9e9e9e' } })),
          label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => `${lines[p.dataIndex].percent ?? '-'}%` },
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: '#ef6c00', type: 'dashed' },
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
