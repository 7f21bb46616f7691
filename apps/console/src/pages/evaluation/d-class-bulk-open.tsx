import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Spin, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';

import { api, errorText, unwrap } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';

interface Values {
  responsibleUnit: string;
  deadline: Dayjs;
}

/**
 * “D 类企业批量立案”: opens a 亩均D类 remediation case for every D-class firm of the year in the user's scope.
 * The confirm shows how many firms that is and how many already have an open case (skipped).
 */
export function DClassBulkOpenButton({ year, publicised }: { year: number; publicised: boolean }) {
  const { message } = App.useApp();
  const dict = useDictionaries();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const preview = useQuery({
    queryKey: ['remediation-from-evaluation', year],
    enabled: open,
    retry: false,
    queryFn: () => unwrap(api.GET('/api/v1/remediation/cases/from-evaluation/preview', { params: { query: { year } } })),
  });
  const submit = useMutation({
    mutationFn: (v: Values) =>
      unwrap(api.POST('/api/v1/remediation/cases/from-evaluation', { body: { year, responsibleUnit: v.responsibleUnit, deadline: v.deadline.format('YYYY-MM-DD') } })),
    onSuccess: (r) => {
      message.success(`已为 ${r.opened} 家D类企业立案${r.skipped.length ? `,${r.skipped.length} 家已有未销号案件,已跳过` : ''}`);
      setOpen(false);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['remediation-from-evaluation', year] });
      void queryClient.invalidateQueries({ queryKey: ['remediation'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const p = preview.data;
  const toOpen = p ? p.dClassFirms - p.alreadyOpen : 0;
  return (
    <>
      <Button disabled={!publicised} title={publicised ? undefined : '结果公示后才能按D类批量立案'} onClick={() => setOpen(true)}>
        D 类企业批量立案
      </Button>
      <Modal
        title={`${year} 年亩均评价 D 类企业批量立案`}
        open={open}
        okText={p ? `确认立案 ${toOpen} 家` : '确认立案'}
        okButtonProps={{ disabled: !p || toOpen === 0, loading: submit.isPending }}
        onOk={() => form.validateFields().then((v) => submit.mutate(v))}
        onCancel={() => setOpen(false)}
        destroyOnClose
      >
        {preview.isLoading && <Spin />}
        {preview.isError && <Alert type="error" showIcon message={errorText(preview.error)} />}
        {p && (
          <Typography.Paragraph>
            您负责范围内 {year} 年亩均评价 D 类企业共 <Typography.Text strong>{p.dClassFirms}</Typography.Text> 家,其中{' '}
            <Typography.Text strong>{p.alreadyOpen}</Typography.Text> 家已有未销号的“{dict.label('RemediationCategory', 'EVALUATION_D_CLASS')}”案件(将跳过),将新立案{' '}
            <Typography.Text strong>{toOpen}</Typography.Text> 件,来源记为“{year} 年{dict.label('RemediationSourceKind', 'EVALUATION_D')}”。
          </Typography.Paragraph>
        )}
        <Form form={form} layout="vertical">
          <Form.Item name="responsibleUnit" label="责任单位" rules={[{ required: true, message: '请填写责任单位' }]}>
            <Input maxLength={200} placeholder="如:区经信局" />
          </Form.Item>
          <Form.Item name="deadline" label="整治期限" rules={[{ required: true, message: '请选择整治期限' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
