import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';

import { api, unwrap } from '../../api/client';
import { beijingTime } from '../../components/format';

const STATUS_COLOR: Record<string, string> = { PENDING: 'orange', APPROVED: 'green', REJECTED: 'red', APPLIED: 'blue' };

/** 我的申请: the liaison's requests with their decision; a rejected one is redone on the current data. */
export default function MyRequestsPage() {
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const list = useQuery({ queryKey: ['change-requests', 'mine', page], queryFn: () => unwrap(api.GET('/api/v1/change-requests', { params: { query: { page, pageSize: 20 } } })) });
  return (
    <Card title="我的申请">
      <Table
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.meta.total ?? 0, onChange: setPage }}
        columns={[
          { title: '提交时间', dataIndex: 'createdAt', render: beijingTime },
          { title: '企业', dataIndex: 'enterpriseName' },
          { title: '类型', render: (_, r) => `${r.kindLabel}${r.year ? `(${r.year} 年${r.quarter ? `第 ${r.quarter} 季度` : ''})` : ''}` },
          { title: '状态', render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{r.statusLabel}</Tag> },
          { title: '审核人', render: (_, r) => r.reviewedByName ?? r.reviewedByUsername ?? '—' },
          { title: '审核时间', dataIndex: 'reviewedAt', render: beijingTime },
          { title: '驳回理由', render: (_, r) => (r.decisionReason ? <Typography.Text type="danger">{r.decisionReason}</Typography.Text> : '—') },
          {
            title: '操作',
            render: (_, r) =>
              r.status === 'REJECTED' && (
                <Button size="small" onClick={() => navigate(`${r.kind === 'FIGURES' ? '/my/figures' : '/my/change'}?e=${r.enterpriseId}`)}>
                  按最新数据重新提交
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
