import { Button, Collapse, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Meta } from '../api';

/** On demo installations: who to sign in as, one click fills the form. */
export function DemoAccounts({ meta, onPick }: { meta: Meta; onPick: (username: string, password?: string) => void }) {
  const { t } = useTranslation();
  const accounts = meta.demoAccounts ?? [];
  return (
    <Collapse
      ghost
      size="small"
      style={{ marginTop: 16 }}
      items={[
        {
          key: 'demo',
          label: t('login.demoAccounts'),
          children: (
            <Flex vertical gap={8}>
              <Typography.Text type="secondary">
                {meta.demoPassword ? t('login.demoPassword', { password: meta.demoPassword }) : t('login.demoHint')}
              </Typography.Text>
              {meta.demoPassword ? (
                <Typography.Text copyable={{ text: meta.demoPassword }} code>
                  {meta.demoPassword}
                </Typography.Text>
              ) : null}
              <Flex wrap gap={6}>
                {accounts.map((a) => (
                  <Button
                    key={a.username}
                    size="small"
                    onClick={() => onPick(a.username, meta.demoPassword)}
                    title={t('login.useAccount', { username: a.username })}
                  >
                    {a.username} · {a.label || (a.role ? t(`role.${a.role}`, { defaultValue: a.role }) : '')}
                  </Button>
                ))}
              </Flex>
            </Flex>
          ),
        },
      ]}
    />
  );
}
