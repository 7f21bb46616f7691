import { createRequire } from 'node:module';

import type * as Antd from 'antd';
import type * as CssInJs from '@ant-design/cssinjs';
import type { ReactNode } from 'react';
import type { Plugin } from 'vite';

const ID = 'virtual:antd-static.css';
const RESOLVED = `\0${ID}`;

type H = typeof import('react').createElement;

/**
 * antd 5 writes its styles in script at first render (CSS-in-JS): for every component, merged
 * tokens, style objects, stylis and a <style> tag, one of the largest costs of the 企业名录's first
 * screen. This plugin renders the layout's and the 企业名录's antd components once at build time
 * (react-dom/server, the app's own ConfigProvider), extracts their styles with antd's
 * @ant-design/cssinjs and serves them as `virtual:antd-static.css`, a plain style sheet ending in
 * antd's marker rule (`.data-ant-cssinjs-cache-path`). In the browser those components find their
 * styles already loaded and generate nothing; any other component still generates its own.
 * `vite` (dev) serves an empty sheet: its class names are the dev ones (css-dev-only-…).
 */
export function antdStaticStyle(theme: Antd.ThemeConfig): Plugin {
  let build = false;
  return {
    name: 'antd-static-style',
    configResolved(config) {
      build = config.command === 'build';
    },
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load: (id) => (id !== RESOLVED ? undefined : build ? extract(theme) : ''),
  };
}

function extract(theme: Antd.ThemeConfig): string {
  const require = createRequire(import.meta.url);
  const h: H = require('react').createElement;
  const { renderToString } = require('react-dom/server') as typeof import('react-dom/server');
  const antd = require('antd') as typeof Antd;
  const zhCN = require('antd/lib/locale/zh_CN').default;
  // antd's own copy of cssinjs: its StyleProvider context is the one antd's components read
  const cssinjs = createRequire(require.resolve('antd'))('@ant-design/cssinjs') as typeof CssInJs;
  const cache = cssinjs.createCache();
  renderToString(h(cssinjs.StyleProvider, { cache }, h(antd.ConfigProvider, { locale: zhCN, theme }, h(antd.App, null, firstScreen(antd, h)))));
  // Class names follow NODE_ENV (`css-…`, or `css-dev-only-do-not-override-…` when it is not
  // production, as under jest): this process and the bundle it builds read the same variable.
  const css = cssinjs.extractStyle(cache, { plain: true });
  if (!css.includes('.data-ant-cssinjs-cache-path{')) throw new Error('antd-static-style: no styles extracted');
  return css;
}

/** The antd components of the frame (app-layout.tsx) and of the 企业名录 (table, toolbar, query form), roughly as they render. */
function firstScreen(antd: typeof Antd, h: H): ReactNode {
  const { Alert, Badge, Button, Cascader, Checkbox, Col, Dropdown, Form, Input, Layout, Menu, Modal, Popover, Row, Select, Space, Spin, Table, Tag, Tooltip, Typography } = antd;
  const icon = h('span', { className: 'anticon' });
  const columns = [
    { key: 'name', title: '企业名称', className: 'cr-sticky-column', width: 260, render: () => h(Space, { size: 4, wrap: true }, h('a', null, '名称'), h(Tag, { color: 'orange' }, '曾用名'), h(Tag, null, '已归档')) },
    { key: 'creditCode', title: '统一社会信用代码', width: 220, render: () => h(Typography.Text, { copyable: true }, '91330211F30C00001Y') },
    { key: 'capital', title: '注册资本', width: 130, align: 'right' as const, render: () => '3,040万元' },
  ];
  const pagination = { current: 1, pageSize: 20, total: 1_000_000, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showQuickJumper: true, showTotal: (total: number) => `总共 ${total} 条` };
  const field = (name: string, control: ReactNode) => h(Col, { xs: 24, md: 12, xl: 6 }, h(Form.Item, { name, label: name, style: { marginBottom: 16 } }, control));
  return h(
    Layout,
    { style: { minHeight: '100vh' } },
    h(
      Layout.Sider,
      { width: 200, theme: 'dark', breakpoint: 'lg', collapsedWidth: 64 },
      h(Menu, { theme: 'dark', mode: 'inline', selectedKeys: ['/b'], items: [{ key: '/a', icon, label: 'a' }, { key: '/b', icon, label: 'b' }] }),
    ),
    h(
      Layout,
      null,
      h(
        Layout.Header,
        null,
        h(Typography.Text, { type: 'secondary' }, 'header'),
        h(Space, null, h(Badge, { count: 3, size: 'small', offset: [-6, 6] }, h(Button, { type: 'text', icon }, '消息')), h(Button, { type: 'text', icon }, '退出登录')),
      ),
      h(
        Layout.Content,
        null,
        h(Spin, null),
        h(
          Space,
          { direction: 'vertical', size: 16 },
          h(
            Form,
            { labelCol: { flex: '84px' }, wrapperCol: { flex: '1 1 0' } },
            h(
              Row,
              { gutter: 16 },
              field('q', h(Input, { allowClear: true, placeholder: 'q' })),
              field('district', h(Select, { allowClear: true, showSearch: true, options: [{ value: '1', label: '1' }] })),
              field('industry', h(Cascader, { allowClear: true, changeOnSelect: true, options: [] })),
              h(Col, { span: 24 }, h(Space, null, h(Button, null, '重置'), h(Button, { type: 'primary', htmlType: 'submit' }, '查询'))),
            ),
          ),
          h(Typography.Title, { level: 5 }, '企业名录'),
          h(Tag, { color: 'blue' }, 'tag'),
          h(Space.Compact, null, h(Dropdown, { menu: { items: [{ key: 'a', label: 'a' }] }, trigger: ['click'] }, h(Button, null, 'views')), h(Button, { icon })),
          h(Tooltip, { title: 't' }, h(Button, { type: 'text', icon })),
          h(Popover, { trigger: 'click', title: 't', content: h(Checkbox.Group, { value: ['a'] }, h(Checkbox, { value: 'a' }, 'a')) }, h(Button, { type: 'text', icon })),
          h(Alert, { type: 'error', showIcon: true, message: 'error' }),
          // the saved views' dialog, closed: antd styles a Modal when it renders, open or not
          h(Modal, { open: false, title: 't' }),
          h(Table, { rowKey: 'id', className: 'cr-wide-table', columns, dataSource: [{ id: '1' }], pagination }),
          h(Table, { rowKey: 'id', columns, dataSource: undefined, loading: true, pagination }),
        ),
      ),
    ),
  );
}
