import { lazy, Suspense } from 'react';
import { Skeleton, Spin, Tabs } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { useCan } from '../../session/api';
import { useProjectDetail, type ProjectDetail } from '../api';
import { ProjectHeader } from '../components/ProjectHeader';
import { OverviewTab } from '../components/tabs/OverviewTab';

const MilestonesTab = lazy(() => import('../components/tabs/MilestonesTab'));
const ProgressTab = lazy(() => import('../components/tabs/ProgressTab'));
const PeopleTab = lazy(() => import('../components/tabs/PeopleTab'));
const SiteLogList = lazy(() => import('../../site-logs/components/SiteLogList').then((m) => ({ default: m.SiteLogList })));
const CaseTable = lazy(() => import('../../cases/components/CaseTable'));

export default function ProjectDetailPage() {
  const { id } = useParams();
  const project = useProjectDetail(id);
  if (project.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (project.isError) return <ErrorState error={project.error} onRetry={() => void project.refetch()} />;
  return <ProjectFile project={project.data} />;
}

function ProjectFile({ project: p }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const canPeople = useCan('assignment.read');
  const canLogs = useCan('sitelog.read');
  const canCases = useCan('case.read');
  const tab = search.get('tab') ?? 'overview';
  const lazyTab = (node: React.ReactNode) => <Suspense fallback={<Spin />}>{node}</Suspense>;

  const items = [
    { key: 'overview', label: t('projects.tabOverview'), children: <OverviewTab project={p} /> },
    { key: 'milestones', label: t('projects.tabMilestones'), children: lazyTab(<MilestonesTab project={p} />) },
    { key: 'progress', label: t('projects.tabProgress'), children: lazyTab(<ProgressTab project={p} />) },
    ...(canPeople ? [{ key: 'people', label: t('projects.tabPeople'), children: lazyTab(<PeopleTab project={p} />) }] : []),
    ...(canLogs ? [{ key: 'site-logs', label: t('projects.tabSiteLogs'), children: lazyTab(<SiteLogList projectId={p.id} />) }] : []),
    ...(canCases ? [{ key: 'cases', label: t('projects.tabCases'), children: lazyTab(<CaseTable projectId={p.id} />) }] : []),
  ];

  return (
    <>
      <ProjectHeader project={p} />
      <Tabs
        activeKey={items.some((i) => i.key === tab) ? tab : 'overview'}
        destroyOnHidden
        onChange={(key) =>
          setSearch(
            () => {
              const next = new URLSearchParams();
              if (key !== 'overview') next.set('tab', key);
              return next;
            },
            { replace: true },
          )
        }
        items={items}
      />
    </>
  );
}
