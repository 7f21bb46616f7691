import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Descriptions, Form, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';

import { useAuth } from '../../api/auth';
import { api, errorText, Schemas, unwrap } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';
import { date } from '../../components/format';
import { EnterprisePicker } from '../../components/enterprise-picker';

type Status = Schemas['CommunityStatus'];

export default function CommunityDetailPage() {
  const { id = '' } = useParams();
  const auth = useAuth();
  const dict = useDictionaries();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [joining, setJoining] = useState(false);
  const community = useQuery({ queryKey: ['communities', id], queryFn: () => unwrap(api.GET('/api/v1/communities/{id}', { params: { path: { id } } })) });
  const canWrite = auth.can('COMMUNITY_WRITE');
  const c = community.data;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['communities'] });

  const leave = async (memberId: string) => {
    try {
      await unwrap(api.POST('/api/v1/communities/{id}/members/{memberId}/leave', { params: { path: { id, memberId } }, body: {} }));
      message.success('已登记退出');
      await refresh();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const move = async (status: Status) => {
    if (!c) return;
    const today = dayjs().format('YYYY-MM-DD');
    try {
      await unwrap(
        api.PATCH('/api/v1/communities/{id}', {
          params: { path: { id } },
          body: { status, version: c.version, ...(status === 'FORMED' ? { formedOn: today } : { dissolvedOn: today }) },
        }),
      );
      message.success(`已改为${dict.label('CommunityStatus', status)}`);
      await refresh();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  if (!c) return <Card loading />;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={c.name}
        extra={
          canWrite && (
            <Space>
              {c.status === 'PLANNED' && <Button onClick={() => move('FORMED')}>登记组建</Button>}
              {c.status !== 'DISSOLVED' && (
                <Popconfirm title="确认解散该共同体?" onConfirm={() => move('DISSOLVED')} okText="解散" cancelText="取消">
                  <Button danger>解散</Button>
                </Popconfirm>
              )}
            </Space>
          )
        }
      >
        <Descriptions column={3}>
          <Descriptions.Item label="产业链">{c.chainName}</Descriptions.Item>
          <Descriptions.Item label="牵头企业">
            <Link to={`/enterprises/${c.leadEnterpriseId}`}>{c.leadEnterpriseName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag>{c.statusLabel}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="计划日期">{date(c.plannedOn)}</Descriptions.Item>
          <Descriptions.Item label="组建日期">{date(c.formedOn)}</Descriptions.Item>
          <Descriptions.Item label="解散日期">{date(c.dissolvedOn)}</Descriptions.Item>
          <Descriptions.Item label="说明" span={3}>
            {c.description || '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={`成员(在册 ${c.activeMemberCount})`} extra={canWrite && c.status !== 'DISSOLVED' && <Button type="primary" onClick={() => setJoining(true)}>加入成员</Button>}>
        <Table<Schemas['CommunityMemberDto']>
          rowKey="id"
          dataSource={c.members}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: '企业', dataIndex: 'enterpriseName', render: (v, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{v}</Link> },
            { title: '角色', dataIndex: 'roleLabel' },
            { title: '加入日期', dataIndex: 'joinedOn', render: date },
            { title: '退出日期', dataIndex: 'leftOn', render: date },
            { title: '在册', dataIndex: 'active', render: (v: boolean) => (v ? <Tag color="green">在册</Tag> : <Tag>已退出</Tag>) },
            ...(canWrite
              ? [{
                  title: '操作',
                  key: 'op',
                  render: (_: unknown, m: Schemas['CommunityMemberDto']) =>
                    m.active && (
                      <Popconfirm title={`登记 ${m.enterpriseName} 退出?`} onConfirm={() => leave(m.id)} okText="退出" cancelText="取消">
                        <Button size="small">退出</Button>
                      </Popconfirm>
                    ),
                }]
              : []),
          ]}
        />
      </Card>
      {joining && <JoinModal communityId={id} onClose={() => setJoining(false)} />}
    </Space>
  );
}

function JoinModal({ communityId, onClose }: { communityId: string; onClose: () => void }) {
  const dict = useDictionaries();
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const submit = async (v: { enterpriseId: string; role: Schemas['CommunityRole']; joinedOn?: Dayjs }) => {
    try {
      await unwrap(api.POST('/api/v1/communities/{id}/members', { params: { path: { id: communityId } }, body: { ...v, joinedOn: v.joinedOn?.format('YYYY-MM-DD') } }));
      message.success('已加入');
      await queryClient.invalidateQueries({ queryKey: ['communities'] });
      onClose();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Modal open title="加入成员" onCancel={onClose} onOk={() => form.submit()} okText="加入">
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="enterpriseId" label="企业" rules={[{ required: true, message: '请选择企业' }]}>
          <EnterprisePicker />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={dict.options('CommunityRole')} />
        </Form.Item>
        <Form.Item name="joinedOn" label="加入日期">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
