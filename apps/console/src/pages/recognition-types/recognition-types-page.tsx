import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';

import { useAuth } from '../../api/auth';
import { api, errorText, Schemas, unwrap } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';

type RecognitionType = Schemas['RecognitionTypeDto'];

/** 认定类型: the recognition catalogue staff extend without a release. */
export default function RecognitionTypesPage() {
  const auth = useAuth();
  const list = useQuery({ queryKey: ['recognition-types'], queryFn: () => unwrap(api.GET('/api/v1/recognition-types')) });
  const [editing, setEditing] = useState<RecognitionType | 'new' | null>(null);
  const canWrite = auth.can('REFERENCE_WRITE');
  return (
    <Card title="认定类型目录" extra={canWrite && <Button type="primary" onClick={() => setEditing('new')}>新增认定类型</Button>}>
      <Table<RecognitionType>
        rowKey="code"
        size="small"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={false}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '代码', dataIndex: 'code', render: (v: string) => <code>{v}</code> },
          { title: '级别', dataIndex: 'levelLabels', render: (v: string[]) => v.map((l) => <Tag key={l}>{l}</Tag>) },
          { title: '有效期', dataIndex: 'validityYears', render: (v: number | null) => (v ? `${v} 年` : '长期') },
          { title: '持有方', dataIndex: 'holderKindLabel' },
          { title: '认定机构', dataIndex: 'issuingBody', render: (v: string | null) => v ?? '—' },
          { title: '适用期', render: (_, r) => (r.effectiveFrom || r.effectiveTo ? `${r.effectiveFrom ?? '不限'} 至 ${r.effectiveTo ?? '不限'}` : '不限') },
          ...(canWrite ? [{ title: '操作', render: (_: unknown, r: RecognitionType) => <a onClick={() => setEditing(r)}>编辑</a> }] : []),
        ]}
      />
      {editing && <TypeModal type={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

interface Values {
  code: string;
  name: string;
  levels: string[];
  validityYears?: number | null;
  issuingBody?: string;
  holderKind: 'ENTERPRISE' | 'CARRIER';
  carrierKind?: string;
  effectiveFrom?: Dayjs | null;
  effectiveTo?: Dayjs | null;
}

function TypeModal({ type, onClose }: { type: RecognitionType | null; onClose: () => void }) {
  const dict = useDictionaries();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const holderKind = Form.useWatch('holderKind', form);
  const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined);
  const submit = async (v: Values) => {
    try {
      const common = { name: v.name, levels: v.levels as RecognitionType['levels'], validityYears: v.validityYears ?? null, issuingBody: v.issuingBody, effectiveFrom: day(v.effectiveFrom), effectiveTo: day(v.effectiveTo) };
      if (type) await unwrap(api.PATCH('/api/v1/recognition-types/{code}', { params: { path: { code: type.code } }, body: { ...common, version: type.version } }));
      else await unwrap(api.POST('/api/v1/recognition-types', { body: { ...common, code: v.code, holderKind: v.holderKind, carrierKind: v.carrierKind as never } }));
      message.success('认定类型已保存,可立即用于登记认定');
      await queryClient.invalidateQueries({ queryKey: ['recognition-types'] });
      await queryClient.invalidateQueries({ queryKey: ['dictionaries'] });
      onClose();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const initial: Partial<Values> = type
    ? { ...type, issuingBody: type.issuingBody ?? undefined, carrierKind: type.carrierKind ?? undefined, effectiveFrom: type.effectiveFrom ? dayjs(type.effectiveFrom) : null, effectiveTo: type.effectiveTo ? dayjs(type.effectiveTo) : null }
    : { holderKind: 'ENTERPRISE', levels: ['MUNICIPAL'] };
  return (
    <Modal open title={type ? `编辑认定类型:${type.name}` : '新增认定类型'} onCancel={onClose} onOk={() => form.submit()} okText="保存">
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial}>
        <Form.Item name="code" label="代码" extra="大写字母、数字和下划线,如 GREEN_SUPPLY_CHAIN;保存后不能修改" rules={[{ required: true, message: '请填写代码' }]}>
          <Input disabled={!!type} />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="levels" label="级别" rules={[{ required: true, message: '请选择级别' }]}>
          <Select mode="multiple" options={dict.options('DesignationLevel')} />
        </Form.Item>
        <Form.Item name="validityYears" label="有效期(年)" extra="留空表示长期有效;到期日默认为认定日期加有效期">
          <InputNumber min={1} max={20} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="issuingBody" label="认定机构">
          <Input />
        </Form.Item>
        <Form.Item name="holderKind" label="持有方">
          <Select disabled={!!type} options={dict.options('HolderKind')} />
        </Form.Item>
        {holderKind === 'CARRIER' && (
          <Form.Item name="carrierKind" label="载体种类" rules={[{ required: true, message: '请选择载体种类' }]}>
            <Select disabled={!!type} options={dict.options('CarrierKind')} />
          </Form.Item>
        )}
        <Form.Item name="effectiveFrom" label="启用日期">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="effectiveTo" label="停用日期">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
