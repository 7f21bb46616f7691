import { useQuery } from '@tanstack/react-query';
import { Button, Card, Segmented, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';

import { useAuth } from '../../api/auth';
import { api, Schemas, unwrap } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';
import { useChains, useDistricts } from '../../api/reference';
import { DesignationFormModal } from '../../components/designation-form';
import { CandidateBoard } from './candidate-board';
import { date } from '../../components/format';
import { usePaging } from '../../components/use-paging';

type Status = Schemas['DesignationStatus'];
const STATUS_TABS: Status[] = ['CANDIDATE', 'RECOGNISED', 'UNDER_REVIEW', 'EXPIRED', 'REVOKED', 'REJECTED'];

export default function DesignationsPage() {
  const dict = useDictionaries();
  const auth = useAuth();
  const chains = useChains();
  const { districts, districtName } = useDistricts();
  const [tab, setTab] = useState<string>('EXPIRING');
  const [days, setDays] = useState(90);
  const [type, setType] = useState<string>();
  const [level, setLevel] = useState<Schemas['DesignationLevel']>();
  const [chainId, setChainId] = useState<string>();
  const [districtCode, setDistrictCode] = useState<string>();
  const { page, pageSize, setPage, pagination } = usePaging();
  const [creating, setCreating] = useState(false);

  const query = {
    type,
    level,
    chainId,
    districtCode,
    status: tab === 'ALL' || tab === 'EXPIRING' || tab === 'BOARD' ? undefined : (tab as Status),
    expiringWithinDays: tab === 'EXPIRING' ? days : undefined,
    page,
    pageSize,
  };
  const list = useQuery({ queryKey: ['designations', 'list', query], enabled: tab !== 'BOARD', queryFn: () => unwrap(api.GET('/api/v1/designations', { params: { query } })) });
  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };

  return (
    <Card
      title="认定管理"
      extra={
        auth.can('DESIGNATION_WRITE') && (
          <Button type="primary" onClick={() => setCreating(true)}>
            新增认定
          </Button>
        )
      }
    >
      <Tabs
        activeKey={tab}
        onChange={reset(setTab)}
        items={[
          { key: 'EXPIRING', label: '即将到期' },
          ...STATUS_TABS.map((s) => ({ key: s, label: dict.label('DesignationStatus', s) })),
          { key: 'ALL', label: '全部' },
          { key: 'BOARD', label: '培育看板' },
        ]}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        {tab === 'EXPIRING' && (
          <Segmented
            value={days}
            onChange={(v) => reset(setDays)(Number(v))}
            options={[30, 60, 90].map((d) => ({ value: d, label: `${d}天内到期` }))}
            data-testid="expiring-days"
          />
        )}
        <Select allowClear placeholder="认定类型" style={{ width: 200 }} value={type} onChange={reset(setType)} options={dict.options('DesignationType')} />
        <Select allowClear placeholder="级别" style={{ width: 120 }} value={level} onChange={reset(setLevel)} options={dict.options('DesignationLevel')} />
        <Select allowClear placeholder="产业链" style={{ width: 200 }} value={chainId} onChange={reset(setChainId)} options={chains.map((c) => ({ value: c.id, label: c.name }))} />
        <Select
          allowClear
          placeholder="区县"
          style={{ width: 140 }}
          value={districtCode}
          onChange={reset(setDistrictCode)}
          options={districts.filter((d) => !d.retired).map((d) => ({ value: d.code, label: d.name }))}
        />
      </Space>
      {tab === 'BOARD' ? (
        <CandidateBoard filters={{ level, chainId, districtCode }} />
      ) : (
      <Table<Schemas['DesignationDto']>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={pagination(list.data?.meta.total)}
        columns={[
          {
            title: '企业/载体',
            dataIndex: 'enterpriseName',
            render: (v, r) => (r.carrierId ? <Link to={`/carriers/${r.carrierId}`}>{r.carrierName}</Link> : <Link to={`/enterprises/${r.enterpriseId}?tab=designations`}>{v}</Link>),
          },
          { title: '区县', dataIndex: 'districtCode', render: districtName },
          { title: '认定类型', dataIndex: 'typeLabel' },
          { title: '级别', dataIndex: 'levelLabel' },
          { title: '产业链', dataIndex: 'chainName', render: (v) => v ?? '—' },
          { title: '状态', dataIndex: 'statusLabel', render: (v: string) => <Tag>{v}</Tag> },
          { title: '批次', dataIndex: 'batch', render: (v) => v ?? '—' },
          { title: '认定日期', dataIndex: 'recognisedOn', render: date },
          { title: '到期日期', dataIndex: 'expiresOn', render: date },
        ]}
      />
      )}
      <DesignationFormModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
