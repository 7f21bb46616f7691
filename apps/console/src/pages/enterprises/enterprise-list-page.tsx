import { useQuery } from '@tanstack/react-query';
import { Alert, App, FormInstance, Space, Tag } from 'antd';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Link } from 'react-router';

import { useAuth } from '../../api/auth';
import { errorText, Schemas } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';
import { useDistricts, useIndustryNames } from '../../api/reference';
import { CopyButton } from '../../components/copy-button';
import { download, queryString } from '../../components/download';
import { count, date, money } from '../../components/format';
import { PlainColumn, PlainTable } from '../../components/plain-table';
import { readColumnSettings, useColumnSettings } from './column-settings-state';
import { EnterpriseFilters, enterpriseListQuery, enterpriseQuery, FIRST_PAGE, ListPage } from './enterprise-list-query';
import type { Density } from './enterprise-list-rest';

type Row = Schemas['EnterpriseDto'] & { matchedFormerName?: string | null };

const COLUMNS_KEY = 'cr.enterprises.columns';
readColumnSettings(COLUMNS_KEY);

/** The form, toolbar and pager (enterprise-list-rest), loaded once the rows are drawn. */
type Rest = typeof import('./enterprise-list-rest');
let restModule: Rest | undefined;

/**
 * 企业名录: a plain table (PlainTable) whose first page the entry module has already asked for (see
 * main.tsx), so the rows paint as soon as the layout does; the query form, the toolbar and the pager
 * (enterprise-list-rest, a chunk of their own) load and mount after them.
 */
export default function EnterpriseListPage() {
  const dict = useDictionaries();
  const { districtName } = useDistricts();
  const auth = useAuth();
  const { message } = App.useApp();
  const formRef = useRef<FormInstance | null>(null);
  const [view, setView] = useState<ListPage>(FIRST_PAGE);
  const list = useQuery(enterpriseListQuery(view));
  const [rest, setRest] = useState<Rest | undefined>(restModule);
  const [density, setDensity] = useState<Density>('large');
  const [exporting, setExporting] = useState(false);
  const settings = useColumnSettings(COLUMNS_KEY);
  const industryName = useIndustryNames(list.data?.items);

  // when the rows reach the page (`npm run bench` reports it among the steps of the first page)
  const hasRows = !!list.data;
  useLayoutEffect(() => {
    if (hasRows) performance.mark('cr:rows');
  }, [hasRows]);

  // The query form, the toolbar and the pager are not needed to see the first page: their chunk loads
  // once the rows have been drawn (the frame after their commit), so they never hold the rows back.
  const settled = !!list.data || list.isError;
  useEffect(() => {
    if (!settled || rest) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(
      () =>
        (timer = setTimeout(() =>
          import('./enterprise-list-rest').then(
            (m) => live && setRest((restModule = m)),
            (e) => live && message.error(`页面加载失败,请刷新重试:${errorText(e)}`),
          ),
        )),
    );
    return () => {
      live = false;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [settled, rest, message]);

  const search = (filters: EnterpriseFilters) => setView((v) => ({ filters, page: 1, pageSize: v.pageSize }));
  const currentFilters = () => (formRef.current?.getFieldsValue() as EnterpriseFilters | undefined) ?? view.filters;

  const columns: PlainColumn<Row>[] = [
    {
      key: 'name',
      title: '企业名称',
      className: 'cr-sticky-column',
      width: 260,
      render: (row) => (
        <>
          <Link to={`/enterprises/${row.id}`}>{row.name}</Link>
          {row.matchedFormerName && (
            <Tag color="orange" title={`通过曾用名“${row.matchedFormerName}”匹配`} style={{ marginInlineStart: 4 }}>
              曾用名
            </Tag>
          )}
          {row.archived && <Tag style={{ marginInlineStart: 4 }}>已归档</Tag>}
        </>
      ),
    },
    { key: 'creditCode', title: '统一社会信用代码', width: 220, render: (row) => <CopyButton text={row.creditCode} /> },
    { key: 'districtCode', title: '所属区县', width: 120, render: (row) => districtName(row.districtCode) },
    { key: 'industry', title: '所属行业', width: 200, render: (row) => <span title={row.industryCode}>{industryName(row)}</span> },
    { key: 'aboveScale', title: '规上企业', width: 90, render: (row) => (row.aboveScale ? '是' : '否') },
    { key: 'status', title: '经营状态', width: 90, render: (row) => dict.label('EnterpriseStatus', row.status, row.statusLabel) },
    { key: 'registeredCapitalYuan', title: '注册资本', width: 130, align: 'right', render: (row) => money(row.registeredCapitalYuan) },
    { key: 'foundedOn', title: '成立日期', width: 110, render: (row) => date(row.foundedOn) },
    { key: 'legalRepresentative', title: '法定代表人', width: 110, render: (row) => row.legalRepresentative ?? '—' },
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
      {rest ? <rest.ListFilters formRef={formRef} onSearch={search} /> : <div className="cr-panel cr-filters-placeholder" />}
      <div className="cr-panel">
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 16, gap: 8, flexWrap: 'wrap', minHeight: 32 }}>
          <Space>
            <h5 className="cr-list-title">企业名录</h5>
            {capped > 0 && <Tag color="blue">{`匹配超过 ${count(capped)} 家,仅精确计数前 ${count(capped)} 家,请缩小范围`}</Tag>}
          </Space>
          {rest && (
            <rest.ListToolbar
              onApplyView={(filters) => {
                formRef.current?.resetFields();
                formRef.current?.setFieldsValue(filters);
                search(filters);
              }}
              currentFilters={currentFilters}
              canExport={auth.can('EXPORT')}
              exporting={exporting}
              onExport={() => void exportView()}
              onRefresh={() => void list.refetch()}
              density={density}
              onDensity={setDensity}
              columns={columns}
              settings={settings}
            />
          )}
        </div>
        {list.isError && <Alert type="error" showIcon message={errorText(list.error)} style={{ marginBottom: 16 }} />}
        <PlainTable<Row>
          rowKey={(row) => row.id}
          size={density}
          columns={columns.filter((c) => settings.shown(c.key))}
          rows={list.data?.items as Row[] | undefined}
          loading={list.isFetching}
          // The rows scroll sideways in their own box, the name column held by CSS (styles.css).
          className="cr-wide-table"
          footer={
            rest && (
              <rest.ListPager
                page={view.page}
                pageSize={view.pageSize}
                total={meta?.total ?? 0}
                onChange={(page, pageSize) => {
                  if (pageSize !== view.pageSize) return setView({ filters: view.filters, page: 1, pageSize });
                  // One page forward continues from the last row shown (keyset), as fast at any depth as the
                  // first; a page seen before (previous, or any page back) is read again by its own cursor.
                  const trail = { ...view.trail, [view.page]: view.after };
                  const after = page === view.page + 1 && !list.isPlaceholderData ? (meta?.nextCursor ?? undefined) : trail[page];
                  setView({ filters: view.filters, page, pageSize, after, trail });
                }}
              />
            )
          }
        />
      </div>
    </Space>
  );
}
