import { useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useState } from 'react';

import { useAuth } from '../../api/auth';
import { api, ApiError, errorText, Schemas, unwrap } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';
import { fieldValue } from '../../components/field-value';
import { beijingTime } from '../../components/format';

type Enterprise = Schemas['EnterpriseDto'];

// the profile fields shown and edited here, in display order (their labels come from the dictionary)
const FIELDS = [
  'name', 'shortName', 'formerNames', 'legalRepresentative', 'foundedOn', 'registeredCapitalYuan', 'address',
  'aboveScale', 'stockCode', 'landAreaMu', 'contactPerson', 'contactPhone', 'contactEmail',
] as const;
type Field = (typeof FIELDS)[number];

interface Conflict {
  field: string;
  mine: unknown;
  theirs: unknown;
}

export function BasicInfoTab({ enterprise }: { enterprise: Enterprise }) {
  const dict = useDictionaries();
  const auth = useAuth();
  const [editing, setEditing] = useState<Enterprise | null>(null);
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null);
  const canEdit = auth.can('ENTERPRISE_WRITE');
  const canPropose = !canEdit && auth.can('CHANGE_REQUEST_SUBMIT');
  const label = (f: string) => dict.field('enterprise', f);

  return (
    <>
      <Descriptions column={2} bordered size="small">
        {FIELDS.map((f) => (
          <Descriptions.Item key={f} label={label(f).label}>
            {fieldValue(f, enterprise[f], label(f).unit)}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label="更新时间">{beijingTime(enterprise.updatedAt)}</Descriptions.Item>
        <Descriptions.Item label="版本">{enterprise.version}</Descriptions.Item>
      </Descriptions>
      {(canEdit || canPropose) && (
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" onClick={() => setEditing(enterprise)}>
            {canEdit ? '编辑' : '申请变更'}
          </Button>
        </Space>
      )}
      {editing && (
        <EditModal
          base={editing}
          propose={canPropose}
          onClose={() => setEditing(null)}
          onConflict={(c) => {
            setConflicts(c);
            setEditing(null);
          }}
        />
      )}
      <Modal open={!!conflicts} title="保存失败:该企业已被他人修改" onCancel={() => setConflicts(null)} onOk={() => setConflicts(null)} okText="知道了,查看最新信息" cancelButtonProps={{ style: { display: 'none' } }}>
        <p>您打开编辑后,其他人修改了以下信息。您的修改未保存,请在最新信息上重新编辑。</p>
        <Table
          size="small"
          pagination={false}
          rowKey="field"
          dataSource={conflicts ?? []}
          columns={[
            { title: '字段', dataIndex: 'field', render: (f: string) => label(f).label },
            { title: '您打开时', dataIndex: 'mine', render: (v, r) => fieldValue(r.field, v, label(r.field).unit) },
            { title: '现在', dataIndex: 'theirs', render: (v, r) => fieldValue(r.field, v, label(r.field).unit) },
          ]}
        />
      </Modal>
    </>
  );
}

type FormValues = Omit<Record<Field, unknown>, 'foundedOn' | 'formerNames'> & { foundedOn?: Dayjs | null; formerNames?: string[] };

function EditModal(props: { base: Enterprise; propose: boolean; onClose: () => void; onConflict: (c: Conflict[]) => void }) {
  const dict = useDictionaries();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const { base } = props;
  const label = (f: Field) => dict.field('enterprise', f).label;

  const save = async (values: FormValues) => {
    const changed: Record<string, unknown> = {};
    // a liaison may not propose 规上企业 (it moves quota counts): it is not in their form
    for (const f of props.propose ? FIELDS.filter((x) => x !== 'aboveScale') : FIELDS) {
      let v: unknown = values[f];
      if (f === 'foundedOn') v = values.foundedOn ? values.foundedOn.format('YYYY-MM-DD') : null;
      if (v === '' || v === undefined) v = null;
      if (f === 'formerNames') v = (v as string[] | null) ?? [];
      if (JSON.stringify(v) !== JSON.stringify(base[f] ?? (f === 'formerNames' ? [] : null))) changed[f] = v;
    }
    if (!Object.keys(changed).length) {
      message.info('没有修改');
      props.onClose();
      return;
    }
    setBusy(true);
    try {
      const path = { id: base.id };
      if (props.propose) {
        await unwrap(api.POST('/api/v1/enterprises/{id}/change-requests', { params: { path }, body: { version: base.version, profile: changed } as never }));
        message.success('变更申请已提交,等待审核');
      } else {
        await unwrap(api.PATCH('/api/v1/enterprises/{id}', { params: { path }, body: { ...changed, version: base.version } as never }));
        message.success('已保存');
      }
      await queryClient.invalidateQueries({ queryKey: ['enterprise', base.id] });
      props.onClose();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        const current = await unwrap(api.GET('/api/v1/enterprises/{id}', { params: { path: { id: base.id } } }));
        await queryClient.invalidateQueries({ queryKey: ['enterprise', base.id] });
        props.onConflict(
          FIELDS.filter((f) => JSON.stringify(current[f]) !== JSON.stringify(base[f])).map((f) => ({ field: f, mine: base[f], theirs: current[f] })),
        );
      } else {
        message.error(errorText(e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={props.propose ? '申请变更企业信息' : '编辑企业信息'} onCancel={props.onClose} onOk={() => form.submit()} confirmLoading={busy} okText={props.propose ? '提交申请' : '保存'} width={720}>
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{ ...base, foundedOn: base.foundedOn ? dayjs(base.foundedOn) : null }}
        style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}
      >
        <Form.Item name="name" label={label('name')} rules={[{ required: true, message: '企业名称不能为空' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="shortName" label={label('shortName')}>
          <Input />
        </Form.Item>
        <Form.Item name="formerNames" label={label('formerNames')}>
          <Select mode="tags" open={false} placeholder="输入后回车" />
        </Form.Item>
        <Form.Item name="legalRepresentative" label={label('legalRepresentative')}>
          <Input />
        </Form.Item>
        <Form.Item name="foundedOn" label={label('foundedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="registeredCapitalYuan" label={`${label('registeredCapitalYuan')}(元)`}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="address" label={label('address')}>
          <Input />
        </Form.Item>
        {!props.propose && (
          <Form.Item name="aboveScale" label={label('aboveScale')}>
            <Select options={[{ value: true, label: '是' }, { value: false, label: '否' }]} />
          </Form.Item>
        )}
        <Form.Item name="stockCode" label={label('stockCode')}>
          <Input />
        </Form.Item>
        <Form.Item name="landAreaMu" label={`${label('landAreaMu')}(亩)`}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="contactPerson" label={label('contactPerson')}>
          <Input />
        </Form.Item>
        <Form.Item name="contactPhone" label={label('contactPhone')}>
          <Input />
        </Form.Item>
        <Form.Item name="contactEmail" label={label('contactEmail')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
