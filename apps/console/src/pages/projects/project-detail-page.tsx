import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Descriptions, Form, InputNumber, Modal, Input, Select, Space, Steps, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';

import { useAuth } from '../../api/auth';
import { api, errorText, Schemas, unwrap } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';
import { beijingTime, date, money } from '../../components/format';
import { TrendChart } from '../../components/trend-chart';
import { JUDGEMENT_COLORS } from './projects-page';

type Detail = Schemas['ProjectDetailDto'];
type Progress = Detail['progress'][number];

const ORDER = ['PLANNING', 'PREPARATION', 'STARTED', 'UNDER_CONSTRUCTION', 'COMPLETED'];

/** One project: its fields, stage steps with their dates, and monthly progress against the cumulative plan. */
export default function ProjectDetailPage() {
  const { id = '' } = useParams();
  const auth = useAuth();
  const dict = useDictionaries();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [reporting, setReporting] = useState(false);
  const [moving, setMoving] = useState(false);
  const [form] = Form.useForm();
  const [stageForm] = Form.useForm();
  const detail = useQuery({ queryKey: ['projects', id], queryFn: () => unwrap(api.GET('/api/v1/projects/{id}', { params: { path: { id } } })) });
  const refresh = (d: Detail) => client.setQueryData(['projects', id], d);
  const onError = (e: unknown) => message.error(errorText(e));

  const report = useMutation({
    mutationFn: (v: { month: dayjs.Dayjs; cumulativeWan: number; note?: string }) =>
      unwrap(api.POST('/api/v1/projects/{id}/progress', { params: { path: { id } }, body: { month: v.month.format('YYYY-MM'), cumulativeYuan: Math.round(v.cumulativeWan * 1e6) / 100, note: v.note } })),
    onSuccess: (d) => {
      refresh(d);
      setReporting(false);
      form.resetFields();
      message.success(auth.can('PROJECT_WRITE') ? '已录入' : '已提交,待区县工作人员审核');
    },
    onError,
  });
  const decide = useMutation({
    mutationFn: ({ row, approve, reason }: { row: Progress; approve: boolean; reason?: string }) =>
      unwrap(
        api.POST(approve ? '/api/v1/projects/{id}/progress/{progressId}/approve' : '/api/v1/projects/{id}/progress/{progressId}/reject', {
          params: { path: { id, progressId: row.id } },
          body: { version: row.version, reason },
        }),
      ),
    onSuccess: refresh,
    onError,
  });
  const move = useMutation({
    mutationFn: (v: { toStage: Detail['stage']; effectiveOn?: dayjs.Dayjs; reason?: string }) =>
      unwrap(
        api.POST('/api/v1/projects/{id}/stage-transitions', {
          params: { path: { id } },
          body: { toStage: v.toStage, effectiveOn: v.effectiveOn?.format('YYYY-MM-DD'), reason: v.reason, version: detail.data!.version },
        }),
      ),
    onSuccess: (d) => {
      refresh(d);
      setMoving(false);
    },
    onError,
  });

  const p = detail.data;
  if (!p) return <Card loading={detail.isPending}>{detail.error ? errorText(detail.error) : null}</Card>;
  const approved = p.progress.filter((r) => r.status === 'APPROVED');
  const months = [...new Set(approved.map((r) => r.month))];
  const last = (m: string) => approved.filter((r) => r.month === m).pop()!;
  const terminated = p.stage === 'TERMINATED';
  const current = terminated ? ORDER.indexOf(p.stages[p.stages.length - 2]?.toStage ?? 'PLANNING') : ORDER.indexOf(p.stage);
  const when = (stage: string) => p.stages.filter((s) => s.toStage === stage).pop()?.effectiveOn;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={p.name}
        extra={
          <Space>
            {p.programmeNames.map((n) => (
              <Tag key={n} color="geekblue">
                {n}
              </Tag>
            ))}
            {auth.can('PROJECT_WRITE') && p.allowedStages.length > 0 && <Button onClick={() => setMoving(true)}>变更阶段</Button>}
          </Space>
        }
      >
        <Descriptions column={3} size="small">
          <Descriptions.Item label="项目代码">{p.projectCode ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="企业">{p.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label="区县">{p.districtName}</Descriptions.Item>
          <Descriptions.Item label="产业链">{p.chainName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="项目类型">{p.kindLabel}</Descriptions.Item>
          <Descriptions.Item label="计划年度">{p.planYear}</Descriptions.Item>
          <Descriptions.Item label="计划总投资">{money(p.plannedTotalYuan)}</Descriptions.Item>
          <Descriptions.Item label="年度计划投资">{money(p.plannedYearYuan)}</Descriptions.Item>
          <Descriptions.Item label="其中设备 / 软件">
            {money(p.plannedEquipmentYuan)} / {money(p.plannedSoftwareYuan)}
          </Descriptions.Item>
          <Descriptions.Item label="计划开工 — 竣工">
            {date(p.plannedStartOn)} — {date(p.plannedCompletionOn)}
          </Descriptions.Item>
          <Descriptions.Item label="实际开工 — 竣工">
            {date(p.actualStartOn)} — {date(p.actualCompletionOn)}
          </Descriptions.Item>
          <Descriptions.Item label="登记日期">{date(p.registeredOn)}</Descriptions.Item>
        </Descriptions>
        <Steps
          size="small"
          style={{ marginTop: 16 }}
          current={current}
          status={terminated ? 'error' : undefined}
          items={ORDER.map((s, i) => ({
            title: terminated && i === current + 1 ? `${dict.label('ProjectStage', 'TERMINATED')} ${date(when('TERMINATED'))}` : dict.label('ProjectStage', s),
            description: when(s) ? date(when(s)) : undefined,
          }))}
        />
      </Card>
      <Card title="月度进度:累计完成投资与累计计划">
        <TrendChart
          categories={months}
          unit="万元"
          series={[
            { name: '累计计划', values: months.map((m) => (last(m).plannedCumulativeYuan == null ? null : Math.round(last(m).plannedCumulativeYuan! / 100) / 100)) },
            { name: '累计完成', values: months.map((m) => Math.round(last(m).cumulativeYuan / 100) / 100) },
          ]}
        />
      </Card>
      <Card
        title="月度进度填报"
        extra={
          auth.can('PROJECT_PROGRESS_REPORT') && (
            <Button type="primary" onClick={() => setReporting(true)}>
              填报进度
            </Button>
          )
        }
      >
        <Table<Progress>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={p.progress}
          columns={[
            { title: '月份', dataIndex: 'month' },
            { title: '累计完成投资', dataIndex: 'cumulativeYuan', align: 'right', render: money },
            { title: '累计计划', dataIndex: 'plannedCumulativeYuan', align: 'right', render: money },
            { title: '评价', dataIndex: 'judgement', render: (v: string | null, r) => (v ? <Tag color={JUDGEMENT_COLORS[v]}>{r.judgementLabel}</Tag> : '—') },
            { title: '状态', dataIndex: 'statusLabel', render: (v: string, r) => <Tag color={r.status === 'PENDING' ? 'orange' : r.status === 'REJECTED' ? 'default' : 'green'}>{v}</Tag> },
            { title: '填报日期', dataIndex: 'reportedOn', render: date },
            { title: '填报人', dataIndex: 'reportedByUsername' },
            { title: '说明', render: (_, r) => r.decisionReason ?? r.note ?? '' },
            {
              title: '审核',
              render: (_, r) =>
                r.status === 'PENDING' && auth.can('PROJECT_WRITE') ? (
                  <Space>
                    <Button size="small" type="link" onClick={() => decide.mutate({ row: r, approve: true })}>
                      通过
                    </Button>
                    <Button size="small" type="link" danger onClick={() => decide.mutate({ row: r, approve: false, reason: '数据有误,请核实后重新填报' })}>
                      驳回
                    </Button>
                  </Space>
                ) : (
                  r.reviewedByUsername ?? ''
                ),
            },
          ]}
        />
        <div style={{ color: '#888', marginTop: 8 }}>最近更新:{beijingTime(new Date(detail.dataUpdatedAt).toISOString())}</div>
      </Card>
      <Modal title="填报月度进度" open={reporting} onCancel={() => setReporting(false)} onOk={() => form.submit()} confirmLoading={report.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => report.mutate(v)}>
          <Form.Item name="month" label="月份" rules={[{ required: true, message: '请选择月份' }]}>
            <DatePicker picker="month" />
          </Form.Item>
          <Form.Item name="cumulativeWan" label="截至月末累计完成投资(万元)" rules={[{ required: true, message: '请填写累计完成投资' }]}>
            <InputNumber min={0} precision={2} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal title="变更项目阶段" open={moving} onCancel={() => setMoving(false)} onOk={() => stageForm.submit()} confirmLoading={move.isPending} destroyOnHidden>
        <Form form={stageForm} layout="vertical" onFinish={(v) => move.mutate(v)}>
          <Form.Item name="toStage" label="变更为" rules={[{ required: true, message: '请选择阶段' }]}>
            <Select options={p.allowedStages.map((s) => ({ value: s, label: dict.label('ProjectStage', s) }))} />
          </Form.Item>
          <Form.Item name="effectiveOn" label="生效日期(默认今天)">
            <DatePicker />
          </Form.Item>
          <Form.Item name="reason" label="原因">
            <Input maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
