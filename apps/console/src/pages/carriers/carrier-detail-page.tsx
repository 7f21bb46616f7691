import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';

import { useAuth } from '../../api/auth';
import { api, Schemas, unwrap } from '../../api/client';
import { useDistricts } from '../../api/reference';
import { DesignationFormModal } from '../../components/designation-form';
import { date } from '../../components/format';

const LIVE = ['CANDIDATE', 'RECOGNISED', 'UNDER_REVIEW'];

/** One carrier with every recognition it holds or held (revoked ones stay, with their dates). */
export default function CarrierDetailPage() {
  const { id } = useParams();
  const auth = useAuth();
  const { districtName } = useDistricts();
  const [adding, setAdding] = useState(false);
  const carrier = useQuery({ queryKey: ['carrier', id], queryFn: () => unwrap(api.GET('/api/v1/carriers/{id}', { params: { path: { id: id! } } })) });
  const c = carrier.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card title={c ? `${c.name}(${c.kindLabel})` : '载体'} loading={carrier.isPending} extra={<Link to="/carriers">返回载体列表</Link>}>
        {c && (
          <Descriptions column={2} size="small">
            <Descriptions.Item label="种类">{c.kindLabel}</Descriptions.Item>
            <Descriptions.Item label="所在区县">{districtName(c.districtCode)}</Descriptions.Item>
            <Descriptions.Item label="运营主体">
              {c.operatorEnterpriseId ? <Link to={`/enterprises/${c.operatorEnterpriseId}`}>{c.operatorEnterpriseName}</Link> : (c.operatorName ?? '—')}
            </Descriptions.Item>
            <Descriptions.Item label="统一社会信用代码">{c.operatorCreditCode ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="产业链">{c.chainName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="有效认定">{c.holdingCount}</Descriptions.Item>
            <Descriptions.Item label="说明" span={2}>{c.description ?? '—'}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card title="认定记录" extra={c && auth.can('DESIGNATION_WRITE') && <Button type="primary" onClick={() => setAdding(true)}>新增认定</Button>}>
        <Table<Schemas['DesignationDto']>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={c?.designations ?? []}
          columns={[
            { title: '认定类型', dataIndex: 'typeLabel' },
            { title: '级别', dataIndex: 'levelLabel' },
            { title: '状态', dataIndex: 'statusLabel', render: (v: string, r) => <Tag color={LIVE.includes(r.status) ? 'green' : 'default'}>{v}</Tag> },
            { title: '认定日期', dataIndex: 'recognisedOn', render: date },
            { title: '到期日期', dataIndex: 'expiresOn', render: (v: string | null) => (v ? date(v) : '长期') },
            { title: '认定机构', dataIndex: 'recognisingBody', render: (v: string | null) => v ?? '—' },
            { title: '批次', dataIndex: 'batch', render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Card>
      {c && <DesignationFormModal open={adding} onClose={() => setAdding(false)} carrier={{ id: c.id, name: c.name, kind: c.kind }} />}
    </Space>
  );
}
