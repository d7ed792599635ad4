import { Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '@liaison/contracts';
import { CaseStatusTag } from '../../cases/components/CaseTags';
import type { Branch, Meeting, Resolution } from '../api';

const typeColor: Record<Meeting['type'], string> = { deliberation: 'blue', committee: 'purple', general: 'geekblue', theme_day: 'magenta' };
const statusColor: Record<Meeting['status'], string> = { scheduled: 'processing', held: 'success', cancelled: 'default' };
const minutesColor: Record<Meeting['minutesStatus'], string> = { draft: 'default', circulated: 'warning', final: 'success' };
const stateColor: Record<Resolution['state'], string> = { open: 'processing', done: 'success', overdue: 'error', noted: 'default' };

export function MeetingTypeTag({ type }: { type: Meeting['type'] }) {
  const { t } = useTranslation();
  return <Tag color={typeColor[type]}>{t(`branches.meetingType.${type}`)}</Tag>;
}

export function MeetingStatusTag({ status }: { status: Meeting['status'] }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[status]}>{t(`branches.meetingStatus.${status}`)}</Tag>;
}

export function MinutesStatusTag({ status }: { status: Meeting['minutesStatus'] }) {
  const { t } = useTranslation();
  return <Tag color={minutesColor[status]}>{t(`branches.minutesStatus.${status}`)}</Tag>;
}

export function ResolutionStateTag({ state }: { state: Resolution['state'] }) {
  const { t } = useTranslation();
  return <Tag color={stateColor[state]}>{t(`branches.resolutionState.${state}`)}</Tag>;
}

/** The case a resolution became: its number (a link to the case) and its live status. */
export function ResolutionCase({ resolution: r }: { resolution: Resolution }) {
  const { t } = useTranslation();
  if (!r.case) {
    return <Typography.Text type="secondary">{r.needsAction ? t('branches.noCaseYet') : t('branches.noCaseNeeded')}</Typography.Text>;
  }
  return (
    <Flex gap={4} wrap align="center">
      <Link to={`/cases/${r.case.id}`}>{r.case.number}</Link>
      <CaseStatusTag status={r.case.status as CaseStatus} />
    </Flex>
  );
}

export function BranchStatusTag({ status }: { status: Branch['status'] }) {
  const { t } = useTranslation();
  return <Tag color={status === 'active' ? 'red' : 'default'}>{t(`branches.status.${status}`)}</Tag>;
}
