import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Table, Tabs, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';

import { useAuth } from '../../api/auth';
import { api, errorText, Schemas, unwrap } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';
import { useChains } from '../../api/reference';
import { date } from '../../components/format';
import { EnterprisePicker } from '../../components/enterprise-picker';

type Status = Schemas['CommunityStatus'];

export default function CommunitiesPage() {
  const dict = useDictionaries();
  const auth = useAuth();
  const [status, setStatus] = useState<Status | 'ALL'>('ALL');
  const [page, setPage] = useState(1);
  const [founding, setFounding] = useState(false);
  const query = { status: status === 'ALL' ? undefined : status, page, pageSize: 20 };
  const list = useQuery({ queryKey: ['communities', query], queryFn: () => unwrap(api.GET('/api/v1/communities', { params: { query } })) });
  return (
    <Card title="产业链上下游企业共同体" extra={auth.can('COMMUNITY_WRITE') && <Button type="primary" onClick={() => setFounding(true)}>组建共同体</Button>}>
      <Tabs
        activeKey={status}
        onChange={(s) => {
          setStatus(s as Status | 'ALL');
          setPage(1);
        }}
        items={[{ key: 'ALL', label: '全部' }, ...(['PLANNED', 'FORMED', 'DISSOLVED'] as Status[]).map((s) => ({ key: s, label: dict.label('CommunityStatus', s) }))]}
      />
      <Table<Schemas['CommunityDto']>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.meta.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: '共同体', dataIndex: 'name', render: (v, r) => <Link to={`/communities/${r.id}`}>{v}</Link> },
          { title: '产业链', dataIndex: 'chainName' },
          { title: '牵头企业(链主)', dataIndex: 'leadEnterpriseName', render: (v, r) => <Link to={`/enterprises/${r.leadEnterpriseId}`}>{v}</Link> },
          { title: '状态', dataIndex: 'statusLabel', render: (v: string) => <Tag>{v}</Tag> },
          { title: '成员数', dataIndex: 'activeMemberCount' },
          { title: '组建日期', dataIndex: 'formedOn', render: date },
        ]}
      />
      {founding && <FoundModal onClose={() => setFounding(false)} />}
    </Card>
  );
}

function FoundModal({ onClose }: { onClose: () => void }) {
  const chains = useChains();
  const dict = useDictionaries();
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const submit = async (v: { name: string; chainId: string; leadEnterpriseId: string; status: Status; formedOn?: Dayjs; plannedOn?: Dayjs; description?: string }) => {
    try {
      await unwrap(
        api.POST('/api/v1/communities', {
          body: { ...v, formedOn: v.formedOn?.format('YYYY-MM-DD'), plannedOn: v.plannedOn?.format('YYYY-MM-DD') },
        }),
      );
      message.success('共同体已登记');
      await queryClient.invalidateQueries({ queryKey: ['communities'] });
      onClose();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Modal open title="组建共同体" onCancel={onClose} onOk={() => form.submit()} okText="保存">
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ status: 'PLANNED' }}>
        <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="chainId" label="产业链" rules={[{ required: true, message: '请选择产业链' }]}>
          <Select options={chains.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="leadEnterpriseId" label="牵头企业" extra="须为该产业链上已认定的链主" rules={[{ required: true, message: '请选择牵头企业' }]}>
          <EnterprisePicker />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select options={(['PLANNED', 'FORMED'] as Status[]).map((s) => ({ value: s, label: dict.label('CommunityStatus', s) }))} />
        </Form.Item>
        <Form.Item name="plannedOn" label="计划日期">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="formedOn" label="组建日期">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
