import { DownloadOutlined } from '@ant-design/icons';
import { ActionType, ProColumns, ProFormInstance, ProTable } from '@ant-design/pro-components';
import { App, Button, Space, Tag, Tooltip } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router';

import { useAuth } from '../../api/auth';
import { api, errorText, Schemas, unwrap } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';
import { useChains, useDistricts } from '../../api/reference';
import { download, queryString } from '../../components/download';
import { date, money } from '../../components/format';
import { IndustryCascader } from '../../components/industry-cascader';
import { IndustryName } from '../../components/industry-name';
import { SavedViews } from './saved-views';

type Row = Schemas['EnterpriseDto'] & { matchedFormerName?: string | null };

/** The form's values → the API's query (shared by the table, the export and saved views). */
export function enterpriseQuery(values: Record<string, unknown>) {
  const industry = values.industry as string[] | undefined;
  return {
    q: (values.q as string | undefined)?.trim() || undefined,
    districtCode: values.districtCode as string | undefined,
    industryCode: industry?.length ? industry[industry.length - 1] : undefined,
    designationType: values.designationType as Schemas['DesignationType'] | undefined,
    designationStatus: values.designationStatus as Schemas['DesignationStatus'] | undefined,
    chainId: values.chainId as string | undefined,
    aboveScale: values.aboveScale === undefined ? undefined : values.aboveScale === 'true',
    archived: values.archived === 'archived' ? true : undefined,
    includeArchived: values.archived === 'all' ? true : undefined,
  };
}

export default function EnterpriseListPage() {
  const dict = useDictionaries();
  const { districts, districtName } = useDistricts();
  const chains = useChains();
  const auth = useAuth();
  const { message } = App.useApp();
  const actionRef = useRef<ActionType>(undefined);
  const formRef = useRef<ProFormInstance>(undefined);
  const [capped, setCapped] = useState(0);
  const [exporting, setExporting] = useState(false);
  const yesNo = { true: { text: '是' }, false: { text: '否' } };

  const columns: ProColumns<Row>[] = [
    {
      title: '关键词',
      dataIndex: 'q',
      hideInTable: true,
      fieldProps: { placeholder: '企业名称、曾用名或信用代码' },
    },
    {
      title: '企业名称',
      dataIndex: 'name',
      search: false,
      fixed: 'left',
      width: 260,
      render: (_, row) => (
        <Space size={4} wrap>
          <Link to={`/enterprises/${row.id}`}>{row.name}</Link>
          {row.matchedFormerName && (
            <Tooltip title={`通过曾用名“${row.matchedFormerName}”匹配`}>
              <Tag color="orange">曾用名</Tag>
            </Tooltip>
          )}
          {row.archived && <Tag>已归档</Tag>}
        </Space>
      ),
    },
    { title: '统一社会信用代码', dataIndex: 'creditCode', search: false, width: 190, copyable: true },
    {
      title: '所属区县',
      dataIndex: 'districtCode',
      width: 120,
      valueType: 'select',
      fieldProps: { options: districts.filter((d) => !d.retired).map((d) => ({ value: d.code, label: d.name })), showSearch: true, optionFilterProp: 'label' },
      render: (_, row) => districtName(row.districtCode),
    },
    {
      title: '所属行业',
      dataIndex: 'industry',
      width: 200,
      renderFormItem: () => <IndustryCascader />,
      render: (_, row) => <IndustryName code={row.industryCode} section={row.industrySection} />,
    },
    {
      title: '认定类型',
      dataIndex: 'designationType',
      hideInTable: true,
      valueType: 'select',
      fieldProps: { options: dict.options('DesignationType') },
    },
    {
      title: '认定状态',
      dataIndex: 'designationStatus',
      hideInTable: true,
      valueType: 'select',
      fieldProps: { options: dict.options('DesignationStatus') },
    },
    {
      title: '产业链',
      dataIndex: 'chainId',
      hideInTable: true,
      valueType: 'select',
      fieldProps: { options: chains.map((c) => ({ value: c.id, label: c.name })) },
    },
    { title: '规上企业', dataIndex: 'aboveScale', width: 90, valueType: 'select', valueEnum: yesNo, render: (_, row) => (row.aboveScale ? '是' : '否') },
    {
      title: '归档',
      dataIndex: 'archived',
      hideInTable: true,
      valueType: 'select',
      valueEnum: { current: { text: '未归档' }, archived: { text: '已归档' }, all: { text: '全部' } },
      fieldProps: { placeholder: '未归档' },
    },
    { title: '经营状态', dataIndex: 'status', search: false, width: 90, render: (_, row) => dict.label('EnterpriseStatus', row.status, row.statusLabel) },
    { title: '注册资本', dataIndex: 'registeredCapitalYuan', search: false, width: 130, align: 'right', render: (_, row) => money(row.registeredCapitalYuan) },
    { title: '成立日期', dataIndex: 'foundedOn', search: false, width: 110, render: (_, row) => date(row.foundedOn) },
    { title: '法定代表人', dataIndex: 'legalRepresentative', search: false, width: 110 },
  ];

  const exportView = async () => {
    setExporting(true);
    try {
      const query = enterpriseQuery(formRef.current?.getFieldsValue() ?? {});
      await download(`/api/v1/exports/enterprises?${queryString({ ...query, format: 'xlsx' })}`, '企业名录.xlsx');
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <ProTable<Row>
      headerTitle="企业名录"
      rowKey="id"
      actionRef={actionRef}
      formRef={formRef}
      columns={columns}
      scroll={{ x: 1300 }}
      search={{ labelWidth: 'auto', defaultCollapsed: false, span: 6 }}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showQuickJumper: true }}
      columnsState={{ persistenceKey: 'cr.enterprises.columns', persistenceType: 'localStorage' }}
      options={{ density: true, setting: true, reload: true, fullScreen: false }}
      request={async (params) => {
        const result = await unwrap(
          api.GET('/api/v1/enterprises', {
            params: { query: { ...enterpriseQuery(params), page: params.current ?? 1, pageSize: params.pageSize ?? 20 } },
          }),
        );
        setCapped(result.meta.totalCapped ? result.meta.total : 0);
        return { data: result.items as Row[], total: result.meta.total, success: true };
      }}
      toolBarRender={() => [
        <SavedViews
          key="views"
          onApply={(filters) => {
            formRef.current?.resetFields();
            formRef.current?.setFieldsValue(filters);
            formRef.current?.submit();
          }}
          current={() => formRef.current?.getFieldsValue() ?? {}}
        />,
        auth.can('EXPORT') && (
          <Button key="export" icon={<DownloadOutlined />} loading={exporting} onClick={exportView}>
            导出当前结果
          </Button>
        ),
      ]}
      tableExtraRender={() => (capped ? <Tag color="blue">{`匹配超过 ${capped.toLocaleString('zh-CN')} 家,仅精确计数前 ${capped.toLocaleString('zh-CN')} 家,请缩小范围`}</Tag> : null)}
    />
  );
}
