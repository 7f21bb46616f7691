import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

// only the parts of ECharts the console draws, loaded with the pages that draw them
echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface Series {
  name: string;
  values: (number | null)[];
}

/** Lines over years, values already in `unit`. */
export function TrendChart({ categories, series, unit }: { categories: string[]; series: Series[]; unit: string }) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height: 320 }}
      option={{
        tooltip: { trigger: 'axis', valueFormatter: (v: number) => (v == null ? '—' : `${v.toLocaleString('zh-CN')}${unit}`) },
        legend: { top: 0 },
        grid: { left: 70, right: 24, top: 40, bottom: 30 },
        xAxis: { type: 'category', data: categories },
        yAxis: { type: 'value', name: unit },
        series: series.map((s) => ({ name: s.name, type: 'line', data: s.values, connectNulls: true })),
      }}
    />
  );
}
