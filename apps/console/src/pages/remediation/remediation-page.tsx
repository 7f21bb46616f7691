import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';

import { useAuth } from '../../api/auth';
import { api, errorText, Schemas, unwrap } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';
import { useDistricts } from '../../api/reference';
import { download, queryString } from '../../components/download';
import { date } from '../../components/format';
import { usePaging } from '../../components/use-paging';
import { BulkOpenModal } from './bulk-open-modal';
import { CaseDrawer } from './case-drawer';

type Case = Schemas['RemediationCaseDto'];

const STATUS_COLORS: Record<string, string> = { OPEN: 'blue', IN_PROGRESS: 'gold', CLOSED: 'green', CANCELLED: 'default' };

/** 整治提升: 高耗低效, 散乱弱, 亩均D类 firms and 低效区块, open ones with the soonest deadline first. */
export default function RemediationPage() {
  const dict = useDictionaries();
  const auth = useAuth();
  const { message } = App.useApp();
  const { districts } = useDistricts();
  const [category, setCategory] = useState<Schemas['RemediationCaseDto']['category']>();
  const [status, setStatus] = useState<Schemas['RemediationCaseDto']['status']>();
  const [districtCode, setDistrictCode] = useState<string>();
  const [overdue, setOverdue] = useState(false);
  const { page, pageSize, setPage, pagination } = usePaging();
  const [openId, setOpenId] = useState<string>();
  const [bulk, setBulk] = useState(false);

  const query = { category, status, districtCode, overdue: overdue ? true : undefined, page, pageSize };
  const list = useQuery({ queryKey: ['remediation', 'cases', query], queryFn: () => unwrap(api.GET('/api/v1/remediation/cases', { params: { query } })) });
  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };
  const exportFile = (format: 'csv' | 'xlsx') =>
    download(`/api/v1/remediation/cases/export?${queryString({ category, status, districtCode, overdue: overdue ? true : undefined, format })}`, `整治提升案件.${format}`).catch((e) =>
      message.error(errorText(e)),
    );

  return (
    <Card
      title="整治提升"
      extra={
        <Space>
          {auth.can('EXPORT') && <Button onClick={() => exportFile('xlsx')}>导出 Excel</Button>}
          {auth.can('REMEDIATION_WRITE') && (
            <Button type="primary" onClick={() => setBulk(true)}>
              批量立案
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select allowClear placeholder="整治类别" style={{ width: 160 }} value={category} onChange={reset(setCategory)} options={dict.options('RemediationCategory')} />
        <Select allowClear placeholder="状态" style={{ width: 120 }} value={status} onChange={reset(setStatus)} options={dict.options('RemediationStatus')} />
        <Select
          allowClear
          placeholder="区县"
          style={{ width: 140 }}
          value={districtCode}
          onChange={reset(setDistrictCode)}
          options={districts.filter((d) => !d.retired).map((d) => ({ value: d.code, label: d.name }))}
        />
        <Space>
          <Switch checked={overdue} onChange={reset(setOverdue)} data-testid="overdue-only" />
          <Typography.Text>只看逾期</Typography.Text>
        </Space>
        <Link to="/remediation/blocks">低效区块</Link>
      </Space>
      <Table<Case>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        rowClassName={(r) => (r.overdue ? 'remediation-overdue' : '')}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer', background: r.overdue ? '#fff1f0' : undefined } })}
        pagination={pagination(list.data?.meta.total)}
        columns={[
          { title: '整治对象', dataIndex: 'subjectName', render: (v, r) => (r.enterpriseId ? <Link to={`/enterprises/${r.enterpriseId}`} onClick={(e) => e.stopPropagation()}>{v}</Link> : <span>{v}(区块)</span>) },
          { title: '类别', dataIndex: 'categoryLabel' },
          { title: '区县', dataIndex: 'districtName' },
          { title: '来源', dataIndex: 'sourceKindLabel', render: (v, r) => (r.sourceYear ? `${r.sourceYear} 年${v}` : v) },
          { title: '责任单位', dataIndex: 'responsibleUnit' },
          { title: '整治期限', dataIndex: 'deadline', render: (v: string, r) => (r.overdue ? <Typography.Text type="danger">{date(v)} 已逾期</Typography.Text> : date(v)) },
          { title: '状态', dataIndex: 'statusLabel', render: (v: string, r) => <Tag color={STATUS_COLORS[r.status]}>{v}</Tag> },
          { title: '整治结果', dataIndex: 'outcomeLabel', render: (v) => v ?? '—' },
          { title: '销号日期', dataIndex: 'closedOn', render: date },
        ]}
      />
      <CaseDrawer id={openId} onClose={() => setOpenId(undefined)} />
      <BulkOpenModal open={bulk} onClose={() => setBulk(false)} />
    </Card>
  );
}
