import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Form, Input, Modal, Select, Space, Table, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';

import { useAuth } from '../../api/auth';
import { api, errorText, Schemas, unwrap } from '../../api/client';
import { useChains } from '../../api/reference';
import { date } from '../../components/format';
import { segmentTreeData } from '../chains/segment-tree';
import { ChainMembershipList, CommunityMembershipList } from './chain-community-lists';
import { useEnterpriseDesignations } from './enterprise-queries';

const CHAIN_TYPES = ['CHAIN_LEADER', 'CHAIN_CORE', 'CHAIN_BASE'];

export function ChainsTab({ enterprise }: { enterprise: Schemas['EnterpriseDto'] }) {
  const designations = useEnterpriseDesignations(enterprise.id);
  const auth = useAuth();
  const [adding, setAdding] = useState(false);
  const onChains = (designations.data ?? []).filter((d) => CHAIN_TYPES.includes(d.type));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {auth.can('CHAIN_MEMBER_WRITE') && <Button onClick={() => setAdding(true)}>加入产业链</Button>}
      <ChainMembershipList enterpriseId={enterprise.id} />
      <CommunityMembershipList enterpriseId={enterprise.id} />
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={onChains}
        title={() => <Typography.Text strong>链主、链核、链基认定</Typography.Text>}
        locale={{ emptyText: '未在产业链上认定链主、链核或链基' }}
        columns={[
          { title: '产业链', dataIndex: 'chainName', render: (v, r) => <Link to={`/chains/${r.chainId}`}>{v}</Link> },
          { title: '梯队', dataIndex: 'typeLabel' },
          { title: '级别', dataIndex: 'levelLabel' },
          { title: '状态', dataIndex: 'statusLabel' },
          { title: '认定日期', dataIndex: 'recognisedOn', render: date },
        ]}
      />
      {adding && <AddToChainModal enterprise={enterprise} onClose={() => setAdding(false)} />}
    </Space>
  );
}

function AddToChainModal({ enterprise, onClose }: { enterprise: Schemas['EnterpriseDto']; onClose: () => void }) {
  const chains = useChains();
  const [form] = Form.useForm();
  const chainId = Form.useWatch('chainId', form) as string | undefined;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const segments = useQuery({
    queryKey: ['chains', chainId, 'segments'],
    enabled: !!chainId,
    queryFn: () => unwrap(api.GET('/api/v1/chains/{id}/segments', { params: { path: { id: chainId! } } })),
  });
  const submit = async (v: { chainId: string; segmentId?: string; mainProducts?: string; keyEnterprise?: boolean }) => {
    try {
      await unwrap(
        api.POST('/api/v1/chains/{id}/members', {
          params: { path: { id: v.chainId } },
          body: { enterpriseId: enterprise.id, segmentId: v.segmentId ?? null, mainProducts: v.mainProducts || null, keyEnterprise: !!v.keyEnterprise },
        }),
      );
      message.success('已加入产业链');
      await queryClient.invalidateQueries({ queryKey: ['chains'] });
      await queryClient.invalidateQueries({ queryKey: ['enterprise', enterprise.id, 'chain-memberships'] });
      onClose();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Modal open title={`${enterprise.name} 加入产业链`} onCancel={onClose} onOk={() => form.submit()} okText="加入">
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="chainId" label="产业链" rules={[{ required: true, message: '请选择产业链' }]}>
          <Select options={chains.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="segmentId" label="所在环节">
          <TreeSelect treeData={segmentTreeData(segments.data ?? [])} allowClear treeDefaultExpandAll placeholder="上游/中游/下游的环节" />
        </Form.Item>
        <Form.Item name="mainProducts" label="主要产品">
          <Input />
        </Form.Item>
        <Form.Item name="keyEnterprise" valuePropName="checked">
          <Checkbox>重点企业</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
