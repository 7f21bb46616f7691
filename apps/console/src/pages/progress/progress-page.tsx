import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Drawer, Empty, Form, Input, InputNumber, Modal, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';

import { useAuth } from '../../api/auth';
import { api, errorText, Schemas, unwrap } from '../../api/client';
import { useDistricts } from '../../api/reference';
import { count } from '../../components/format';
import { beijingToday } from '../../components/today';
import { ProgressBar, ProgressChart, STATUS_COLORS } from './progress-chart';

type Line = Schemas['LineProgressDto'];
type Split = Schemas['SplitProgressDto'];

/** A manual line nobody has reported reads 未填报: it is neither 0 nor behind. */
export const unreported = (line: Pick<Line, 'measureKind' | 'evidence'>) => line.measureKind === 'MANUAL' && line.evidence == null;

export function lineStatus(line: Line): { status: string; label: string } {
  return unreported(line) ? { status: 'UNREPORTED', label: '未填报' } : { status: line.status, label: line.statusLabel };
}

function StatusTag({ status, label }: { status: string; label: string }) {
  return <Tag color={status === 'UNREPORTED' || status === 'NO_TARGET' ? 'default' : STATUS_COLORS[status]}>{label}</Tag>;
}

export const quarterOf = (date: string) => Math.ceil(Number(date.slice(5, 7)) / 3);

/** The plans there are, newest first, and the year to show (this year's plan when there is one). */
export function usePlanYears() {
  const plans = useQuery({ queryKey: ['quota-plans'], queryFn: () => unwrap(api.GET('/api/v1/quota-plans')) });
  const thisYear = Number(beijingToday().slice(0, 4));
  const years = (plans.data ?? []).map((p) => p.year);
  const fallback = years.includes(thisYear) ? thisYear : years[0];
  return { plans, years, fallback };
}

export default function ProgressPage() {
  const { message } = App.useApp();
  const auth = useAuth();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const { plans, years, fallback } = usePlanYears();
  const year = Number(params.get('year')) || fallback;
  const asOfParam = params.get('asOf') ?? undefined;
  const { districtName } = useDistricts();
  const [split, setSplit] = useState<'CITY' | 'DISTRICT' | 'CHAIN'>('CITY');
  const [drill, setDrill] = useState<Line | null>(null);
  const [reporting, setReporting] = useState<Line | null>(null);

  const progress = useQuery({
    queryKey: ['progress', year, asOfParam ?? ''],
    enabled: Boolean(year),
    queryFn: () => unwrap(api.GET('/api/v1/quota-plans/{year}/progress', { params: { path: { year }, query: asOfParam ? { asOf: asOfParam } : {} } })),
  });
  const asOf = progress.data?.asOf;
  const quarter = asOf ? quarterOf(asOf) : null;
  const compare = useQuery({
    queryKey: ['compare', year, quarter],
    enabled: Boolean(year && quarter && quarter > 1),
    queryFn: () => unwrap(api.GET('/api/v1/quota-plans/{year}/quarters/{q}/compare', { params: { path: { year, q: quarter! } } })),
  });
  const previous = useMemo(() => new Map((compare.data?.lines ?? []).map((l) => [l.code, l])), [compare.data]);

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'year') next.delete('asOf');
    setParams(next, { replace: true });
  };

  const lines = progress.data?.lines ?? [];
  const groups = [...new Set(lines.map((l) => l.group))];
  const expectedPercent = progress.data ? Math.round(progress.data.elapsedShare * 1000) / 10 : null;
  const bar = (label: string, item: Line | Split, status: { status: string; label: string }, unit: string): ProgressBar => ({
    label,
    percent: status.status === 'UNREPORTED' || item.target == null ? null : item.percent ?? null,
    expectedPercent: item.target == null || status.status === 'UNREPORTED' ? null : expectedPercent,
    status: status.status,
    statusLabel: status.label,
    detail: `完成 ${item.actual}${unit} / 目标 ${item.target ?? '—'}${unit}`,
  });

  if (!plans.isLoading && !years.length) return <Empty description="尚无指标计划" />;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space wrap size={16}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            目标进度
          </Typography.Title>
          <Select aria-label="年度" style={{ width: 120 }} value={year} onChange={(v) => setParam('year', String(v))} options={years.map((y) => ({ value: y, label: `${y} 年` }))} />
          <DatePicker
            aria-label="截至日期"
            allowClear
            style={{ width: 210 }}
            placeholder="截至日期(默认今天或年末)"
            value={asOfParam ? dayjs(asOfParam) : null}
            onChange={(d) => setParam('asOf', d ? d.format('YYYY-MM-DD') : undefined)}
          />
          {asOf && <Typography.Text type="secondary" data-testid="as-of">截至 {asOf},全年时间进度 {expectedPercent}%</Typography.Text>}
          <Segmented
            value={split}
            onChange={(v) => setSplit(v as typeof split)}
            options={[
              { value: 'CITY', label: '全市' },
              { value: 'DISTRICT', label: '按区县' },
              { value: 'CHAIN', label: '按产业链' },
            ]}
          />
          {(progress.data?.districtCodes || progress.data?.districtCode) && (
            <Tag color="blue" data-testid="district-scope">
              仅本辖区:{(progress.data.districtCodes ?? [progress.data.districtCode!]).map(districtName).join('、')}
            </Tag>
          )}
        </Space>
      </Card>
      {progress.error && <Typography.Text type="danger">{errorText(progress.error)}</Typography.Text>}
      {groups.map((group) => {
        const groupLines = lines.filter((l) => l.group === group);
        const rows = split === 'CITY' ? groupLines.map((l) => ({ key: l.code, line: l, split: null as Split | null })) : groupLines.flatMap((l) => l.splits.filter((s) => s.kind === split).map((s) => ({ key: `${l.code}:${s.districtCode ?? s.chainId}`, line: l, split: s })));
        const bars = rows.map((r) => (r.split ? bar(`${r.line.label} · ${r.split.name}`, r.split, { status: r.split.status, label: r.split.statusLabel }, r.line.unit) : bar(r.line.label, r.line, lineStatus(r.line), r.line.unit)));
        return (
          <Card key={group} title={group} size="small" data-testid={`group-${group}`}>
            {rows.length ? <ProgressChart bars={bars} onClick={(i) => setDrill(rows[i].line)} /> : <Empty description="该分组没有分解目标" image={Empty.PRESENTED_IMAGE_SIMPLE} />}
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={rows}
              columns={[
                { title: '指标', render: (_, r) => (r.split ? `${r.line.label} · ${r.split.name}` : r.line.label) },
                { title: '目标', align: 'right', render: (_, r) => `${(r.split ?? r.line).target ?? '—'} ${r.line.unit}` },
                {
                  title: '完成',
                  align: 'right',
                  render: (_, r) => (r.split ? `${r.split.actual} ${r.line.unit}` : unreported(r.line) ? '未填报' : `${r.line.actual} ${r.line.unit}`),
                },
                { title: '完成率', align: 'right', render: (_, r) => (unreported(r.line) && !r.split ? '—' : `${(r.split ?? r.line).percent ?? '—'}%`) },
                { title: '状态', render: (_, r) => (r.split ? <StatusTag status={r.split.status} label={r.split.statusLabel} /> : <StatusTag {...lineStatus(r.line)} />) },
                {
                  title: quarter && quarter > 1 ? `上季度末(Q${quarter - 1})` : '上季度末',
                  align: 'right',
                  render: (_, r) => {
                    const p = r.split ? undefined : previous.get(r.line.code);
                    if (!p || p.previousActual == null) return '—';
                    const delta = Math.round((r.line.actual - p.previousActual) * 100) / 100;
                    return `${p.previousActual}(${delta >= 0 ? '+' : ''}${delta})`;
                  },
                },
                {
                  title: '操作',
                  render: (_, r) => (
                    <Space>
                      {r.line.count !== null && (
                        <Button size="small" type="link" onClick={() => setDrill(r.line)}>
                          企业明细({count(r.line.count)})
                        </Button>
                      )}
                      {r.line.measureKind === 'MANUAL' && auth.can('QUOTA_WRITE') && !r.split && (
                        <Button size="small" type="link" onClick={() => setReporting(r.line)}>
                          填报
                        </Button>
                      )}
                      {r.line.evidence && !r.split && <Typography.Text type="secondary">依据:{r.line.evidence}</Typography.Text>}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        );
      })}
      <DrillDrawer year={year} asOf={asOf} line={drill} onClose={() => setDrill(null)} />
      <ReportModal
        year={year}
        line={reporting}
        onClose={() => setReporting(null)}
        onDone={() => {
          setReporting(null);
          message.success('已填报');
          void queryClient.invalidateQueries({ queryKey: ['progress'] });
        }}
      />
    </Space>
  );
}

function DrillDrawer({ year, asOf, line, onClose }: { year: number; asOf?: string; line: Line | null; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const rows = useQuery({
    queryKey: ['drill', year, asOf, line?.code, page],
    enabled: Boolean(line && line.count !== null),
    queryFn: () => unwrap(api.GET('/api/v1/quota-plans/{year}/progress/lines/{code}/enterprises', { params: { path: { year, code: line!.code }, query: { asOf, page, pageSize: 20 } } })),
  });
  return (
    <Drawer open={Boolean(line)} onClose={onClose} width={720} title={line ? `${line.label}:截至 ${asOf} 的企业` : ''} destroyOnClose>
      {line && line.count === null ? (
        <Empty description="该指标为手工填报或增速类指标,没有企业明细" />
      ) : (
        <Table
          size="small"
          rowKey={(r) => `${r.enterpriseId ?? ''}|${r.detail}`}
          loading={rows.isLoading}
          dataSource={rows.data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: rows.data?.meta.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            // A carrier's row (park, product, platform …) names the carrier in 说明 and its operator, if any, here.
            { title: '企业', dataIndex: 'name', render: (name: string | null, r) => (r.enterpriseId ? <a href={`/enterprises/${r.enterpriseId}`}>{name}</a> : '—') },
            { title: '统一社会信用代码', dataIndex: 'creditCode' },
            { title: '说明', dataIndex: 'detail' },
          ]}
        />
      )}
    </Drawer>
  );
}

function ReportModal({ year, line, onClose, onDone }: { year: number; line: Line | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ value: number; reportedOn: dayjs.Dayjs; evidence: string }>();
  const save = useMutation({
    mutationFn: (v: { value: number; reportedOn: dayjs.Dayjs; evidence: string }) =>
      unwrap(api.POST('/api/v1/quota-plans/{year}/lines/{code}/reports', { params: { path: { year, code: line!.code } }, body: { value: v.value, reportedOn: v.reportedOn.format('YYYY-MM-DD'), evidence: v.evidence } })),
    onSuccess: () => {
      form.resetFields();
      onDone();
    },
  });
  return (
    <Modal open={Boolean(line)} title={line ? `填报:${line.label}` : ''} onCancel={onClose} onOk={() => form.submit()} okText="提交" confirmLoading={save.isPending} destroyOnClose>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ reportedOn: dayjs(beijingToday()) }}>
        <Form.Item name="value" label={`本年累计完成值(${line?.unit ?? ''})`} rules={[{ required: true, message: '请填写完成值' }]}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reportedOn" label="截至日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="evidence" label="依据(文件、名单、文号)" rules={[{ required: true, message: '请填写依据' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {save.error && <Typography.Text type="danger">{errorText(save.error)}</Typography.Text>}
      </Form>
    </Modal>
  );
}
