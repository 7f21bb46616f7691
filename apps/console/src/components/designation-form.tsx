import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';

import { api, errorText, Schemas, unwrap } from '../api/client';
import { useDictionaries } from '../api/dictionaries';
import { useChains, useRecognitionTypes } from '../api/reference';
import { EnterprisePicker } from './enterprise-picker';

interface Values {
  enterpriseId: string;
  type: string;
  level: Schemas['DesignationLevel'];
  chainId?: string;
  status: 'CANDIDATE' | 'RECOGNISED';
  recognisedOn?: Dayjs;
  expiresOn?: Dayjs;
  batch?: string;
  year?: number;
  noticeNo?: string;
  recognisingBody?: string;
  productName?: string;
}

/**
 * 新增认定: the catalogue's types for the holder (an enterprise, or the given carrier), each type's own levels,
 * a chain when the type names one; an enterprise picker unless the enterprise or carrier is given.
 */
export function DesignationFormModal(props: { open: boolean; onClose: () => void; enterprise?: { id: string; name: string }; carrier?: { id: string; name: string; kind: string } }) {
  const dict = useDictionaries();
  const chains = useChains();
  const catalogue = useRecognitionTypes();
  const types = catalogue.filter((t) => (props.carrier ? t.holderKind === 'CARRIER' && (!t.carrierKind || t.carrierKind === props.carrier.kind) : t.holderKind === 'ENTERPRISE'));
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const type = Form.useWatch('type', form);
  const status = Form.useWatch('status', form);
  const chosen = catalogue.find((t) => t.code === type);

  const create = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        api.POST('/api/v1/designations', {
          body: {
            ...(props.carrier ? { carrierId: props.carrier.id } : { enterpriseId: props.enterprise?.id ?? v.enterpriseId }),
            type: v.type,
            level: v.level,
            chainId: chosen?.namesChain ? v.chainId : undefined,
            status: v.status,
            recognisedOn: v.status === 'RECOGNISED' ? v.recognisedOn?.format('YYYY-MM-DD') : undefined,
            expiresOn: v.expiresOn?.format('YYYY-MM-DD'),
            batch: v.batch || undefined,
            year: v.year ?? undefined,
            noticeNo: v.noticeNo || undefined,
            recognisingBody: v.recognisingBody || undefined,
            productName: v.productName || undefined,
          },
        }),
      ),
    onSuccess: () => {
      message.success('认定已登记');
      void queryClient.invalidateQueries({ queryKey: ['designations'] });
      void queryClient.invalidateQueries({ queryKey: ['enterprise'] });
      void queryClient.invalidateQueries({ queryKey: ['carrier'] });
      form.resetFields();
      props.onClose();
    },
    onError: (e) => message.error(errorText(e)),
  });

  return (
    <Modal title="新增认定" open={props.open} onCancel={props.onClose} onOk={() => form.submit()} confirmLoading={create.isPending} okText="保存" destroyOnHidden width={640}>
      <Form form={form} layout="vertical" initialValues={{ status: 'RECOGNISED' }} onFinish={(v) => create.mutate(v)}>
        {props.carrier ? (
          <Form.Item label="载体">{props.carrier.name}</Form.Item>
        ) : props.enterprise ? (
          <Form.Item label="企业">{props.enterprise.name}</Form.Item>
        ) : (
          <Form.Item name="enterpriseId" label="企业" rules={[{ required: true, message: '请选择企业' }]}>
            <EnterprisePicker />
          </Form.Item>
        )}
        <Form.Item name="type" label="认定类型" rules={[{ required: true, message: '请选择认定类型' }]}>
          <Select options={types.map((t) => ({ value: t.code, label: t.name }))} placeholder="请选择" onChange={() => form.setFieldValue('level', undefined)} />
        </Form.Item>
        <Form.Item name="level" label="级别" rules={[{ required: true, message: '请选择级别' }]}>
          <Select options={(chosen?.levels ?? []).map((l) => ({ value: l, label: dict.label('DesignationLevel', l) }))} placeholder={chosen ? '请选择' : '请先选择认定类型'} />
        </Form.Item>
        {chosen?.namesChain && (
          <Form.Item name="chainId" label="产业链" rules={[{ required: true, message: '链主/链核/链基须指定产业链' }]}>
            <Select options={chains.map((c) => ({ value: c.id, label: c.name }))} placeholder="请选择产业链" />
          </Form.Item>
        )}
        {chosen?.namesProduct && (
          <Form.Item name="productName" label="产品名称">
            <Input />
          </Form.Item>
        )}
        <Form.Item name="status" label="状态" rules={[{ required: true }]}>
          <Select
            options={(['CANDIDATE', 'RECOGNISED'] as const).map((s) => ({ value: s, label: dict.label('DesignationStatus', s) }))}
          />
        </Form.Item>
        {status === 'RECOGNISED' && (
          <Form.Item name="recognisedOn" label="认定日期" rules={[{ required: true, message: '请选择认定日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="expiresOn" label="到期日期" extra={chosen?.validityYears ? `默认为认定日期后 ${chosen.validityYears} 年` : '该类型长期有效,可不填'}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="batch" label="批次">
          <Input placeholder="如 第四批" />
        </Form.Item>
        <Form.Item name="year" label="年度">
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="noticeNo" label="文号">
          <Input />
        </Form.Item>
        <Form.Item name="recognisingBody" label="认定机关">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
