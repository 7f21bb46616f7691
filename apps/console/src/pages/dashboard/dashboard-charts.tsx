import { BarChart, FunnelChart, GraphChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

import { DISTRICT_BORDERS, DISTRICT_POSITIONS } from './ningbo-districts';

echarts.use([BarChart, FunnelChart, GraphChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const TEXT = '#e6f4ff';

export interface DistrictValue {
  code: string;
  name: string;
  /** mean completion over the district's split targets, % (null: no split targets) */
  percent: number | null;
  color: string;
  detail: string;
}

/** Districts as circles at their schematic positions, bordering districts joined. */
export function DistrictMap({ districts }: { districts: DistrictValue[] }) {
  const known = districts.filter((d) => DISTRICT_POSITIONS[d.code]);
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height: 420 }}
      option={{
        animation: false,
        tooltip: { formatter: (p: { dataType: string; dataIndex: number }) => (p.dataType === 'node' ? `${known[p.dataIndex].name}<br/>${known[p.dataIndex].detail}` : '') },
        series: [
          {
            type: 'graph',
            layout: 'none',
            roam: false,
            symbol: 'circle',
            symbolSize: 78,
            label: { show: true, color: '#fff', fontSize: 13, formatter: (p: { dataIndex: number }) => `${known[p.dataIndex].name}\n${known[p.dataIndex].percent === null ? '—' : `${known[p.dataIndex].percent}%`}` },
            lineStyle: { color: '#2f5d8a', width: 2, opacity: 0.8 },
            data: known.map((d) => ({ name: d.code, x: DISTRICT_POSITIONS[d.code].x * 100, y: DISTRICT_POSITIONS[d.code].y * 100, itemStyle: { color: d.color, borderColor: '#91caff', borderWidth: 1 } })),
            links: DISTRICT_BORDERS.filter(([a, b]) => known.some((d) => d.code === a) && known.some((d) => d.code === b)).map(([source, target]) => ({ source, target })),
          },
        ],
      }}
    />
  );
}

export interface ChainTiers {
  name: string;
  leaders: number;
  cores: number;
  bases: number;
}

/** The city's pyramid (链主 at the top) and each chain's three tiers side by side. */
export function ChainPyramid({ chains }: { chains: ChainTiers[] }) {
  const sum = (k: keyof Omit<ChainTiers, 'name'>) => chains.reduce((s, c) => s + c[k], 0);
  return (
    <div style={{ display: 'flex', gap: 8 }}>
      <ReactEChartsCore
        echarts={echarts}
        style={{ height: 360, width: '34%' }}
        option={{
          animation: false,
          tooltip: { trigger: 'item', formatter: '{b}:{c} 家' },
          series: [
            {
              type: 'funnel',
              sort: 'ascending',
              left: 0,
              right: 0,
              top: 20,
              bottom: 20,
              minSize: '25%',
              label: { show: true, position: 'inside', color: '#fff', formatter: '{b}\n{c} 家' },
              data: [
                { name: '链主', value: sum('leaders'), itemStyle: { color: '#fa8c16' } },
                { name: '链核', value: sum('cores'), itemStyle: { color: '#1677ff' } },
                { name: '链基', value: sum('bases'), itemStyle: { color: '#13c2c2' } },
              ],
            },
          ],
        }}
      />
      <ReactEChartsCore
        echarts={echarts}
        style={{ height: 360, width: '66%' }}
        option={{
          animation: false,
          tooltip: { trigger: 'axis' },
          legend: { top: 0, textStyle: { color: TEXT } },
          grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
          xAxis: { type: 'value', axisLabel: { color: TEXT }, splitLine: { lineStyle: { color: '#1d3a5f' } } },
          yAxis: { type: 'category', inverse: true, data: chains.map((c) => c.name), axisLabel: { color: TEXT, width: 120, overflow: 'truncate' } },
          series: [
            { name: '链主', type: 'bar', stack: 'tiers', data: chains.map((c) => c.leaders), itemStyle: { color: '#fa8c16' } },
            { name: '链核', type: 'bar', stack: 'tiers', data: chains.map((c) => c.cores), itemStyle: { color: '#1677ff' } },
            { name: '链基', type: 'bar', stack: 'tiers', data: chains.map((c) => c.bases), itemStyle: { color: '#13c2c2' } },
          ],
        }}
      />
    </div>
  );
}
