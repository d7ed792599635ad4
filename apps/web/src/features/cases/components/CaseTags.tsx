import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Case } from '../api';
import { LightDot } from '../../../shared/ui/tags';

const statusColor: Record<Case['status'], string> = {
  submitted: 'gold', accepted: 'cyan', assigned: 'blue', in_progress: 'processing', answered: 'purple',
  closed: 'success', rejected: 'default', withdrawn: 'default',
};

export function CaseStatusTag({ status }: { status: Case['status'] }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[status]}>{t(`caseStatus.${status}`)}</Tag>;
}

export function CaseLightTag({ light }: { light: Case['light'] }) {
  const { t } = useTranslation();
  const color = { green: 'success', yellow: 'warning', red: 'error' }[light];
  return (
    <Tag color={color}>
      <LightDot light={light} />
      {t(`caseLight.${light}`)}
    </Tag>
  );
}

export function SupervisionTag({ level }: { level: number }) {
  const { t } = useTranslation();
  if (!level) return <Typography.Text type="secondary">{t('supervision.0')}</Typography.Text>;
  return <Tag color={level >= 3 ? 'red' : level === 2 ? 'volcano' : 'orange'}>{t(`supervision.${level}`)}</Tag>;
}

/** "3 working days left" / "overdue by 2 working days". */
export function DaysLeft({ c }: { c: Pick<Case, 'workingDaysLeft' | 'overdue' | 'clockState'> }) {
  const { t } = useTranslation();
  if (c.workingDaysLeft === null || c.clockState === 'stopped' || c.clockState === 'idle') return null;
  if (c.clockState === 'paused') return <Typography.Text type="secondary">{t('cases.clockPaused')}</Typography.Text>;
  if (c.overdue || c.workingDaysLeft < 0) {
    return <Typography.Text type="danger">{t('cases.overdueBy', { count: Math.abs(c.workingDaysLeft) })}</Typography.Text>;
  }
  return <Typography.Text type={c.workingDaysLeft <= 1 ? 'warning' : 'secondary'}>{t('cases.daysLeft', { count: c.workingDaysLeft })}</Typography.Text>;
}
