import { DeleteOutlined, DownOutlined, SaveOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Dropdown, Form, Input, Modal, Space, Tag } from 'antd';
import { useState } from 'react';

import { useAuth } from '../../api/auth';
import { api, errorText, Schemas, unwrap } from '../../api/client';

type Page = Schemas['SavedViewPage'];

/** Saved filter sets of a list page, stored by the API: one's own, and those staff shared. */
export function SavedViews(props: { page?: Page; onApply(filters: Record<string, unknown>): void; current(): Record<string, unknown> }) {
  const page = props.page ?? 'enterprises';
  const auth = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ name: string; shared: boolean }>();
  const views = useQuery({ queryKey: ['saved-views', page], queryFn: () => unwrap(api.GET('/api/v1/saved-views', { params: { query: { page } } })) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['saved-views', page] });

  const save = async (v: { name: string; shared: boolean }) => {
    try {
      await unwrap(api.POST('/api/v1/saved-views', { body: { page, name: v.name.trim(), shared: !!v.shared, state: props.current() } }));
      message.success('视图已保存');
      setSaving(false);
      form.resetFields();
      await refresh();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const remove = async (view: Schemas['SavedViewDto']) => {
    try {
      await unwrap(api.DELETE('/api/v1/saved-views/{id}', { params: { path: { id: view.id } } }));
      message.success('视图已删除');
      await refresh();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const items = (views.data ?? []).map((view) => ({
    key: view.id,
    label: (
      <Space style={{ minWidth: 200, justifyContent: 'space-between', width: '100%' }}>
        <span>
          {view.name} {view.shared && <Tag color="blue">共享</Tag>}
          {!view.mine && <span style={{ color: '#999' }}>({view.ownerName})</span>}
        </span>
        {view.mine && (
          <DeleteOutlined
            aria-label={`删除视图 ${view.name}`}
            onClick={(e) => {
              e.stopPropagation();
              void remove(view);
            }}
          />
        )}
      </Space>
    ),
    onClick: () => props.onApply(view.state),
  }));

  return (
    <>
      <Space.Compact>
        <Dropdown menu={{ items: items.length ? items : [{ key: 'none', label: '还没有保存的视图', disabled: true }] }} trigger={['click']}>
          <Button>
            保存的视图 <DownOutlined />
          </Button>
        </Dropdown>
        <Button icon={<SaveOutlined />} onClick={() => setSaving(true)} aria-label="保存当前视图" title="保存当前查询条件为视图" />
      </Space.Compact>
      <Modal open={saving} title="保存当前查询条件" onCancel={() => setSaving(false)} onOk={() => form.submit()} okText="保存" destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="name" label="视图名称" rules={[{ required: true, whitespace: true, message: '请填写视图名称' }]}>
            <Input placeholder="如 镇海区规上小巨人" maxLength={50} />
          </Form.Item>
          {auth.can('ENTERPRISE_WRITE') && (
            <Form.Item name="shared" valuePropName="checked">
              <Checkbox>共享给同事</Checkbox>
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
