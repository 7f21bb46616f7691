import { useQuery } from '@tanstack/react-query';
import { Table, Tag } from 'antd';
import { useState } from 'react';

import { api, Schemas, unwrap } from '../../api/client';
import { ChangeDiff } from '../change-requests/change-diff';
import { beijingTime } from '../../components/format';

export function ChangeRequestsTab({ enterprise }: { enterprise: Schemas['EnterpriseDto'] }) {
  const [page, setPage] = useState(1);
  const requests = useQuery({
    queryKey: ['change-requests', 'enterprise', enterprise.id, page],
    queryFn: () => unwrap(api.GET('/api/v1/change-requests', { params: { query: { enterpriseId: enterprise.id, page, pageSize: 10 } } })),
  });
  return (
    <Table<Schemas['ChangeRequestDto']>
      rowKey="id"
      loading={requests.isPending}
      dataSource={requests.data?.items ?? []}
      pagination={{ current: page, pageSize: 10, total: requests.data?.meta.total ?? 0, onChange: setPage }}
      expandable={{ expandedRowRender: (r) => <ChangeDiff request={r} /> }}
      locale={{ emptyText: '暂无变更申请' }}
      columns={[
        { title: '提交时间', dataIndex: 'createdAt', render: beijingTime },
        { title: '类型', dataIndex: 'kindLabel' },
        { title: '提交人', dataIndex: 'submittedByUsername' },
        { title: '状态', dataIndex: 'statusLabel', render: (v: string) => <Tag>{v}</Tag> },
        { title: '审核人', render: (_, r) => r.reviewedByName ?? r.reviewedByUsername ?? '—' },
        { title: '审核意见', dataIndex: 'decisionReason', render: (v) => v ?? '—' },
      ]}
    />
  );
}
