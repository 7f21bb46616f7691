import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';

import { api, errorText, Schemas, unwrap } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';

interface BulkForm {
  category: Schemas['RemediationCaseDto']['category'];
  codes: string;
  sourceKind: Schemas['RemediationCaseDto']['sourceKind'];
  sourceYear?: number;
  sourceNote?: string;
  responsibleUnit: string;
  deadline: Dayjs;
}

/** 批量立案: one category for a pasted list of credit codes (one per line), all or nothing. */
export function BulkOpenModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dict = useDictionaries();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<BulkForm>();
  const [result, setResult] = useState<Schemas['BulkOpenResultDto']>();
  const submit = useMutation({
    mutationFn: (v: BulkForm) =>
      unwrap(
        api.POST('/api/v1/remediation/cases/bulk', {
          body: {
            category: v.category,
            enterprises: v.codes.split(/[\s,,;;]+/).filter(Boolean),
            sourceKind: v.sourceKind,
            sourceYear: v.sourceYear,
            sourceNote: v.sourceNote,
            responsibleUnit: v.responsibleUnit,
            deadline: v.deadline.format('YYYY-MM-DD'),
          },
        }),
      ),
    onSuccess: (r) => {
      setResult(r);
      message.success(`已立案 ${r.opened} 件`);
      void client.invalidateQueries({ queryKey: ['remediation'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const close = () => {
    setResult(undefined);
    form.resetFields();
    onClose();
  };

  return (
    <Modal open={open} title="批量立案" onCancel={close} onOk={() => form.submit()} okText="立案" confirmLoading={submit.isPending} width={560} destroyOnHidden>
      {result && (
        <Alert
          style={{ marginBottom: 16 }}
          type={result.skipped.length ? 'warning' : 'success'}
          message={`已立案 ${result.opened} 件${result.skipped.length ? `;${result.skipped.length} 家已有未销号案件,已跳过:${result.skipped.map((s) => s.name).join('、')}` : ''}`}
        />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} initialValues={{ category: 'EVALUATION_D_CLASS', sourceKind: 'EVALUATION_D' }}>
        <Form.Item name="category" label="整治类别" rules={[{ required: true }]}>
          <Select options={dict.options('RemediationCategory').filter((o) => o.value !== 'LOW_EFFICIENCY_BLOCK')} />
        </Form.Item>
        <Form.Item name="codes" label="统一社会信用代码(每行一个,可从表格粘贴)" rules={[{ required: true, message: '请粘贴信用代码' }]}>
          <Input.TextArea rows={6} placeholder={'91330211XXXXXXXXXX\n91330206XXXXXXXXXX'} data-testid="bulk-codes" />
        </Form.Item>
        <Form.Item name="sourceKind" label="来源" rules={[{ required: true }]}>
          <Select options={dict.options('RemediationSourceKind')} />
        </Form.Item>
        <Form.Item name="sourceYear" label="来源年度(亩均评价D类必填)">
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="sourceNote" label="来源说明">
          <Input />
        </Form.Item>
        <Form.Item name="responsibleUnit" label="责任单位" rules={[{ required: true, message: '请填写责任单位' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="deadline" label="整治期限" rules={[{ required: true, message: '请选择整治期限' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
