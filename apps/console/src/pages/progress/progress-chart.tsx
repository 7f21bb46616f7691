import { BarChart, ScatterChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

// only the parts of ECharts the progress pages draw, loaded with them
echarts.use([BarChart, ScatterChart, GridComponent, TooltipComponent, CanvasRenderer]);

export const STATUS_COLORS: Record<string, string> = { MET: '#52c41a', ON_TRACK: '#1677ff', BEHIND: '#f5222d', NO_TARGET: '#bfbfbf', UNREPORTED: '#d9d9d9' };

export interface ProgressBar {
  label: string;
  /** actual as a share of the target, in % (null: nothing to show) */
  percent: number | null;
  /** where the line should be by now at an even pace, in % of the target */
  expectedPercent: number | null;
  status: string;
  statusLabel: string;
  detail: string;
}

/** Horizontal bars (完成率) against each line's 应达 mark, coloured by status. */
export function ProgressChart({ bars, height, dark = false, onClick }: { bars: ProgressBar[]; height?: number; dark?: boolean; onClick?: (index: number) => void }) {
  const text = dark ? '#e6f4ff' : '#333';
  const max = Math.max(120, ...bars.map((b) => Math.min(b.percent ?? 0, 300)));
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height: height ?? Math.max(120, bars.length * (dark ? 30 : 44) + 40) }}
      onEvents={onClick ? { click: (e: { dataIndex: number }) => onClick(e.dataIndex) } : undefined}
      option={{
        animation: false,
        tooltip: {
          trigger: 'item',
          formatter: (p: { dataIndex: number }) => {
            const b = bars[p.dataIndex];
            return `${b.label}<br/>${b.detail}<br/>完成率 ${b.percent === null ? '—' : `${b.percent}%`}${b.expectedPercent === null ? '' : `,应达 ${b.expectedPercent}%`}<br/>${b.statusLabel}`;
          },
        },
        grid: { left: 8, right: 56, top: 8, bottom: 24, containLabel: true },
        xAxis: { type: 'value', max, axisLabel: { formatter: '{value}%', color: text }, splitLine: { lineStyle: { color: dark ? '#1d3a5f' : '#f0f0f0' } } },
        yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.label), axisLabel: { interval: 0, width: 200, overflow: 'truncate', color: text } },
        series: [
          {
            type: 'bar',
            barMaxWidth: 18,
            data: bars.map((b) => ({ value: b.percent === null ? 0 : Math.min(b.percent, max), itemStyle: { color: STATUS_COLORS[b.status] ?? '#1677ff' } })),
            label: { show: true, position: 'right', color: text, formatter: (p: { dataIndex: number }) => (bars[p.dataIndex].percent === null ? bars[p.dataIndex].statusLabel : `${bars[p.dataIndex].percent}%`) },
          },
          {
            // the 应达 mark: a thin vertical tick where the line should be by now
            type: 'scatter',
            symbol: 'rect',
            symbolSize: [3, 26],
            itemStyle: { color: dark ? '#fadb14' : '#595959' },
            data: bars.map((b) => (b.expectedPercent === null ? null : Math.min(b.expectedPercent, max))),
            tooltip: { formatter: (p: { dataIndex: number }) => `应达 ${bars[p.dataIndex].expectedPercent}%` },
          },
        ],
      }}
    />
  );
}
