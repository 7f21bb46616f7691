import { ColumnHeightOutlined, DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Dropdown, Form, FormInstance, Pagination, Space, Tooltip } from 'antd';
import { MutableRefObject } from 'react';

import { count } from '../../components/format';
import { ColumnSettings } from './column-settings';
import { useColumnSettings } from './column-settings-state';
import { EnterpriseFilterForm } from './enterprise-filter-form';
import { EnterpriseFilters } from './enterprise-list-query';
import { SavedViews } from './saved-views';

/**
 * The parts of the 企业名录 that are not needed to see its rows — the query form, the toolbar and the
 * pager — in a chunk of their own, loaded and drawn once the rows are on screen (enterprise-list-page).
 */

export type Density = 'large' | 'middle' | 'small';

const DENSITIES: { key: Density; label: string }[] = [
  { key: 'large', label: '宽松' },
  { key: 'middle', label: '中等' },
  { key: 'small', label: '紧凑' },
];

/** The query form; its instance is handed to the page through `formRef` (saved views fill it, export reads it). */
export function ListFilters(props: { formRef: MutableRefObject<FormInstance | null>; onSearch(filters: EnterpriseFilters): void }) {
  const [form] = Form.useForm();
  props.formRef.current = form;
  return (
    <div className="cr-panel">
      <EnterpriseFilterForm form={form} onSearch={props.onSearch} />
    </div>
  );
}

export function ListToolbar(props: {
  onApplyView(filters: EnterpriseFilters): void;
  currentFilters(): EnterpriseFilters;
  canExport: boolean;
  exporting: boolean;
  onExport(): void;
  onRefresh(): void;
  density: Density;
  onDensity(density: Density): void;
  columns: { key: string; title: string }[];
  settings: ReturnType<typeof useColumnSettings>;
}) {
  return (
    <Space size={4} wrap>
      <SavedViews onApply={props.onApplyView} current={props.currentFilters} />
      {props.canExport && (
        <Button icon={<DownloadOutlined />} loading={props.exporting} onClick={props.onExport}>
          导出当前结果
        </Button>
      )}
      <Tooltip title="刷新">
        <Button type="text" icon={<ReloadOutlined />} aria-label="刷新" onClick={props.onRefresh} />
      </Tooltip>
      <Dropdown
        trigger={['click']}
        menu={{ items: DENSITIES.map((d) => ({ key: d.key, label: d.label })), selectable: true, selectedKeys: [props.density], onClick: ({ key }) => props.onDensity(key as Density) }}
      >
        <Tooltip title="密度">
          <Button type="text" icon={<ColumnHeightOutlined />} aria-label="密度" />
        </Tooltip>
      </Dropdown>
      <ColumnSettings columns={props.columns} settings={props.settings} />
    </Space>
  );
}

export function ListPager(props: { page: number; pageSize: number; total: number; onChange(page: number, pageSize: number): void }) {
  return (
    <Pagination
      className="ant-table-pagination"
      align="end"
      current={props.page}
      pageSize={props.pageSize}
      total={props.total}
      showSizeChanger
      pageSizeOptions={[20, 50, 100]}
      showQuickJumper
      showTotal={(total, [from, to]) => `第 ${from}-${to} 条/总共 ${count(total)} 条`}
      onChange={props.onChange}
    />
  );
}
