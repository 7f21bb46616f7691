import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';

import { api, errorText, Schemas, unwrap } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';
import { beijingToday } from '../../components/today';
import { useMyEnterprise } from './my-enterprise-select';

type Figures = Schemas['FiguresDto'];
const METRICS = ['operatingRevenueYuan', 'industrialOutputYuan', 'taxPaidYuan', 'rdSpendYuan', 'valueAddedYuan', 'employees', 'energyUseTce'] as const;
type Metric = (typeof METRICS)[number];
const PERIODS = [0, 1, 2, 3, 4] as const; // 0: the whole year
const periodLabel = (p: number) => (p === 0 ? '全年' : `第 ${p} 季度`);
const isYuan = (m: Metric) => m.endsWith('Yuan');

/** 经营数据填报: a year's figures by quarter in 万元; each changed period goes to review as a change request. */
export default function MyFiguresPage() {
  const { id, picker, none } = useMyEnterprise();
  if (!id) return none;
  return <FiguresGrid id={id} picker={picker} />;
}

function FiguresGrid({ id, picker }: { id: string; picker: React.ReactNode }) {
  const { message } = App.useApp();
  const dict = useDictionaries();
  const queryClient = useQueryClient();
  const thisYear = Number(beijingToday().slice(0, 4));
  const [year, setYear] = useState(thisYear - 1);
  const [edits, setEdits] = useState<Record<string, number | null>>({});
  const [note, setNote] = useState('');
  const figures = useQuery({ queryKey: ['enterprise', id, 'figures'], queryFn: () => unwrap(api.GET('/api/v1/enterprises/{id}/figures', { params: { path: { id } } })) });
  const period = (p: number): Figures | undefined => (figures.data ?? []).find((f) => f.year === year && (f.quarter ?? 0) === p);
  const shown = (m: Metric, p: number): number | null => {
    const key = `${p}:${m}`;
    if (key in edits) return edits[key];
    const v = period(p)?.[m] ?? null;
    return v === null ? null : isYuan(m) ? v / 1e4 : v;
  };
  const submit = useMutation({
    mutationFn: async () => {
      const byPeriod = new Map<number, Record<string, number | null>>();
      for (const [key, value] of Object.entries(edits)) {
        const [p, m] = key.split(':') as [string, Metric];
        const proposed: Record<string, number | null> = byPeriod.get(Number(p)) ?? {};
        proposed[m] = value === null ? null : isYuan(m) ? Math.round(value * 1e4) : value;
        byPeriod.set(Number(p), proposed);
      }
      if (!byPeriod.size) throw new Error('没有填写或修改任何数据');
      for (const [p, proposed] of byPeriod) {
        const existing = period(p);
        await unwrap(
          api.POST('/api/v1/enterprises/{id}/change-requests', {
            params: { path: { id } },
            body: { ...(existing ? { version: existing.version } : {}), figures: { year, ...(p ? { quarter: p } : {}), ...proposed } as never, note: note || undefined },
          }),
        );
      }
      return byPeriod.size;
    },
    onSuccess: (n) => {
      message.success(`已提交 ${n} 份经营数据申请,待区县工作人员审核`);
      setEdits({});
      void queryClient.invalidateQueries({ queryKey: ['change-requests'] });
    },
  });

  return (
    <Card
      title={
        <Space>
          经营数据填报{picker}
          <Select aria-label="年度" value={year} style={{ width: 110 }} onChange={(y) => { setYear(y); setEdits({}); }} options={[0, 1, 2, 3].map((d) => ({ value: thisYear - d, label: `${thisYear - d} 年` }))} />
        </Space>
      }
    >
      <Table
        size="small"
        rowKey={(m) => m}
        pagination={false}
        loading={figures.isLoading}
        dataSource={[...METRICS]}
        columns={[
          {
            title: '指标',
            render: (_, m) => {
              const f = dict.field('enterprise_figure', m);
              return `${f.label}(${isYuan(m) ? '万元' : f.unit ?? ''})`;
            },
          },
          ...PERIODS.map((p) => ({
            title: periodLabel(p),
            render: (_: unknown, m: Metric) => (
              <InputNumber
                aria-label={`${periodLabel(p)} ${dict.field('enterprise_figure', m).label}`}
                min={0}
                style={{ width: '100%' }}
                value={shown(m, p)}
                onChange={(v) => setEdits((e) => ({ ...e, [`${p}:${m}`]: v === null || v === undefined ? null : Number(v) }))}
              />
            ),
          })),
        ]}
      />
      <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
        <Input.TextArea rows={2} placeholder="数据来源说明(例如:2024 年统计年报)" value={note} onChange={(e) => setNote(e.target.value)} aria-label="数据来源说明" />
        {submit.error && <Typography.Text type="danger">{errorText(submit.error)}</Typography.Text>}
        <Space>
          <Button type="primary" onClick={() => submit.mutate()} loading={submit.isPending} disabled={!Object.keys(edits).length}>
            提交审核
          </Button>
          <Typography.Text type="secondary">金额以万元填写,提交后由区县工作人员审核生效;已修改 {Object.keys(edits).length} 项。</Typography.Text>
        </Space>
      </Space>
    </Card>
  );
}
