import { Table, Tag, Typography } from 'antd';

import { useDictionaries } from '../../api/dictionaries';
import { date } from '../../components/format';
import { useEnterpriseChainMemberships, useEnterpriseCommunities } from './enterprise-queries';

/** 所在产业链: every chain spell of the enterprise (chain, segment, joined/left dates in Beijing, 重点企业). */
export function ChainMembershipList({ enterpriseId, title = '所在产业链' }: { enterpriseId: string; title?: string }) {
  const memberships = useEnterpriseChainMemberships(enterpriseId);
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      loading={memberships.isLoading}
      title={() => <Typography.Text strong>{title}</Typography.Text>}
      dataSource={memberships.data ?? []}
      locale={{ emptyText: '未加入产业链' }}
      columns={[
        { title: '产业链', dataIndex: 'chainName' },
        { title: '所在环节', render: (_, m) => (m.segmentName ? `${m.stageLabel ? `${m.stageLabel} · ` : ''}${m.segmentName}` : '—') },
        { title: '重点企业', dataIndex: 'keyEnterprise', render: (v: boolean) => (v ? <Tag color="gold">重点企业</Tag> : '—') },
        { title: '加入日期', dataIndex: 'joinedOn', render: date },
        { title: '退出日期', dataIndex: 'leftOn', render: (v: string | null) => (v ? date(v) : <Tag color="green">在链</Tag>) },
      ]}
    />
  );
}

/** 参与的共同体: every community spell of the enterprise, whatever its role. */
export function CommunityMembershipList({ enterpriseId, title = '参与的共同体' }: { enterpriseId: string; title?: string }) {
  const dict = useDictionaries();
  const communities = useEnterpriseCommunities(enterpriseId);
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      loading={communities.isLoading}
      title={() => <Typography.Text strong>{title}</Typography.Text>}
      dataSource={communities.data ?? []}
      locale={{ emptyText: '未参与共同体' }}
      columns={[
        { title: '共同体', dataIndex: 'communityName' },
        { title: '产业链', dataIndex: 'chainName' },
        { title: '角色', dataIndex: 'role', render: (v: string, c) => dict.label('CommunityRole', v, c.roleLabel) },
        { title: '共同体状态', dataIndex: 'communityStatus', render: (v: string, c) => dict.label('CommunityStatus', v, c.communityStatusLabel) },
        { title: '加入日期', dataIndex: 'joinedOn', render: date },
        { title: '退出日期', dataIndex: 'leftOn', render: (v: string | null) => (v ? date(v) : <Tag color="green">在内</Tag>) },
      ]}
    />
  );
}
