import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, Modal, Row, Space, Steps, Tag } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useState } from 'react';

import { useAuth } from '../../api/auth';
import { api, errorText, Schemas, unwrap } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';
import { DesignationFormModal } from '../../components/designation-form';
import { date } from '../../components/format';
import { useEnterpriseDesignations } from './enterprise-queries';

type Designation = Schemas['DesignationDto'];
type Status = Schemas['DesignationStatus'];

export function DesignationsTab({ enterprise }: { enterprise: Schemas['EnterpriseDto'] }) {
  const designations = useEnterpriseDesignations(enterprise.id);
  const auth = useAuth();
  const [creating, setCreating] = useState(false);
  const list = designations.data ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {auth.can('DESIGNATION_WRITE') && (
        <Button type="primary" onClick={() => setCreating(true)}>
          新增认定
        </Button>
      )}
      {!list.length && !designations.isPending && <Empty description="暂无认定或培育记录" />}
      <Row gutter={[16, 16]}>
        {list.map((d) => (
          <Col key={d.id} xs={24} xl={12}>
            <DesignationCard designation={d} />
          </Col>
        ))}
      </Row>
      <DesignationFormModal open={creating} onClose={() => setCreating(false)} enterprise={enterprise} />
    </Space>
  );
}

const STATUS_COLOR: Partial<Record<Status, string>> = { RECOGNISED: 'green', UNDER_REVIEW: 'orange', CANDIDATE: 'blue', EXPIRED: 'default', REVOKED: 'red', REJECTED: 'red' };

function DesignationCard({ designation: d }: { designation: Designation }) {
  const auth = useAuth();
  const dict = useDictionaries();
  const [target, setTarget] = useState<Status | null>(null);
  const detail = useQuery({
    queryKey: ['designations', d.id],
    queryFn: () => unwrap(api.GET('/api/v1/designations/{id}', { params: { path: { id: d.id } } })),
  });
  const history = detail.data?.events ?? [];
  const allowed = auth.can('DESIGNATION_WRITE') ? (detail.data?.allowedTransitions ?? []) : [];

  return (
    <Card
      size="small"
      data-testid="designation-card"
      title={
        <Space>
          {d.typeLabel}
          <Tag>{d.levelLabel}</Tag>
          {d.chainName && <Tag color="purple">{d.chainName}</Tag>}
        </Space>
      }
      extra={<Tag color={STATUS_COLOR[d.status]}>{d.statusLabel}</Tag>}
    >
      <Descriptions column={2} size="small">
        <Descriptions.Item label="批次">{d.batch ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="文号">{d.noticeNo ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="认定日期">{date(d.recognisedOn)}</Descriptions.Item>
        <Descriptions.Item label="到期日期">{date(d.expiresOn)}</Descriptions.Item>
        {d.productName && <Descriptions.Item label="产品">{d.productName}</Descriptions.Item>}
      </Descriptions>
      <Steps
        size="small"
        direction="vertical"
        current={history.length - 1}
        items={history.map((h) => ({
          title: h.toStatusLabel,
          description: `${date(h.effectiveOn)}${h.reason ? ` · ${h.reason}` : ''}${h.actorUsername ? ` · ${h.actorUsername}` : ''}`,
        }))}
      />
      {allowed.length > 0 && (
        <Space wrap>
          {allowed.map((s) => (
            <Button key={s} size="small" onClick={() => setTarget(s)}>
              转为{dict.label('DesignationStatus', s)}
            </Button>
          ))}
        </Space>
      )}
      {target && detail.data && <TransitionModal designation={detail.data} to={target} onClose={() => setTarget(null)} />}
    </Card>
  );
}

function TransitionModal(props: { designation: Schemas['DesignationDetailDto']; to: Status; onClose: () => void }) {
  const dict = useDictionaries();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ effectiveOn: Dayjs; reason: string }>();
  const d = props.designation;

  const submit = async (v: { effectiveOn: Dayjs; reason: string }) => {
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/v1/designations/{id}/transitions', {
          params: { path: { id: d.id } },
          body: { toStatus: props.to, effectiveOn: v.effectiveOn.format('YYYY-MM-DD'), reason: v.reason, version: d.version },
        }),
      );
      message.success(`已转为${dict.label('DesignationStatus', props.to)}`);
      await queryClient.invalidateQueries({ queryKey: ['designations'] });
      await queryClient.invalidateQueries({ queryKey: ['enterprise', d.enterpriseId] });
      props.onClose();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={`${d.typeLabel}:转为${dict.label('DesignationStatus', props.to)}`} onCancel={props.onClose} onOk={() => form.submit()} confirmLoading={busy} okText="确定">
      <Form form={form} layout="vertical" initialValues={{ effectiveOn: dayjs() }} onFinish={submit}>
        <Form.Item name="effectiveOn" label="生效日期" rules={[{ required: true, message: '请选择生效日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(x) => x.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="reason" label="原因" rules={[{ required: true, message: '请填写原因' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
