import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';

import { useAuth } from '../../api/auth';
import { api, errorText, Schemas, unwrap } from '../../api/client';
import { useDistricts } from '../../api/reference';

type Block = Schemas['LandBlockDto'];

/** 低效区块: land blocks with area and location, and how many of their cases are open. */
export default function LandBlocksPage() {
  const auth = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { districts } = useDistricts();
  const [districtCode, setDistrictCode] = useState<string>();
  const [q, setQ] = useState<string>();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<Schemas['CreateLandBlockDto']>();
  const query = { districtCode, q, page, pageSize: 20 };
  const list = useQuery({ queryKey: ['remediation', 'blocks', query], queryFn: () => unwrap(api.GET('/api/v1/remediation/blocks', { params: { query } })) });
  const create = useMutation({
    mutationFn: (body: Schemas['CreateLandBlockDto']) => unwrap(api.POST('/api/v1/remediation/blocks', { body })),
    onSuccess: () => {
      message.success('区块已登记');
      setCreating(false);
      form.resetFields();
      void client.invalidateQueries({ queryKey: ['remediation', 'blocks'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const districtOptions = districts.filter((d) => !d.retired).map((d) => ({ value: d.code, label: d.name }));

  return (
    <Card
      title="低效区块"
      extra={
        <Space>
          <Link to="/remediation">整治案件</Link>
          {auth.can('REMEDIATION_WRITE') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              登记区块
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select allowClear placeholder="区县" style={{ width: 140 }} value={districtCode} onChange={(v) => { setDistrictCode(v); setPage(1); }} options={districtOptions} />
        <Input.Search allowClear placeholder="区块名称或坐落" style={{ width: 240 }} onSearch={(v) => { setQ(v || undefined); setPage(1); }} />
      </Space>
      <Table<Block>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.meta.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 个区块` }}
        columns={[
          { title: '区块名称', dataIndex: 'name' },
          { title: '区县', dataIndex: 'districtName' },
          { title: '面积(亩)', dataIndex: 'areaMu', align: 'right', render: (v: number) => v.toLocaleString('zh-CN', { minimumFractionDigits: 2 }) },
          { title: '坐落', dataIndex: 'location' },
          { title: '坐标', key: 'coords', render: (_, r) => (r.longitude !== null && r.latitude !== null ? `${r.longitude}, ${r.latitude}` : '—') },
          { title: '未销号案件', dataIndex: 'openCases', align: 'right' },
        ]}
      />
      <Modal open={creating} title="登记低效区块" onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="name" label="区块名称" rules={[{ required: true, message: '请填写区块名称' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="districtCode" label="区县(登记后不可更改)" rules={[{ required: true, message: '请选择区县' }]}>
            <Select options={districtOptions} />
          </Form.Item>
          <Form.Item name="areaMu" label="面积(亩)" rules={[{ required: true, message: '请填写面积' }]}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="location" label="坐落" rules={[{ required: true, message: '请填写坐落' }]}>
            <Input />
          </Form.Item>
          <Space>
            <Form.Item name="longitude" label="经度">
              <InputNumber min={-180} max={180} precision={6} />
            </Form.Item>
            <Form.Item name="latitude" label="纬度">
              <InputNumber min={-90} max={90} precision={6} />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </Card>
  );
}
