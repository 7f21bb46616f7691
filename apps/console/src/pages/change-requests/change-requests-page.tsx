import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Modal, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';

import { useAuth } from '../../api/auth';
import { api, ApiError, errorText, Schemas, unwrap } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';
import { useDistricts } from '../../api/reference';
import { beijingTime } from '../../components/format';
import { ChangeDiff } from './change-diff';

type Request = Schemas['ChangeRequestDto'];
type Status = Schemas['ChangeRequestStatus'];

export default function ChangeRequestsPage() {
  const dict = useDictionaries();
  const auth = useAuth();
  const { districtName } = useDistricts();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status>('PENDING');
  const [page, setPage] = useState(1);
  const [rejecting, setRejecting] = useState<Request | null>(null);
  const [reason, setReason] = useState('');
  const canReview = auth.can('CHANGE_REQUEST_REVIEW');
  const query = { status, page, pageSize: 20 };
  const list = useQuery({ queryKey: ['change-requests', 'queue', query], queryFn: () => unwrap(api.GET('/api/v1/change-requests', { params: { query } })) });

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['change-requests'] });
  const explain409 = (e: unknown) => {
    if (e instanceof ApiError && e.status === 409) {
      modal.warning({
        title: '企业信息已在申请提交后被修改',
        content: '为避免覆盖他人的修改,该申请不能直接通过。请驳回并告知联络员在最新信息上重新提交。',
        okText: '知道了',
      });
    } else {
      message.error(errorText(e));
    }
  };
  const approve = async (r: Request) => {
    try {
      await unwrap(api.POST('/api/v1/change-requests/{id}/approve', { params: { path: { id: r.id } } }));
      message.success('已通过,变更已生效');
      await refresh();
    } catch (e) {
      explain409(e);
    }
  };
  const reject = async () => {
    if (!rejecting) return;
    try {
      await unwrap(api.POST('/api/v1/change-requests/{id}/reject', { params: { path: { id: rejecting.id } }, body: { reason } }));
      message.success('已驳回');
      setRejecting(null);
      setReason('');
      await refresh();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Card title={canReview ? '变更审核' : '我的变更申请'}>
      <Tabs
        activeKey={status}
        onChange={(s) => {
          setStatus(s as Status);
          setPage(1);
        }}
        items={(['PENDING', 'APPROVED', 'REJECTED', 'APPLIED'] as Status[]).map((s) => ({ key: s, label: dict.label('ChangeRequestStatus', s) }))}
      />
      <Table<Request>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        expandable={{ expandedRowRender: (r) => <ChangeDiff request={r} />, defaultExpandAllRows: true }}
        key={`${status}-${list.dataUpdatedAt}`}
        pagination={{ current: page, pageSize: 20, total: list.data?.meta.total ?? 0, onChange: setPage, showSizeChanger: false }}
        locale={{ emptyText: '没有待处理的申请' }}
        columns={[
          { title: '企业', dataIndex: 'enterpriseName', render: (v, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{v}</Link> },
          { title: '区县', dataIndex: 'districtCode', render: districtName },
          { title: '类型', dataIndex: 'kindLabel', render: (v, r) => (r.year ? `${v}(${r.year}年${r.quarter ? `第${r.quarter}季度` : ''})` : v) },
          { title: '提交人', dataIndex: 'submittedByUsername' },
          { title: '提交时间', dataIndex: 'createdAt', render: beijingTime },
          { title: '状态', dataIndex: 'statusLabel', render: (v: string) => <Tag>{v}</Tag> },
          ...(status === 'PENDING' && canReview
            ? [{
                title: '审核',
                key: 'review',
                render: (_: unknown, r: Request) => (
                  <Space>
                    <Button type="primary" size="small" onClick={() => approve(r)}>
                      通过
                    </Button>
                    <Button danger size="small" onClick={() => setRejecting(r)}>
                      驳回
                    </Button>
                  </Space>
                ),
              }]
            : [{ title: '审核意见', dataIndex: 'decisionReason', render: (v: string | null) => v ?? '—' }]),
        ]}
      />
      <Modal open={!!rejecting} title={`驳回:${rejecting?.enterpriseName ?? ''}`} onCancel={() => setRejecting(null)} onOk={reject} okText="驳回" okButtonProps={{ danger: true, disabled: !reason.trim() }}>
        <Alert type="info" showIcon message="驳回原因会告知提交申请的联络员" style={{ marginBottom: 12 }} />
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="请填写驳回原因" />
      </Modal>
    </Card>
  );
}
