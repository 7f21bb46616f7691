import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Descriptions, Empty, Input, Modal, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';

import { useAuth } from '../../api/auth';
import { api, errorText, Schemas, unwrap } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';
import { useDistricts } from '../../api/reference';
import { download, queryString } from '../../components/download';
import { beijingTime } from '../../components/format';
import { ClassDistributionChart } from './class-distribution-chart';
import { DClassBulkOpenButton } from './d-class-bulk-open';
import { CLASS_COLORS, useEvaluationYears } from './evaluation-queries';

type Item = Schemas['ResultItemDto'];

const num = (v: number | null | undefined, digits = 2) => (v === null || v === undefined ? '—' : v.toLocaleString('zh-CN', { maximumFractionDigits: digits }));

/** 亩均评价: a year's distribution by class and district, the results with filters, and the steps staff take. */
export default function EvaluationPage() {
  const { message, modal } = App.useApp();
  const auth = useAuth();
  const dict = useDictionaries();
  const { districts } = useDistricts();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const { years, year, loading } = useEvaluationYears(Number(params.get('year')) || null);
  const filters = { population: params.get('population') ?? undefined, class: params.get('class') ?? undefined, districtCode: params.get('district') ?? undefined, q: params.get('q') ?? undefined };
  const page = Number(params.get('page')) || 1;
  const [publicity, setPublicity] = useState<[Dayjs, Dayjs] | null>(null);
  const [publicising, setPublicising] = useState(false);
  const manage = auth.can('EVALUATION_MANAGE');

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const overview = useQuery({
    queryKey: ['evaluation', year],
    retry: false,
    queryFn: () => unwrap(api.GET('/api/v1/evaluations/{year}', { params: { path: { year } } })),
  });
  const results = useQuery({
    queryKey: ['evaluation-results', year, filters, page],
    enabled: overview.isSuccess,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/evaluations/{year}/results', {
          params: { path: { year }, query: { ...(filters as Record<string, string>), page, pageSize: 20 } as never },
        }),
      ),
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['evaluation', year] });
    void queryClient.invalidateQueries({ queryKey: ['evaluation-results', year] });
    void queryClient.invalidateQueries({ queryKey: ['evaluation-years'] });
  };
  const run = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/evaluations/{year}/run', { params: { path: { year } } })),
    onSuccess: () => (message.success(`${year} 年亩均评价已计算`), refresh()),
    onError: (e) => message.error(errorText(e)),
  });
  const publicise = useMutation({
    mutationFn: (dates: [Dayjs, Dayjs]) =>
      unwrap(api.POST('/api/v1/evaluations/{year}/publicity', { params: { path: { year } }, body: { startsOn: dates[0].format('YYYY-MM-DD'), endsOn: dates[1].format('YYYY-MM-DD'), version: overview.data!.version } })),
    onSuccess: () => (message.success('已开始公示'), setPublicising(false), refresh()),
    onError: (e) => message.error(errorText(e)),
  });
  const freeze = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/evaluations/{year}/freeze', { params: { path: { year } }, body: { version: overview.data!.version } })),
    onSuccess: () => (message.success(`${year} 年结果已定档冻结`), refresh()),
    onError: (e) => message.error(errorText(e)),
  });

  const o = overview.data;
  const status = o?.status;
  const totals = (cls: string | null) => (o?.distribution ?? []).filter((r) => (r.class ?? null) === cls).reduce((s, r) => s + r.count, 0);
  const exportUrl = (format: string) => `/api/v1/evaluations/${year}/results/export?${queryString({ ...filters, format })}`;

  const columns = [
    { title: '企业名称', dataIndex: 'name', render: (name: string, r: Item) => <Link to={`/evaluation/${year}/${r.enterpriseId}`}>{name}</Link> },
    { title: '区县', dataIndex: 'districtName', width: 100 },
    { title: '评价类别', dataIndex: 'population', width: 170, render: (v: string | null) => dict.label('PopulationKind', v, '—') },
    { title: '用地(亩)', dataIndex: 'landMu', align: 'right' as const, width: 96, render: (v: number | null) => num(v) },
    { title: '亩均税收(万元/亩)', dataIndex: 'taxPerMu', align: 'right' as const, width: 140, render: (v: number | null) => num(v) },
    { title: '总分', dataIndex: 'score', align: 'right' as const, width: 80, render: (v: number | null) => num(v) },
    { title: '类内排名', key: 'rank', align: 'right' as const, width: 110, render: (_: unknown, r: Item) => (r.rank ? `${r.rank} / ${r.populationSize}` : '—') },
    {
      title: '档次',
      dataIndex: 'finalClass',
      width: 150,
      render: (v: string | null, r: Item) =>
        v ? <Tag color={CLASS_COLORS[v]}>{dict.label('EvaluationClass', v)}{r.computedClass !== v ? '(经异议调整)' : ''}</Tag> : <Typography.Text type="secondary">{dict.label('ExclusionReason', r.exclusionReason, '—')}</Typography.Text>,
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>亩均效益评价</Typography.Title>
          <Select
            aria-label="评价年度"
            style={{ width: 120 }}
            loading={loading}
            value={year}
            onChange={(v) => setParams({ year: String(v) }, { replace: true })}
            options={[...new Set([...years.map((y) => y.year), year, new Date().getFullYear() - 1])].sort((a, b) => b - a).map((y) => ({ value: y, label: `${y} 年度` }))}
          />
          {status && <Tag color={status === 'FROZEN' ? 'default' : status === 'PUBLICISED' ? 'orange' : 'blue'}>{dict.label('EvaluationStatus', status)}</Tag>}
        </Space>
        <Space wrap>
          {manage && status !== 'FROZEN' && (
            <Button type="primary" loading={run.isPending} onClick={() => modal.confirm({ title: `按 ${year} 年方案${o ? '重新' : ''}计算?`, content: '以当年用地和指标数据为准,结果会替换本年度尚未冻结的计算结果(异议处理结果保留)。', onOk: () => run.mutateAsync() })}>
              {o ? '重新计算' : '计算'}
            </Button>
          )}
          {manage && o && status !== 'FROZEN' && <Button onClick={() => setPublicising(true)}>{status === 'PUBLICISED' ? '修改公示期' : '公示'}</Button>}
          {manage && status === 'PUBLICISED' && (
            <Button danger loading={freeze.isPending} onClick={() => modal.confirm({ title: `${year} 年结果定档冻结?`, content: '冻结后不能重新计算或修改方案;档次只能经异议处理调整。', onOk: () => freeze.mutateAsync() })}>
              定档冻结
            </Button>
          )}
          {o && auth.can('REMEDIATION_WRITE') && <DClassBulkOpenButton year={year} publicised={status === 'PUBLICISED' || status === 'FROZEN'} />}
          {o && auth.can('EXPORT') && (
            <>
              <Button onClick={() => download(exportUrl('xlsx'), `${year}年亩均评价结果.xlsx`).catch((e) => message.error(errorText(e)))}>导出 Excel</Button>
              <Button onClick={() => download(exportUrl('csv'), `${year}年亩均评价结果.csv`).catch((e) => message.error(errorText(e)))}>导出 CSV</Button>
            </>
          )}
        </Space>
      </Space>

      {overview.isError && <Empty description={`${year} 年亩均评价尚未计算${manage ? ',可点击“计算”' : ''}`} />}
      {o && (
        <>
          <Row gutter={16}>
            {(['A', 'B', 'C', 'D'] as const).map((c) => (
              <Col xs={12} md={4} key={c}>
                <Card size="small">
                  <Statistic title={dict.label('EvaluationClass', c)} value={totals(c)} valueStyle={{ color: CLASS_COLORS[c] }} suffix="家" />
                </Card>
              </Col>
            ))}
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic title="不参评" value={totals(null)} suffix="家" />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic title="待处理异议" value={o.pendingObjections} suffix="条" valueStyle={{ color: o.pendingObjections ? '#cf1322' : undefined }} />
              </Card>
            </Col>
          </Row>
          <Card size="small" title="各区县档次分布">
            <ClassDistributionChart rows={o.distribution} classLabel={(c) => (c ? dict.label('EvaluationClass', c) : '不参评')} onClick={(d, c) => set({ district: d, class: c ?? undefined })} />
            <Descriptions size="small" column={3} style={{ marginTop: 8 }}>
              <Descriptions.Item label="计算时间">{beijingTime(o.computedAt)}({o.computedBy})</Descriptions.Item>
              <Descriptions.Item label="公示期">{o.publicityStartsOn ? `${o.publicityStartsOn} 至 ${o.publicityEndsOn}` : '未公示'}</Descriptions.Item>
              <Descriptions.Item label="定档冻结">{o.frozenAt ? `${beijingTime(o.frozenAt)}(${o.frozenBy})` : '未冻结'}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title="评价结果">
            <Space wrap style={{ marginBottom: 12 }}>
              <Select aria-label="评价类别" allowClear placeholder="评价类别" style={{ width: 200 }} value={filters.population} onChange={(v) => set({ population: v })} options={dict.options('PopulationKind')} />
              <Select aria-label="档次" allowClear placeholder="档次" style={{ width: 150 }} value={filters.class} onChange={(v) => set({ class: v })} options={dict.options('EvaluationClass')} />
              <Select
                aria-label="区县"
                allowClear
                placeholder="区县"
                style={{ width: 150 }}
                value={filters.districtCode}
                onChange={(v) => set({ district: v })}
                options={[...new Map(o.distribution.map((r) => [r.districtCode, r.districtName ?? r.districtCode])).entries()].map(([value, label]) => ({ value, label: districts.find((d) => d.code === value)?.name ?? label }))}
              />
              <Input.Search aria-label="企业名称或信用代码" placeholder="企业名称或信用代码" allowClear defaultValue={filters.q} onSearch={(v) => set({ q: v || undefined })} style={{ width: 240 }} />
            </Space>
            <Table<Item>
              rowKey="enterpriseId"
              size="small"
              loading={results.isFetching}
              dataSource={results.data?.items ?? []}
              columns={columns}
              onRow={(r) => ({ onDoubleClick: () => navigate(`/evaluation/${year}/${r.enterpriseId}`) })}
              pagination={{ current: page, pageSize: 20, total: results.data?.meta.total ?? 0, showSizeChanger: false, showTotal: (t) => `共 ${t} 家`, onChange: (p) => set({ page: String(p) }) }}
            />
          </Card>
        </>
      )}
      <Modal title={`${year} 年亩均评价结果公示`} open={publicising} okText="开始公示" confirmLoading={publicise.isPending} onCancel={() => setPublicising(false)} onOk={() => (publicity ? publicise.mutate(publicity) : message.warning('请选择公示起止日期'))}>
        <Typography.Paragraph type="secondary">公示期内企业可对评价单提出异议;公示期满且异议处理完毕后方可定档冻结。</Typography.Paragraph>
        <DatePicker.RangePicker aria-label="公示期" onChange={(v) => setPublicity(v && v[0] && v[1] ? [v[0], v[1]] : null)} />
      </Modal>
    </Space>
  );
}
