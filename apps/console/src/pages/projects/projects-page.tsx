import { DownloadOutlined } from '@ant-design/icons';
import { ProColumns, ProFormInstance, ProTable } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Tag } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router';

import { useAuth } from '../../api/auth';
import { api, errorText, Schemas, unwrap } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';
import { useChains, useDistricts } from '../../api/reference';
import { download } from '../../components/download';
import { date, money } from '../../components/format';

type Row = Schemas['ProjectDto'];

export const JUDGEMENT_COLORS: Record<string, string> = { AHEAD: 'green', NORMAL: 'blue', BEHIND: 'red' };

const filtersOf = (params: Record<string, unknown>) => {
  const pick = (k: string) => (params[k] === undefined || params[k] === '' ? undefined : params[k]);
  return {
    keyword: pick('name') as string | undefined,
    programme: pick('programmeCodes') as string | undefined,
    stage: pick('stage') as Row['stage'] | undefined,
    districtCode: pick('districtCode') as string | undefined,
    chainId: pick('chainName') as string | undefined,
    year: pick('planYear') === undefined ? undefined : Number(params.planYear),
  };
};

/** 项目: the investment projects in the caller's scope (a liaison sees their firm's), filtered on the server. */
export default function ProjectsPage() {
  const dict = useDictionaries();
  const auth = useAuth();
  const chains = useChains();
  const { districts, districtName } = useDistricts();
  const { message } = App.useApp();
  const formRef = useRef<ProFormInstance>(undefined);
  const [exporting, setExporting] = useState(false);
  const programmes = useQuery({ queryKey: ['projects', 'programmes'], staleTime: Infinity, queryFn: () => unwrap(api.GET('/api/v1/projects/programmes')) });

  const columns: ProColumns<Row>[] = [
    { title: '项目名称', dataIndex: 'name', fieldProps: { placeholder: '项目名称、项目代码或企业名称' }, render: (_, r) => <Link to={`/projects/${r.id}`}>{r.name}</Link> },
    { title: '项目代码', dataIndex: 'projectCode', search: false, width: 210, render: (_, r) => r.projectCode ?? '—' },
    { title: '企业', dataIndex: 'enterpriseName', search: false, render: (_, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link> },
    {
      title: '专项',
      dataIndex: 'programmeCodes',
      valueType: 'select',
      fieldProps: { options: (programmes.data ?? []).map((p) => ({ value: p.code, label: p.name })) },
      render: (_, r) => r.programmeNames.map((n) => <Tag key={n}>{n}</Tag>),
    },
    { title: '阶段', dataIndex: 'stage', valueType: 'select', fieldProps: { options: dict.options('ProjectStage') }, render: (_, r) => <Tag>{r.stageLabel}</Tag> },
    {
      title: '区县',
      dataIndex: 'districtCode',
      valueType: 'select',
      fieldProps: { options: districts.filter((d) => !d.retired).map((d) => ({ value: d.code, label: d.name })) },
      render: (_, r) => districtName(r.districtCode),
    },
    { title: '产业链', dataIndex: 'chainName', valueType: 'select', fieldProps: { options: chains.map((c) => ({ value: c.id, label: c.name })) }, render: (_, r) => r.chainName ?? '—' },
    { title: '计划年度', dataIndex: 'planYear', valueType: 'digit', width: 90, render: (_, r) => r.planYear },
    { title: '项目类型', dataIndex: 'kindLabel', search: false, width: 90 },
    { title: '计划总投资', dataIndex: 'plannedTotalYuan', search: false, align: 'right', render: (_, r) => money(r.plannedTotalYuan) },
    { title: '累计完成', dataIndex: 'completedYuan', search: false, align: 'right', render: (_, r) => (r.completedYuan === null ? '—' : `${money(r.completedYuan)}(${r.completedMonth})`) },
    {
      title: '进度评价',
      dataIndex: 'latestJudgement',
      search: false,
      width: 90,
      render: (_, r) => (r.latestJudgement ? <Tag color={JUDGEMENT_COLORS[r.latestJudgement]}>{r.latestJudgementLabel}</Tag> : '—'),
    },
    { title: '计划竣工', dataIndex: 'plannedCompletionOn', search: false, width: 110, render: (_, r) => date(r.plannedCompletionOn) },
  ];

  const exportView = async () => {
    setExporting(true);
    try {
      const q = Object.entries({ ...filtersOf(formRef.current?.getFieldsValue() ?? {}), format: 'xlsx' }).filter(([, v]) => v !== undefined);
      await download(`/api/v1/projects/export?${new URLSearchParams(q.map(([k, v]) => [k, String(v)])).toString()}`, '投资项目.xlsx');
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <ProTable<Row>
      headerTitle="投资项目"
      rowKey="id"
      formRef={formRef}
      columns={columns}
      scroll={{ x: 1400 }}
      search={{ labelWidth: 'auto', defaultCollapsed: false, span: 6 }}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100] }}
      options={{ density: true, setting: true, reload: true, fullScreen: false }}
      request={async (params) => {
        const result = await unwrap(api.GET('/api/v1/projects', { params: { query: { ...filtersOf(params), page: params.current ?? 1, pageSize: params.pageSize ?? 20 } } }));
        return { data: result.items, total: result.meta.total, success: true };
      }}
      toolBarRender={() => [
        auth.can('EXPORT') && (
          <Button key="export" icon={<DownloadOutlined />} loading={exporting} onClick={exportView}>
            导出当前结果
          </Button>
        ),
      ]}
    />
  );
}
