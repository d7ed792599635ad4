import { Skeleton } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useSiteLog } from '../api';
import { SiteLogCard } from '../components/SiteLogCard';

export default function SiteLogDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const log = useSiteLog(id);
  if (log.isPending) return <Skeleton active />;
  if (log.isError) return <ErrorState error={log.error} onRetry={() => void log.refetch()} />;
  return (
    <>
      <PageHeader
        title={t('siteLogs.detail', { date: log.data.date })}
        sub={<Link to={`/projects/${log.data.projectId}?tab=site-logs`}>{log.data.projectName}</Link>}
      />
      <div style={{ maxWidth: 760 }}>
        <SiteLogCard log={log.data} showProject={false} />
      </div>
    </>
  );
}
