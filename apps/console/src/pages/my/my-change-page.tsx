import { LockOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Space, Tag, Typography } from 'antd';

import { ApiError, api, errorText, unwrap } from '../../api/client';
import { useDistricts } from '../../api/reference';
import { useEnterprise } from '../enterprises/enterprise-queries';
import { useMyEnterprise } from './my-enterprise-select';

const RULE_COLOR: Record<string, string> = { IMMEDIATE: 'green', REVIEWED: 'orange', LOCKED: 'default' };
const NUMBER_FIELDS = new Set(['registeredCapitalYuan', 'landAreaMu']);

/** 申请修改: each field says what a change does, from the API's rules (GET /change-requests/field-rules). */
export default function MyChangePage() {
  const { id, picker, none } = useMyEnterprise();
  if (!id) return none;
  return <ChangeForm id={id} picker={picker} />;
}

function ChangeForm({ id, picker }: { id: string; picker: React.ReactNode }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { districtName } = useDistricts();
  const enterprise = useEnterprise(id);
  const rules = useQuery({ queryKey: ['field-rules'], staleTime: Infinity, queryFn: () => unwrap(api.GET('/api/v1/change-requests/field-rules')) });
  const [form] = Form.useForm<Record<string, unknown>>();
  const current = enterprise.data as Record<string, unknown> | undefined;
  const submit = useMutation({
    mutationFn: (values: Record<string, unknown>) => {
      const profile: Record<string, unknown> = {};
      for (const r of rules.data ?? []) {
        if (r.rule === 'LOCKED') continue;
        const before = current?.[r.field] ?? null;
        // a list field (曾用名) is edited as text separated by 、
        const v = Array.isArray(before) && typeof values[r.field] === 'string' ? (values[r.field] as string).split(/[、,,]/).map((x) => x.trim()).filter(Boolean) : values[r.field];
        const same = Array.isArray(before) ? (v as string[]).join('、') === before.join('、') : String(v ?? '') === String(before ?? '');
        if (v !== undefined && !same) profile[r.field] = v === '' ? null : v;
      }
      if (!Object.keys(profile).length) throw new Error('没有修改任何字段');
      return unwrap(api.POST('/api/v1/enterprises/{id}/change-requests', { params: { path: { id } }, body: { version: (current as { version: number }).version, profile: profile as never, note: (values.__note as string) || undefined } }));
    },
    onSuccess: (cr) => {
      message.success(cr.status === 'APPLIED' ? '已生效' : Object.keys(cr.appliedAtOnce ?? {}).length ? '联系信息已生效,其余字段已提交审核' : '已提交审核');
      void queryClient.invalidateQueries({ queryKey: ['enterprise', id] });
      void queryClient.invalidateQueries({ queryKey: ['change-requests'] });
    },
    // someone changed the firm meanwhile: load the current data so the liaison re-checks against it
    onError: () => queryClient.invalidateQueries({ queryKey: ['enterprise', id] }),
  });
  const conflict = submit.error instanceof ApiError && submit.error.status === 409;

  return (
    <Card title={<Space>申请修改{picker}</Space>} loading={enterprise.isLoading || rules.isLoading}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="各字段的修改方式"
        description={
          <Space wrap>
            <Tag color="green">立即生效</Tag>提交后直接更新(留痕);
            <Tag color="orange">需审核</Tag>由区县工作人员审核后生效;
            <Tag>请联系区县工作人员</Tag>不能在此修改。
          </Space>
        }
      />
      {current && rules.data && (
        <Form form={form} layout="horizontal" labelCol={{ span: 5 }} wrapperCol={{ span: 14 }} initialValues={Object.fromEntries(Object.entries(current).map(([k, v]) => [k, Array.isArray(v) ? v.join('、') : v]))} onFinish={(v) => submit.mutate(v)} key={String(current.version)}>
          {rules.data.map((r) => {
            const locked = r.rule === 'LOCKED';
            const shown = r.field === 'districtCode' ? districtName(current.districtCode as string) : current[r.field];
            const label = `${r.label}${r.unit ? `(${r.unit})` : ''}`;
            const tag = (
              <Tag color={RULE_COLOR[r.rule]} icon={locked ? <LockOutlined /> : undefined} data-testid={`rule-${r.field}`}>
                {r.ruleLabel}
              </Tag>
            );
            return locked ? (
              <Form.Item key={r.field} label={label} extra={tag}>
                <Input disabled aria-label={r.label} value={shown == null ? '' : String(shown)} />
              </Form.Item>
            ) : (
              <Form.Item key={r.field} name={r.field} label={label} extra={tag}>
                {NUMBER_FIELDS.has(r.field) ? <InputNumber min={0} style={{ width: '100%' }} /> : <Input />}
              </Form.Item>
            );
          })}
          <Form.Item name="__note" label="说明(给审核人)">
            <Input.TextArea rows={2} placeholder="例如:已完成工商变更登记" />
          </Form.Item>
          {submit.error && (
            <Typography.Paragraph type="danger">{conflict ? '企业信息在您打开后已被修改,已为您载入最新内容,请核对后重新提交。' : errorText(submit.error)}</Typography.Paragraph>
          )}
          <Form.Item wrapperCol={{ offset: 5 }}>
            <Button type="primary" htmlType="submit" loading={submit.isPending}>
              提交
            </Button>
          </Form.Item>
        </Form>
      )}
    </Card>
  );
}
