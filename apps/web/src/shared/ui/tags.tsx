import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '@liaison/contracts';

export type Light = 'green' | 'yellow' | 'red';

const lightColors: Record<Light, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d' };
const lightTagColors: Record<Light, string> = { green: 'success', yellow: 'warning', red: 'error' };

export function LightDot({ light }: { light: Light }) {
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: 10,
        height: 10,
        borderRadius: '50%',
        background: lightColors[light],
        marginInlineEnd: 6,
        verticalAlign: 'middle',
      }}
    />
  );
}

export function LightTag({ light }: { light: Light }) {
  const { t } = useTranslation();
  return (
    <Tag color={lightTagColors[light]}>
      <LightDot light={light} />
      {t(`light.${light}`)}
    </Tag>
  );
}

const phaseColors = { preparation: 'default', construction: 'processing', completed: 'purple' } as const;

export function PhaseTag({ phase }: { phase: keyof typeof phaseColors }) {
  const { t } = useTranslation();
  return <Tag color={phaseColors[phase]}>{t(`phase.${phase}`)}</Tag>;
}

export function RoleTags({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  return (
    <Space size={[0, 4]} wrap>
      {roles.map((r) => (
        <Tag key={r} color={r === 'system_admin' || r === 'security_admin' || r === 'auditor' ? 'volcano' : 'blue'}>
          {t(`role.${r}`)}
        </Tag>
      ))}
    </Space>
  );
}

export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return <Tag color={active ? 'green' : 'default'}>{active ? t('common.active') : t('common.inactive')}</Tag>;
}
