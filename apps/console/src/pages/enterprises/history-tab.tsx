import { useQuery } from '@tanstack/react-query';
import { List, Pagination, Typography } from 'antd';
import { useState } from 'react';

import { api, Schemas, unwrap } from '../../api/client';
import { auditSentences } from '../../components/audit-sentence';
import { beijingTime } from '../../components/format';

export function HistoryTab({ enterprise }: { enterprise: Schemas['EnterpriseDto'] }) {
  const [page, setPage] = useState(1);
  const history = useQuery({
    queryKey: ['enterprise', enterprise.id, 'history', page],
    queryFn: () => unwrap(api.GET('/api/v1/enterprises/{id}/history', { params: { path: { id: enterprise.id }, query: { page, pageSize: 20 } } })),
  });
  return (
    <>
      <List
        loading={history.isPending}
        dataSource={history.data?.items ?? []}
        locale={{ emptyText: '暂无动态' }}
        renderItem={(entry) => (
          <List.Item>
            <List.Item.Meta
              title={auditSentences(entry).map((s, i) => (
                <div key={i} data-testid="history-sentence">
                  {s}
                </div>
              ))}
              description={<Typography.Text type="secondary">{beijingTime(entry.at)}</Typography.Text>}
            />
          </List.Item>
        )}
      />
      <Pagination current={page} pageSize={20} total={history.data?.meta.total ?? 0} onChange={setPage} showSizeChanger={false} style={{ marginTop: 12, textAlign: 'right' }} />
    </>
  );
}
