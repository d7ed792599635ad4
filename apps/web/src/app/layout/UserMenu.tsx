import { Avatar, Button, Dropdown, Flex, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { ApiOutlined, DesktopOutlined, KeyOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import { useCurrentSession, useSignOut } from '../../features/session/api';
import { errorMessage } from '../../shared/api/errors';

export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const { message } = App.useApp();
  const unitName = session.user.unit?.name ?? session.units[0]?.name ?? '';

  const items: MenuProps['items'] = [
    {
      key: 'who',
      type: 'group',
      label: (
        <Flex vertical>
          <Typography.Text strong>{session.user.displayName}</Typography.Text>
          {unitName ? <Typography.Text type="secondary">{unitName}</Typography.Text> : null}
        </Flex>
      ),
    },
    { type: 'divider' },
    { key: '/account/sessions', icon: <DesktopOutlined />, label: t('account.sessions') },
    ...(session.permissions.includes('token.manage')
      ? [{ key: '/account/tokens', icon: <ApiOutlined />, label: t('account.tokens') }]
      : []),
    { key: '/account/security', icon: <SafetyOutlined />, label: t('account.security') },
    { key: '/account/password', icon: <KeyOutlined />, label: t('account.changePassword') },
    { type: 'divider' },
    { key: 'signout', icon: <LogoutOutlined />, label: t('account.signOut'), danger: true },
  ];

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        onClick: ({ key }) => {
          if (key === 'signout') {
            signOut.mutate(undefined, {
              onSuccess: () => navigate('/login', { replace: true }),
              onError: (e) => void message.error(errorMessage(e, t)),
            });
          } else if (key.startsWith('/')) navigate(key);
        },
      }}
    >
      <Button type="text" aria-label={t('account.menu')} style={{ height: 'auto', padding: '4px 8px' }}>
        <Flex align="center" gap={8}>
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1f4e9c' }} />
          {compact ? null : (
            <Flex vertical align="flex-start" style={{ lineHeight: 1.2, maxWidth: 200 }}>
              <Typography.Text strong ellipsis style={{ maxWidth: 200 }}>
                {session.user.displayName}
              </Typography.Text>
              {unitName ? (
                <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 200 }}>
                  {unitName}
                </Typography.Text>
              ) : null}
            </Flex>
          )}
        </Flex>
      </Button>
    </Dropdown>
  );
}
