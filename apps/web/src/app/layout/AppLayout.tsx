import { Suspense, useEffect, useState } from 'react';
import { Button, Drawer, Flex, Layout, Menu, Spin, Typography } from 'antd';
import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NotificationBell } from '../../features/notifications/components/NotificationBell';
import { useCurrentSession } from '../../features/session/api';
import { OutboxButton } from '../../features/site-logs/components/OutboxButton';
import { LanguageSwitch } from '../../shared/ui/LanguageSwitch';
import { useIsMobile } from '../../shared/ui/useIsMobile';
import { Breadcrumbs } from './Breadcrumbs';
import { UserMenu } from './UserMenu';
import { visibleNav } from './nav';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const isMobile = useIsMobile();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  const items = visibleNav(session.permissions);
  const selected = items.find((i) => location.pathname === i.path || location.pathname.startsWith(`${i.path}/`));

  useEffect(() => setDrawerOpen(false), [location.pathname]);

  const menu = (
    <Menu
      mode="inline"
      theme="dark"
      selectedKeys={selected ? [selected.key] : []}
      aria-label={t('nav.main')}
      items={items.map((i) => ({ key: i.key, icon: i.icon, label: <Link to={i.path}>{t(i.labelKey)}</Link> }))}
      onClick={({ key, domEvent }) => {
        // A click on the link navigates by itself; Enter on the menu item does not.
        if ((domEvent.target as HTMLElement).closest('a')) return;
        const item = items.find((i) => i.key === key);
        if (item) navigate(item.path);
      }}
    />
  );

  const brand = (short: boolean) => (
    <Link to="/" style={{ color: '#fff', display: 'block', padding: '16px 20px', whiteSpace: 'nowrap', overflow: 'hidden' }}>
      <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
        {short ? t('app.short') : t('app.brand')}
      </Typography.Text>
    </Link>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isMobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}
          title={null}
        >
          {brand(false)}
          {menu}
        </Drawer>
      ) : (
        <Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          trigger={null}
          width={220}
          breakpoint="lg"
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          {brand(collapsed)}
          {menu}
        </Sider>
      )}
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: isMobile ? '0 8px' : '0 16px',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            position: 'sticky',
            top: 0,
            zIndex: 10,
            boxShadow: '0 1px 4px rgba(0,21,41,.08)',
          }}
        >
          {isMobile ? (
            <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.openMenu')} onClick={() => setDrawerOpen(true)} />
          ) : (
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
              onClick={() => setCollapsed((c) => !c)}
            />
          )}
          {isMobile ? (
            <Typography.Text strong ellipsis style={{ flex: 1, minWidth: 0 }}>
              {t('app.short')}
            </Typography.Text>
          ) : (
            <div style={{ flex: 1 }} />
          )}
          <Flex align="center" gap={4}>
            {session.permissions.includes('sitelog.write') ? <OutboxButton compact={isMobile} /> : null}
            <NotificationBell />
            <LanguageSwitch compact={isMobile} />
            <UserMenu compact={isMobile} />
          </Flex>
        </Header>
        <Content style={{ padding: isMobile ? 12 : 24, minWidth: 0 }}>
          <Breadcrumbs />
          <Suspense
            fallback={
              <Flex justify="center" style={{ padding: 48 }}>
                <Spin />
              </Flex>
            }
          >
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
