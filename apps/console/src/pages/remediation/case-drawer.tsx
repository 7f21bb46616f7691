import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Descriptions, Drawer, Form, Input, Select, Space, Spin, Tag, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';

import { useAuth } from '../../api/auth';
import { api, errorText, Schemas, unwrap } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';
import { date } from '../../components/format';

type Status = Schemas['RemediationCaseDto']['status'];

interface MoveForm {
  toStatus: Status;
  effectiveOn?: Dayjs;
  outcome?: NonNullable<Schemas['RemediationCaseDto']['outcome']>;
  evidence?: string;
  note?: string;
}

/** One case: its plan, dated history and the form that moves or closes it. */
export function CaseDrawer({ id, onClose }: { id?: string; onClose: () => void }) {
  const dict = useDictionaries();
  const auth = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<MoveForm>();
  const toStatus = Form.useWatch('toStatus', form);
  const detail = useQuery({
    queryKey: ['remediation', 'case', id],
    enabled: !!id,
    queryFn: () => unwrap(api.GET('/api/v1/remediation/cases/{id}', { params: { path: { id: id! } } })),
  });
  const c = detail.data;
  const move = useMutation({
    mutationFn: (v: MoveForm) =>
      unwrap(
        api.POST('/api/v1/remediation/cases/{id}/transitions', {
          params: { path: { id: id! } },
          body: { toStatus: v.toStatus, effectiveOn: v.effectiveOn?.format('YYYY-MM-DD'), outcome: v.outcome, evidence: v.evidence, note: v.note, version: c!.version },
        }),
      ),
    onSuccess: () => {
      message.success('已办理');
      form.resetFields();
      void client.invalidateQueries({ queryKey: ['remediation'] });
    },
    onError: (e) => message.error(errorText(e)),
  });

  return (
    <Drawer open={!!id} onClose={onClose} width={640} title={c ? `${c.subjectName} · ${c.categoryLabel}` : '整治案件'} destroyOnHidden>
      {!c ? (
        <Spin />
      ) : (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="状态">
              <Tag>{c.statusLabel}</Tag>
              {c.overdue && <Typography.Text type="danger">已逾期</Typography.Text>}
            </Descriptions.Item>
            <Descriptions.Item label="区县">{c.districtName}</Descriptions.Item>
            <Descriptions.Item label="来源">{c.sourceYear ? `${c.sourceYear} 年${c.sourceKindLabel}` : c.sourceKindLabel}</Descriptions.Item>
            <Descriptions.Item label="来源说明">{c.sourceNote ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="责任单位">{c.responsibleUnit}</Descriptions.Item>
            <Descriptions.Item label="整治期限">{date(c.deadline)}</Descriptions.Item>
            <Descriptions.Item label="立案日期">{date(c.openedOn)}</Descriptions.Item>
            <Descriptions.Item label="销号日期">{date(c.closedOn)}</Descriptions.Item>
            <Descriptions.Item label="整治结果">{c.outcomeLabel ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="佐证材料">{c.evidence ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="整治方案" span={2}>{c.plan ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="整治措施" span={2}>{c.measures ?? '—'}</Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>办理记录</Typography.Title>
            <Timeline
              items={c.events.map((e) => ({
                children: (
                  <span>
                    {date(e.effectiveOn)} {e.toStatusLabel}
                    {e.outcome ? `(${dict.label('RemediationOutcome', e.outcome)})` : ''} {e.note ?? ''} <Typography.Text type="secondary">{e.actorUsername ?? ''}</Typography.Text>
                  </span>
                ),
              }))}
            />
          </div>
          {auth.can('REMEDIATION_WRITE') && c.allowedTransitions.length > 0 && (
            <Form form={form} layout="vertical" onFinish={(v) => move.mutate(v)} data-testid="case-move-form">
              <Typography.Title level={5}>办理 / 销号</Typography.Title>
              <Form.Item name="toStatus" label="变为" rules={[{ required: true, message: '请选择新状态' }]}>
                <Select options={c.allowedTransitions.map((s) => ({ value: s, label: dict.label('RemediationStatus', s) }))} />
              </Form.Item>
              <Form.Item name="effectiveOn" label={toStatus === 'CLOSED' ? '销号日期(默认今天)' : '生效日期(默认今天)'}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
              {toStatus === 'CLOSED' && (
                <>
                  <Form.Item name="outcome" label="整治结果" rules={[{ required: true, message: '请选择整治结果' }]}>
                    <Select options={dict.options('RemediationOutcome')} />
                  </Form.Item>
                  <Form.Item name="evidence" label="佐证材料" rules={[{ required: true, message: '请填写佐证材料' }]}>
                    <Input.TextArea rows={2} placeholder="验收意见、文号等" />
                  </Form.Item>
                </>
              )}
              <Form.Item name="note" label="说明">
                <Input.TextArea rows={2} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={move.isPending}>
                提交
              </Button>
            </Form>
          )}
        </Space>
      )}
    </Drawer>
  );
}
