import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';

import { api, Schemas, unwrap } from '../../api/client';
import { beijingTime } from '../../components/format';

type Notification = Schemas['NotificationDto'];

export default function InboxPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['notifications', 'list', filter, page],
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: { page, pageSize: 20, ...(filter === 'unread' ? { unread: 'true' } : {}) } } })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const read = useMutation({ mutationFn: (id: string) => unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })), onSuccess: refresh });
  const readAll = useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/notifications/read-all')), onSuccess: refresh });

  const open = async (n: Notification) => {
    if (!n.readAt) await read.mutateAsync(n.id);
    if (n.link) navigate(n.link);
  };

  return (
    <Card
      title="消息"
      extra={
        <Space>
          <Segmented value={filter} onChange={(v) => { setFilter(v as typeof filter); setPage(1); }} options={[{ value: 'all', label: '全部' }, { value: 'unread', label: '未读' }]} />
          <Button onClick={() => readAll.mutate()} loading={readAll.isPending}>
            全部标为已读
          </Button>
        </Space>
      }
    >
      <List
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '没有消息' }}
        pagination={{ current: page, pageSize: 20, total: list.data?.meta.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        renderItem={(n) => (
          <List.Item
            data-testid="notification"
            actions={[
              !n.readAt && (
                <Button key="read" size="small" type="link" onClick={() => read.mutate(n.id)}>
                  标为已读
                </Button>
              ),
            ]}
          >
            <List.Item.Meta
              avatar={<Badge dot={!n.readAt} />}
              title={
                <Space>
                  <Tag>{n.kindLabel}</Tag>
                  <Typography.Link strong={!n.readAt} onClick={() => void open(n)}>
                    {n.title}
                  </Typography.Link>
                </Space>
              }
              description={
                <Space direction="vertical" size={0}>
                  {n.body && <Typography.Text>{n.body}</Typography.Text>}
                  <Typography.Text type="secondary">{beijingTime(n.createdAt)}</Typography.Text>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
