import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApprovalStatus } from '@liaison/contracts';

const statusColor: Record<ApprovalStatus, string> = {
  not_started: 'default', preparing: 'blue', submitted: 'cyan', accepted: 'geekblue', approved: 'success', sent_back: 'warning',
};

export function ApprovalStatusTag({ status }: { status: ApprovalStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[status]}>{t(`approvals.status.${status}`)}</Tag>;
}

/** The dot of a step on the chain's timeline. */
export function timelineColor(status: ApprovalStatus, blocked: boolean): string {
  if (blocked || status === 'sent_back') return 'red';
  if (status === 'approved') return 'green';
  if (status === 'not_started') return 'gray';
  return 'blue';
}
