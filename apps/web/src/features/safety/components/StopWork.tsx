import { Alert, Tag } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import { useCan } from '../../session/api';
import { useProjectSafety } from '../api';

/** "停工整改" next to a project's name while a major hazard is open; links to the inspection that ordered it. */
export function StopWorkBadge({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const can = useCan('inspection.read');
  const safety = useProjectSafety(projectId, can);
  const s = safety.data;
  if (!s?.stopWork) return null;
  const tag = (
    <Tag color="red" icon={<StopOutlined />} data-stop-work="true" title={t('safety.stopWorkSince', { since: formatDateTime(s.since) })}>
      {t('safety.stopWork')}
    </Tag>
  );
  return s.orderedBy ? <Link to={`/inspections/${s.orderedBy.inspectionId}`}>{tag}</Link> : tag;
}

/** The banner on an inspection that ordered work to stop. */
export function StopWorkBanner({ majors, noticeNumber }: { majors: number; noticeNumber: string | null }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      icon={<StopOutlined />}
      title={<strong>{t('safety.stopWorkTitle')}</strong>}
      description={t('safety.stopWorkText', { count: majors, number: noticeNumber ?? '—' })}
      data-stop-work-banner="true"
    />
  );
}
