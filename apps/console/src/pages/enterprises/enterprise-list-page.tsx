import { ColumnHeightOutlined, DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Dropdown, Form, Space, Table, TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useLayoutEffect, useState } from 'react';
import { Link } from 'react-router';

import { useAuth } from '../../api/auth';
import { errorText, Schemas } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';
import { useDistricts } from '../../api/reference';
import { download, queryString } from '../../components/download';
import { date, money } from '../../components/format';
import { IndustryName } from '../../components/industry-name';
import { ColumnSettings, readColumnSettings, useColumnSettings } from './column-settings';
import { EnterpriseFilterForm } from './enterprise-filter-form';
import { EnterpriseFilters, enterpriseListQuery, enterpriseQuery, FIRST_PAGE, ListPage } from './enterprise-list-query';
import { SavedViews } from './saved-views';

type Row = Schemas['EnterpriseDto'] & { matchedFormerName?: string | null };
type Density = 'large' | 'middle' | 'small';

const COLUMNS_KEY = 'cr.enterprises.columns';
readColumnSettings(COLUMNS_KEY);

const DENSITIES: { key: Density; label: string }[] = [
  { key: 'large', label: '宽松' },
  { key: 'middle', label: '中等' },
  { key: 'small', label: '紧凑' },
];

/**
 * 企业名录: a plain antd Table whose first page the entry module has already asked for (see
 * main.tsx), so the rows paint as soon as the layout does; the query form mounts after them.
 */
export default function EnterpriseListPage() {
  const dict = useDictionaries();
  const { districtName } = useDistricts();
  const auth = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [view, setView] = useState<ListPage>(FIRST_PAGE);
  const list = useQuery(enterpriseListQuery(view));
  const [formShown, setFormShown] = useState(false);
  const [density, setDensity] = useState<Density>('large');
  const [exporting, setExporting] = useState(false);
  const settings = useColumnSettings(COLUMNS_KEY);

  // when the rows reach the page (`npm run bench` reports it among the steps of the first page)
  const hasRows = !!list.data;
  useLayoutEffect(() => {
    if (hasRows) performance.mark('cr:rows');
  }, [hasRows]);

  // The form is not needed to see the first page: it mounts once the rows have been drawn (the
  // frame after their commit), so its eight fields never hold the rows back.
  const settled = !!list.data || list.isError;
  useEffect(() => {
    if (!settled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setFormShown(true))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [settled]);

  const search = (filters: EnterpriseFilters) => setView((v) => ({ filters, page: 1, pageSize: v.pageSize }));
  const currentFilters = () => (formShown ? form.getFieldsValue() : view.filters);

  const columns: (TableColumnsType<Row>[number] & { key: string; title: string })[] = [
    {
      key: 'name',
      title: '企业名称',
      className: 'cr-sticky-column',
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
    { key: 'creditCode', title: '统一社会信用代码', width: 220, render: (_, row) => <Typography.Text copyable>{row.creditCode}</Typography.Text> },
    { key: 'districtCode', title: '所属区县', width: 120, render: (_, row) => districtName(row.districtCode) },
    { key: 'industry', title: '所属行业', width: 200, render: (_, row) => <IndustryName code={row.industryCode} section={row.industrySection} /> },
    { key: 'aboveScale', title: '规上企业', width: 90, render: (_, row) => (row.aboveScale ? '是' : '否') },
    { key: 'status', title: '经营状态', width: 90, render: (_, row) => dict.label('EnterpriseStatus', row.status, row.statusLabel) },
    { key: 'registeredCapitalYuan', title: '注册资本', width: 130, align: 'right', render: (_, row) => money(row.registeredCapitalYuan) },
    { key: 'foundedOn', title: '成立日期', width: 110, render: (_, row) => date(row.foundedOn) },
    { key: 'legalRepresentative', title: '法定代表人', width: 110, render: (_, row) => row.legalRepresentative ?? '—' },
  ];

  const exportView = async () => {
    setExporting(true);
    try {
      await download(`/api/v1/exports/enterprises?${queryString({ ...enterpriseQuery(view.filters), format: 'xlsx' })}`, '企业名录.xlsx');
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setExporting(false);
    }
  };

  const meta = list.data?.meta;
  const capped = meta?.totalCapped ? meta.total : 0;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {formShown && (
        <div className="cr-panel">
          <EnterpriseFilterForm form={form} onSearch={search} />
        </div>
      )}
      <div className="cr-panel">
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 16, gap: 8, flexWrap: 'wrap' }}>
          <Space>
            <Typography.Title level={5} style={{ margin: 0 }}>
              企业名录
            </Typography.Title>
            {capped > 0 && <Tag color="blue">{`匹配超过 ${capped.toLocaleString('zh-CN')} 家,仅精确计数前 ${capped.toLocaleString('zh-CN')} 家,请缩小范围`}</Tag>}
          </Space>
          <Space size={4} wrap>
            <SavedViews
              onApply={(filters) => {
                if (formShown) {
                  form.resetFields();
                  form.setFieldsValue(filters);
                }
                search(filters);
              }}
              current={currentFilters}
            />
            {auth.can('EXPORT') && (
              <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportView}>
                导出当前结果
              </Button>
            )}
            <Tooltip title="刷新">
              <Button type="text" icon={<ReloadOutlined />} aria-label="刷新" onClick={() => void list.refetch()} />
            </Tooltip>
            <Dropdown
              trigger={['click']}
              menu={{ items: DENSITIES.map((d) => ({ key: d.key, label: d.label })), selectable: true, selectedKeys: [density], onClick: ({ key }) => setDensity(key as Density) }}
            >
              <Tooltip title="密度">
                <Button type="text" icon={<ColumnHeightOutlined />} aria-label="密度" />
              </Tooltip>
            </Dropdown>
            <ColumnSettings columns={columns} settings={settings} />
          </Space>
        </div>
        {list.isError && <Alert type="error" showIcon message={errorText(list.error)} style={{ marginBottom: 16 }} />}
        <Table<Row>
          rowKey="id"
          size={density}
          columns={columns.filter((c) => settings.shown(c.key))}
          dataSource={list.data?.items as Row[] | undefined}
          loading={list.isFetching}
          // The rows scroll sideways in their own box, the name column held by CSS (styles.css): the
          // table's own scroll.x and fixed columns measure cells after rendering, forcing layouts
          // that cost ≈ 0.3 s on a loaded machine.
          className="cr-wide-table"
          pagination={{
            current: view.page,
            pageSize: view.pageSize,
            total: meta?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showQuickJumper: true,
            showTotal: (total, [from, to]) => `第 ${from}-${to} 条/总共 ${total.toLocaleString('zh-CN')} 条`,
          }}
          onChange={(pagination) => {
            const page = pagination.current ?? 1;
            const pageSize = pagination.pageSize ?? view.pageSize;
            if (pageSize !== view.pageSize) return setView({ filters: view.filters, page: 1, pageSize });
            // One page forward continues from the last row shown (keyset), as fast at any depth as the
            // first; a page seen before (previous, or any page back) is read again by its own cursor.
            const trail = { ...view.trail, [view.page]: view.after };
            const after = page === view.page + 1 && !list.isPlaceholderData ? (meta?.nextCursor ?? undefined) : trail[page];
            setView({ filters: view.filters, page, pageSize, after, trail });
          }}
        />
      </div>
    </Space>
  );
}
