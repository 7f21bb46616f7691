import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

import { CLASS_COLORS } from './evaluation-queries';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface DistributionRow {
  districtCode: string;
  districtName: string | null;
  class?: string | null;
  count: number;
}

/** Firms per district, stacked by final class (A–D, and 不参评). */
export function ClassDistributionChart({ rows, classLabel, onClick }: { rows: DistributionRow[]; classLabel: (c: string | null) => string; onClick?: (districtCode: string, cls: string | null) => void }) {
  const districts = [...new Map(rows.map((r) => [r.districtCode, r.districtName ?? r.districtCode])).entries()];
  const classes: (string | null)[] = ['A', 'B', 'C', 'D', null];
  const count = (d: string, c: string | null) => rows.filter((r) => r.districtCode === d && (r.class ?? null) === c).reduce((s, r) => s + r.count, 0);
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height: 320 }}
      onEvents={onClick ? { click: (e: { dataIndex: number; seriesIndex: number }) => onClick(districts[e.dataIndex][0], classes[e.seriesIndex]) } : undefined}
      option={{
        animation: false,
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: districts.map(([, name]) => name), axisLabel: { interval: 0, rotate: districts.length > 8 ? 30 : 0 } },
        yAxis: { type: 'value', name: '企业数' },
        series: classes.map((c) => ({
          name: classLabel(c),
          type: 'bar',
          stack: 'class',
          barMaxWidth: 36,
          itemStyle: { color: CLASS_COLORS[c ?? 'NONE'] },
          data: districts.map(([code]) => count(code, c)),
        })),
      }}
    />
  );
}
