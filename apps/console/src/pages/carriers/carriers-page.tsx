import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';

import { useAuth } from '../../api/auth';
import { api, errorText, Schemas, unwrap } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';
import { useChains, useDistricts } from '../../api/reference';
import { EnterprisePicker } from '../../components/enterprise-picker';

type Kind = Schemas['CarrierKind'];

/** 载体: green parks, green-design products, platforms, industry brains and their apps, which hold recognitions. */
export default function CarriersPage() {
  const dict = useDictionaries();
  const auth = useAuth();
  const { districtName } = useDistricts();
  const [kind, setKind] = useState<Kind | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const query = { kind, q: q || undefined, page, pageSize: 20 };
  const list = useQuery({ queryKey: ['carriers', query], queryFn: () => unwrap(api.GET('/api/v1/carriers', { params: { query } })) });
  return (
    <Card title="载体" extra={auth.can('DESIGNATION_WRITE') && <Button type="primary" onClick={() => setAdding(true)}>新增载体</Button>}>
      <Space style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="载体种类"
          style={{ width: 180 }}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          options={dict.options('CarrierKind')}
        />
        <Input.Search placeholder="名称" allowClear onSearch={(v) => { setQ(v); setPage(1); }} style={{ width: 240 }} />
      </Space>
      <Table<Schemas['CarrierDto']>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.meta.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: '名称', dataIndex: 'name', render: (v, r) => <Link to={`/carriers/${r.id}`}>{v}</Link> },
          { title: '种类', dataIndex: 'kindLabel' },
          { title: '区县', dataIndex: 'districtCode', render: (v: string) => districtName(v) },
          {
            title: '运营主体',
            render: (_, r) => (r.operatorEnterpriseId ? <Link to={`/enterprises/${r.operatorEnterpriseId}`}>{r.operatorEnterpriseName}</Link> : (r.operatorName ?? '—')),
          },
          { title: '有效认定', dataIndex: 'holdingCount' },
        ]}
      />
      {adding && <CarrierModal onClose={() => setAdding(false)} />}
    </Card>
  );
}

interface Values {
  kind: Kind;
  name: string;
  districtCode: string;
  operatorEnterpriseId?: string;
  operatorName?: string;
  chainId?: string;
  description?: string;
}

function CarrierModal({ onClose }: { onClose: () => void }) {
  const dict = useDictionaries();
  const { districts } = useDistricts();
  const chains = useChains();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const submit = async (v: Values) => {
    try {
      const saved = await unwrap(api.POST('/api/v1/carriers', { body: v }));
      message.success('载体已登记');
      await queryClient.invalidateQueries({ queryKey: ['carriers'] });
      onClose();
      void navigate(`/carriers/${saved.id}`);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Modal open title="新增载体" onCancel={onClose} onOk={() => form.submit()} okText="保存">
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="kind" label="种类" rules={[{ required: true, message: '请选择种类' }]}>
          <Select options={dict.options('CarrierKind')} />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
          <Input placeholder="园区、产品、平台或应用的名称" />
        </Form.Item>
        <Form.Item name="districtCode" label="所在区县" rules={[{ required: true, message: '请选择区县' }]}>
          <Select showSearch optionFilterProp="label" options={districts.filter((d) => !d.retired && d.kind !== 'CITY' && d.kind !== 'FUNCTIONAL_ZONE').map((d) => ({ value: d.code, label: d.name }))} />
        </Form.Item>
        <Form.Item name="operatorEnterpriseId" label="运营企业" extra="由库内企业运营时选择">
          <EnterprisePicker />
        </Form.Item>
        <Form.Item name="operatorName" label="运营单位(非库内企业)">
          <Input placeholder="如 园区管理委员会" />
        </Form.Item>
        <Form.Item name="chainId" label="产业链">
          <Select allowClear options={chains.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
