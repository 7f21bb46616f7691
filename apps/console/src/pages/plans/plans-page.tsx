import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';

import { ApiError, api, errorText, Schemas, unwrap } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';
import { useChains, useDistricts } from '../../api/reference';
import { usePlanYears } from '../progress/progress-page';

type Line = Schemas['QuotaLineDto'];
type SplitInput = { scope: string; target: number };

const toInput = (s: { districtCode: string | null; chainId: string | null; target: number }): SplitInput => ({ scope: s.districtCode ? `D:${s.districtCode}` : `C:${s.chainId}`, target: s.target });
const fromInput = (s: SplitInput) => (s.scope.startsWith('D:') ? { districtCode: s.scope.slice(2), target: s.target } : { chainId: s.scope.slice(2), target: s.target });

export default function PlansPage() {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const dict = useDictionaries();
  const { districtName, districts } = useDistricts();
  const chains = useChains();
  const chainName = (id: string | null) => chains.find((c) => c.id === id)?.name ?? id ?? '—';
  const [params, setParams] = useSearchParams();
  const { years, fallback, plans } = usePlanYears();
  const year = Number(params.get('year')) || fallback;
  const [editing, setEditing] = useState<Line | 'new' | null>(null);

  const plan = useQuery({ queryKey: ['quota-plan', year], enabled: Boolean(year), queryFn: () => unwrap(api.GET('/api/v1/quota-plans/{year}', { params: { path: { year } } })) });
  const copy = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/quota-plans/{year}/copy', { params: { path: { year } } })),
    onSuccess: (created) => {
      message.success(`已按 ${year} 年计划创建 ${created.year} 年计划,请逐项调整目标`);
      void queryClient.invalidateQueries({ queryKey: ['quota-plans'] });
      setParams({ year: String(created.year) }, { replace: true });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const scopeOptions = [
    { label: '区县', options: districts.map((d) => ({ value: `D:${d.code}`, label: d.name })) },
    { label: '产业链', options: chains.map((c) => ({ value: `C:${c.id}`, label: c.name })) },
  ];

  if (!plans.isLoading && !years.length) return <Empty description="尚无指标计划" />;

  return (
    <Card
      title={
        <Space>
          年度计划
          <Select aria-label="年度" style={{ width: 120 }} value={year} onChange={(v) => setParams({ year: String(v) }, { replace: true })} options={years.map((y) => ({ value: y, label: `${y} 年` }))} />
          {plan.data && <Typography.Text type="secondary">{plan.data.title}</Typography.Text>}
        </Space>
      }
      extra={
        <Space>
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增指标
          </Button>
          <Button
            disabled={years.includes(year + 1)}
            title={years.includes(year + 1) ? `${year + 1} 年计划已存在` : undefined}
            onClick={() =>
              modal.confirm({
                title: `以 ${year} 年计划为底稿创建 ${year + 1} 年计划?`,
                content: '复制全部指标、目标和区县/产业链分解,之后可逐项修改。',
                okText: '创建',
                onOk: () => copy.mutateAsync(),
              })
            }
          >
            复制为 {year + 1} 年计划
          </Button>
        </Space>
      }
    >
      <Table
        size="small"
        rowKey="code"
        loading={plan.isLoading}
        pagination={false}
        dataSource={plan.data?.lines ?? []}
        expandable={{
          rowExpandable: (l) => l.splits.length > 0,
          expandedRowRender: (l) => (
            <Space wrap>
              {l.splits.map((s) => (
                <Tag key={`${s.districtCode ?? s.chainId}`}>
                  {s.districtCode ? districtName(s.districtCode) : chainName(s.chainId)}:{s.target}
                  {l.unit}
                </Tag>
              ))}
            </Space>
          ),
        }}
        columns={[
          { title: '分组', dataIndex: 'group', width: 110 },
          { title: '指标', dataIndex: 'label' },
          { title: '目标', align: 'right', render: (_, l) => `${l.target} ${l.unit}` },
          { title: '方向', render: (_, l) => l.directionLabel },
          { title: '口径', render: (_, l) => l.measureKindLabel },
          { title: '分解', render: (_, l) => (l.splits.length ? `${l.splits.length} 项(${l.splits[0].districtCode ? '按区县' : '按产业链'})` : '—') },
          {
            title: '操作',
            render: (_, l) => (
              <Button size="small" type="link" onClick={() => setEditing(l)}>
                编辑
              </Button>
            ),
          },
        ]}
      />
      <LineModal
        year={year}
        line={editing}
        scopeOptions={scopeOptions}
        kindOptions={dict.options('MeasureKind')}
        directionOptions={dict.options('QuotaDirection')}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          message.success('已保存');
          void queryClient.invalidateQueries({ queryKey: ['quota-plan', year] });
          void queryClient.invalidateQueries({ queryKey: ['progress'] });
        }}
      />
    </Card>
  );
}

interface LineForm {
  code?: string;
  label: string;
  unit?: string;
  group?: string;
  target: number;
  direction?: string;
  measureKind?: string;
  note?: string;
  splits: SplitInput[];
}

function LineModal(props: {
  year: number;
  line: Line | 'new' | null;
  scopeOptions: { label: string; options: { value: string; label: string }[] }[];
  kindOptions: { value: string; label: string }[];
  directionOptions: { value: string; label: string }[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { year, line, onClose, onSaved } = props;
  const [form] = Form.useForm<LineForm>();
  const isNew = line === 'new';
  const [conflict, setConflict] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async (v: LineForm) => {
      const splits = (v.splits ?? []).filter((s) => s?.scope).map(fromInput);
      if (isNew) {
        return unwrap(
          api.POST('/api/v1/quota-plans/{year}/lines', {
            params: { path: { year } },
            body: { code: v.code!, label: v.label, unit: v.unit!, group: v.group!, target: v.target, direction: v.direction as never, measureKind: v.measureKind as never, note: v.note, splits },
          }),
        );
      }
      const current = line as Line;
      return unwrap(api.PATCH('/api/v1/quota-plans/{year}/lines/{code}', { params: { path: { year, code: current.code } }, body: { label: v.label, target: v.target, note: v.note ?? '', splits, version: current.version } }));
    },
    onSuccess: onSaved,
    onError: (e) => setConflict(e instanceof ApiError && e.status === 409 ? '该指标已被他人修改,请关闭后重新打开查看最新内容再修改。' : errorText(e)),
  });
  const initial: Partial<LineForm> | undefined =
    line && line !== 'new' ? { label: line.label, target: line.target, note: line.note, splits: line.splits.map(toInput) } : { splits: [], direction: 'AT_LEAST', measureKind: 'MANUAL' };

  return (
    <Modal open={Boolean(line)} title={isNew ? '新增指标' : `编辑:${(line as Line | null)?.label ?? ''}`} onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={save.isPending} destroyOnClose width={640}>
      <Form form={form} layout="vertical" initialValues={initial} preserve={false} onFinish={(v) => { setConflict(null); save.mutate(v); }}>
        {isNew && (
          <Space wrap>
            <Form.Item name="code" label="指标代码" rules={[{ required: true, pattern: /^[A-Z][A-Z0-9_]{1,59}$/, message: '大写字母、数字和下划线' }]}>
              <Input placeholder="NEW_LINE" />
            </Form.Item>
            <Form.Item name="group" label="分组" rules={[{ required: true, message: '请填写分组' }]}>
              <Input placeholder="链式培育" />
            </Form.Item>
            <Form.Item name="unit" label="单位" rules={[{ required: true, message: '请填写单位' }]}>
              <Input placeholder="家" style={{ width: 80 }} />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="label" label="指标名称" rules={[{ required: true, message: '请填写名称' }]}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="target" label="目标" rules={[{ required: true, message: '请填写目标' }]}>
            <InputNumber min={0} />
          </Form.Item>
          {isNew && (
            <>
              <Form.Item name="direction" label="方向">
                <Select style={{ width: 160 }} options={props.directionOptions} />
              </Form.Item>
              <Form.Item name="measureKind" label="口径">
                <Select style={{ width: 220 }} options={props.kindOptions} />
              </Form.Item>
            </>
          )}
        </Space>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Typography.Text strong>分解目标(区县或产业链)</Typography.Text>
        <Form.List name="splits">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'scope']} rules={[{ required: true, message: '请选择' }]}>
                    <Select style={{ width: 220 }} showSearch optionFilterProp="label" options={props.scopeOptions} placeholder="区县 / 产业链" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'target']} rules={[{ required: true, message: '目标' }]}>
                    <InputNumber min={0} placeholder="目标" />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />} block>
                添加分解
              </Button>
            </>
          )}
        </Form.List>
        {conflict && <Typography.Paragraph type="danger" style={{ marginTop: 12 }}>{conflict}</Typography.Paragraph>}
      </Form>
    </Modal>
  );
}
