import { BellOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Badge, Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import { useDeferredValue } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';

import { useAuth } from '../api/auth';
import { useDictionaries } from '../api/dictionaries';
import { useUnreadCount } from '../api/notifications';
import { MENU } from './menu';
import { NameWatermark } from './name-watermark';

// Pages whose first screen needs no permission check (the API scopes the rows to the caller): they
// render while /auth/me is still on its way; the menu and permission-bound buttons follow it.
const BEFORE_PROFILE = /^\/enterprises\/?$/;

/** The frame of every signed-in page; drawn at once, filled in when the caller's profile arrives. */
export function AppLayout() {
  const auth = useAuth();
  // The menu, the user's name and the watermark follow the profile at a lower priority than the page:
  // when /auth/me and a page's data arrive together, the page draws first (the menu's twenty items
  // otherwise held the 企业名录's rows back).
  const shown = useDeferredValue(auth);
  const dict = useDictionaries();
  const navigate = useNavigate();
  const location = useLocation();
  const items = MENU.filter((m) => shown.can(m.permission));
  const selected = items.find((m) => location.pathname === m.path || location.pathname.startsWith(`${m.path}/`))?.path;
  const me = shown.me;
  const unread = useUnreadCount();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="dark" breakpoint="lg" collapsedWidth={64}>
        <div style={{ color: '#fff', fontSize: 18, fontWeight: 600, padding: '18px 20px', whiteSpace: 'nowrap', overflow: 'hidden' }}>企业培育库</div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={items.map((m) => ({ key: m.path, icon: m.icon, label: m.label }))}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'space-between', alignItems: 'center', borderBottom: '1px solid #f0f0f0' }}>
          <Typography.Text type="secondary">宁波市经济和信息化局 · 企业梯度培育</Typography.Text>
          <Space>
            <Badge count={unread} size="small" offset={[-6, 6]} data-testid="inbox-badge">
              <Button type="text" icon={<BellOutlined />} onClick={() => navigate('/inbox')} aria-label="消息">
                消息
              </Button>
            </Badge>
            {me && (
              <Button type="text" icon={<UserOutlined />} onClick={() => navigate('/profile')} data-testid="current-user">
                {me.displayName}({dict.label('Role', me.role, me.roleLabel)})
              </Button>
            )}
            <Button type="text" icon={<LogoutOutlined />} onClick={() => auth.logout()}>
              退出登录
            </Button>
          </Space>
        </Layout.Header>
        <NameWatermark name={me?.displayName ?? ''}>
          <Layout.Content style={{ padding: 20, minHeight: 'calc(100vh - 64px)' }}>
            {me || BEFORE_PROFILE.test(location.pathname) ? <Outlet /> : <Spin style={{ display: 'block', margin: 80 }} />}
          </Layout.Content>
        </NameWatermark>
      </Layout>
    </Layout>
  );
}
