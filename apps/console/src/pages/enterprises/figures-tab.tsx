import { useQuery } from '@tanstack/react-query';
import { Empty, Space, Table } from 'antd';

import { api, Schemas, unwrap } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';
import { count, money } from '../../components/format';
import { TrendChart } from '../../components/trend-chart';

type Figures = Schemas['FiguresDto'];
const MONEY = ['operatingRevenueYuan', 'industrialOutputYuan', 'taxPaidYuan', 'rdSpendYuan', 'valueAddedYuan'] as const;

export default function FiguresTab({ enterprise }: { enterprise: Schemas['EnterpriseDto'] }) {
  const dict = useDictionaries();
  const figures = useQuery({
    queryKey: ['enterprise', enterprise.id, 'figures'],
    queryFn: () => unwrap(api.GET('/api/v1/enterprises/{id}/figures', { params: { path: { id: enterprise.id } } })),
  });
  const rows = [...(figures.data ?? [])].sort((a, b) => b.year - a.year || (b.quarter ?? 5) - (a.quarter ?? 5));
  const years = rows.filter((r) => r.quarter == null).sort((a, b) => a.year - b.year);
  const label = (f: string) => dict.field('enterprise_figure', f).label;
  // the chart's unit follows the size of the figures: 亿元 from 1亿 up, else 万元
  const largest = Math.max(0, ...years.map((y) => y.operatingRevenueYuan ?? 0));
  const [unit, divisor] = largest >= 1e8 ? ['亿元', 1e8] : ['万元', 1e4];
  const scaled = (yuan: number | null) => (yuan == null ? null : Math.round((yuan / divisor) * 100) / 100);
  if (!figures.isPending && !rows.length) return <Empty description="暂无经营数据" />;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {years.length > 0 && (
        <TrendChart
          unit={unit}
          categories={years.map((y) => `${y.year}年`)}
          series={(['operatingRevenueYuan', 'industrialOutputYuan', 'taxPaidYuan'] as const).map((f) => ({ name: label(f), values: years.map((y) => scaled(y[f])) }))}
        />
      )}
      <Table<Figures>
        rowKey={(r) => `${r.year}-${r.quarter ?? 0}`}
        size="small"
        loading={figures.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1000 }}
        columns={[
          { title: '期间', key: 'period', fixed: 'left', render: (_, r) => (r.quarter ? `${r.year}年第${r.quarter}季度` : `${r.year}年`) },
          ...MONEY.map((f) => ({ title: label(f), dataIndex: f, align: 'right' as const, render: (v: number | null) => money(v) })),
          { title: label('employees'), dataIndex: 'employees', align: 'right', render: (v: number | null) => count(v, '人') },
          { title: label('taxPerMuYuan'), dataIndex: 'taxPerMuYuan', align: 'right', render: (v: number | null) => (v == null ? '—' : `${money(v)}/亩`) },
        ]}
      />
    </Space>
  );
}
