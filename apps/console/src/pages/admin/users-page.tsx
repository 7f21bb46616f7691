import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';

import { api, errorText, Schemas, unwrap } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';
import { useDistricts } from '../../api/reference';
import { beijingTime } from '../../components/format';
import { EnterprisePicker } from '../../components/enterprise-picker';

type User = Schemas['UserDto'];
type Role = Schemas['Role'];
const ROLES: Role[] = ['ADMIN', 'BUREAU_STAFF', 'DISTRICT_STAFF', 'LIAISON', 'VIEWER'];

export default function UsersPage() {
  const dict = useDictionaries();
  const { districtName } = useDistricts();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [q, setQ] = useState<string>();
  const [role, setRole] = useState<Role>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const query = { q: q || undefined, role, page, pageSize: 20 };
  const users = useQuery({ queryKey: ['users', query], queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query } })) });

  const toggle = async (u: User) => {
    try {
      await unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id: u.id } }, body: { active: !u.active, version: u.version } }));
      message.success(u.active ? '已停用' : '已启用');
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Card title="用户与权限" extra={<Button type="primary" onClick={() => setEditing('new')}>新建用户</Button>}>
      <Space style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder="用户名或姓名" onSearch={(v) => { setQ(v); setPage(1); }} style={{ width: 220 }} />
        <Select allowClear placeholder="角色" style={{ width: 160 }} value={role} onChange={(v) => { setRole(v); setPage(1); }} options={ROLES.map((r) => ({ value: r, label: dict.label('Role', r) }))} />
      </Space>
      <Table<User>
        rowKey="id"
        loading={users.isPending}
        dataSource={users.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: users.data?.meta.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', dataIndex: 'role', render: (r: Role, u) => dict.label('Role', r, u.roleLabel) },
          {
            title: '范围',
            key: 'scope',
            render: (_, u) =>
              u.districtCodes.length ? u.districtCodes.map(districtName).join('、') : u.enterpriseIds.length ? `${u.enterpriseIds.length} 家企业` : '全市',
          },
          { title: '状态', dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
          { title: '上次登录', dataIndex: 'lastLoginAt', render: beijingTime },
          {
            title: '操作',
            key: 'op',
            render: (_, u) => (
              <Space>
                <Button size="small" onClick={() => setEditing(u)}>编辑</Button>
                <Button size="small" onClick={() => setResetting(u)}>重置密码</Button>
                <Button size="small" danger={u.active} onClick={() => toggle(u)}>{u.active ? '停用' : '启用'}</Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && <UserModal user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetModal user={resetting} onClose={() => setResetting(null)} />}
    </Card>
  );
}

function UserModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const dict = useDictionaries();
  const { districts } = useDistricts();
  const [form] = Form.useForm();
  const role = Form.useWatch('role', form) as Role | undefined;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // A district officer's scope: districts and counties, never a functional zone (the API refuses those); a retired
  // district the user still holds stays listed so saving does not drop it silently.
  const held = new Set(user?.districtCodes ?? []);
  const scopeDistricts = districts
    .filter((d) => d.kind !== 'FUNCTIONAL_ZONE' && d.kind !== 'CITY' && (!d.retired || held.has(d.code)))
    .map((d) => ({ value: d.code, label: d.retired ? `${d.name}(已撤销)` : d.name }));
  const submit = async (v: { username: string; displayName: string; role: Role; password?: string; districtCodes?: string[]; enterpriseIds?: string[] }) => {
    try {
      const scope = { districtCodes: v.role === 'DISTRICT_STAFF' ? (v.districtCodes ?? []) : [], enterpriseIds: v.role === 'LIAISON' ? (v.enterpriseIds ?? []) : [] };
      if (user) {
        await unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body: { displayName: v.displayName, role: v.role, ...scope, version: user.version } }));
      } else {
        await unwrap(api.POST('/api/v1/users', { body: { username: v.username, displayName: v.displayName, role: v.role, password: v.password!, ...scope } }));
      }
      message.success('已保存');
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      onClose();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Modal open title={user ? `编辑用户 ${user.username}` : '新建用户'} onCancel={onClose} onOk={() => form.submit()} okText="保存">
      <Form form={form} layout="vertical" onFinish={submit} initialValues={user ?? { role: 'BUREAU_STAFF' }}>
        <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请填写用户名' }]}>
          <Input disabled={!!user} />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: dict.label('Role', r) }))} />
        </Form.Item>
        {!user && (
          <Form.Item name="password" label="初始密码" extra="至少 10 位,同时包含字母和数字" rules={[{ required: true, message: '请填写初始密码' }, { min: 10, message: '至少 10 位' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        {role === 'DISTRICT_STAFF' && (
          <Form.Item name="districtCodes" label="负责区县" extra="可选多个区县" rules={[{ required: true, message: '请选择区县' }]}>
            <Select mode="multiple" allowClear placeholder="选择一个或多个区县" options={scopeDistricts} optionFilterProp="label" />
          </Form.Item>
        )}
        {role === 'LIAISON' && (
          <Form.Item name="enterpriseIds" label="联络企业" extra="联络员只对应一家企业" rules={[{ required: true, message: '请选择企业' }]} getValueFromEvent={(id: string) => [id]} getValueProps={(ids?: string[]) => ({ value: ids?.[0] })}>
            <EnterprisePicker />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function ResetModal({ user, onClose }: { user: User; onClose: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const submit = async (v: { password: string }) => {
    try {
      await unwrap(api.POST('/api/v1/users/{id}/reset-password', { params: { path: { id: user.id } }, body: { password: v.password } }));
      message.success('密码已重置');
      onClose();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Modal open title={`重置 ${user.displayName} 的密码`} onCancel={onClose} onOk={() => form.submit()} okText="重置">
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="password" label="新密码" extra="至少 10 位,同时包含字母和数字" rules={[{ required: true, message: '请填写新密码' }, { min: 10, message: '至少 10 位' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
