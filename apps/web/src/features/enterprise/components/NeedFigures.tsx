import { Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatWan } from '../../../shared/format';
import type { EnterpriseNeed } from '../api';

type Need = EnterpriseNeed['need'];

const typeColor = { funding: 'gold', investment: 'purple', parking: 'blue', land: 'green', utilities: 'cyan', permits: 'geekblue', other: 'default' } as const;

export function NeedTypeTag({ type }: { type: Need['needType'] }) {
  const { t } = useTranslation();
  return <Tag color={typeColor[type]}>{t(`enterprise.types.${type}`)}</Tag>;
}

export function LevelTag({ level }: { level: Need['level'] }) {
  const { t } = useTranslation();
  return <Tag color={level === 'city' ? 'red' : level === 'district' ? 'orange' : 'default'}>{t(`enterprise.levels.${level}`)}</Tag>;
}

function Pair({ label, done, target, format = String }: { label: string; done: number | null; target: number | null; format?: (n: number) => string }) {
  const { t } = useTranslation();
  if (done === null && target === null) return null;
  const pct = target ? Math.min(100, Math.round(((done ?? 0) / target) * 100)) : undefined;
  return (
    <Flex vertical gap={0} style={{ minWidth: 180, flex: '1 1 180px', maxWidth: 280 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{label}</Typography.Text>
      <Typography.Text strong>
        {done === null ? '—' : format(done)}
        {target !== null ? <Typography.Text type="secondary"> / {format(target)}</Typography.Text> : null}
      </Typography.Text>
      {pct !== undefined ? <Progress percent={pct} size="small" aria-label={t('enterprise.progressOf', { label })} /> : null}
    </Flex>
  );
}

/** The outcome in figures: amount arranged against requested (万元), tenants signed, parking spaces approved. */
export function NeedFigures({ need: n }: { need: Need }) {
  const { t } = useTranslation();
  const any = [n.amountArranged, n.amountRequested, n.tenantsSigned, n.tenantsTarget, n.parkingApproved, n.parkingRequested].some((x) => x !== null);
  if (!any) return <Typography.Text type="secondary">{t('enterprise.noFigures')}</Typography.Text>;
  return (
    <Flex wrap gap="8px 24px">
      <Pair label={t('enterprise.amountArrangedOfRequested')} done={n.amountArranged} target={n.amountRequested} format={(x) => `${formatWan(x)} ${t('common.wanYuan')}`} />
      <Pair label={t('enterprise.tenantsSignedOfTarget')} done={n.tenantsSigned} target={n.tenantsTarget} />
      <Pair label={t('enterprise.parkingApprovedOfRequested')} done={n.parkingApproved} target={n.parkingRequested} />
    </Flex>
  );
}
