import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Input, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';

import { api, Schemas, unwrap } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';
import { auditSentences } from '../../components/audit-sentence';
import { beijingTime } from '../../components/format';

export default function AuditPage() {
  const dict = useDictionaries();
  const [actor, setActor] = useState<string>();
  const [action, setAction] = useState<string>();
  const [entityType, setEntityType] = useState<string>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const query = {
    actor: actor?.trim() || undefined,
    action,
    entityType,
    // the day boundaries in Beijing time
    from: range?.[0] ? `${range[0].format('YYYY-MM-DD')}T00:00:00+08:00` : undefined,
    to: range?.[1] ? `${range[1].format('YYYY-MM-DD')}T23:59:59.999+08:00` : undefined,
    page,
    pageSize: 20,
  };
  const list = useQuery({ queryKey: ['audit', query], queryFn: () => unwrap(api.GET('/api/v1/audit', { params: { query } })) });
  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };

  return (
    <Card title="操作日志">
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder="操作人用户名" style={{ width: 180 }} onSearch={reset(setActor)} />
        <Select allowClear showSearch optionFilterProp="label" placeholder="操作" style={{ width: 220 }} value={action} onChange={reset(setAction)} options={dict.options('AuditAction')} />
        <Select allowClear placeholder="对象" style={{ width: 160 }} value={entityType} onChange={reset(setEntityType)} options={dict.options('EntityType')} />
        <DatePicker.RangePicker value={range} onChange={reset(setRange)} />
      </Space>
      <Table<Schemas['AuditEntryDto']>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.meta.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t.toLocaleString('zh-CN')} 条` }}
        columns={[
          { title: '时间(北京时间)', dataIndex: 'at', width: 170, render: beijingTime },
          {
            title: '内容',
            key: 'sentence',
            render: (_, e) =>
              auditSentences(e).map((s, i) => (
                <div key={i} data-testid="audit-sentence">
                  {s}
                </div>
              )),
          },
          { title: '对象', dataIndex: 'entityType', width: 140, render: (_: string, e) => e.entityTypeLabel },
          { title: '企业', dataIndex: 'enterpriseId', width: 90, render: (v: string | null) => (v ? <Link to={`/enterprises/${v}?tab=history`}>查看</Link> : '—') },
        ]}
      />
    </Card>
  );
}
