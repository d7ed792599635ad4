import { Card, Empty, Flex, Skeleton, Statistic, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { ProjectSelect } from '../../projects/components/ProjectSelect';
import { useApprovalReport, type ApprovalReport } from '../api';
import { ApprovalStatusTag } from '../components/ApprovalTags';
import { approvalSections } from '../components/approvalSections';
import { SectionNav } from '../components/SectionNav';
import { averageLight } from '../components/daysLight';
import { WorkingDaysBar } from '../components/WorkingDaysBar';

type Row = ApprovalReport['items'][number];
type Stuck = ApprovalReport['stuck'][number];

/** District report: per item the average working days against the statutory limit, days saved, items stuck. */
export default function ApprovalReportPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [search, setSearch] = useSearchParams();
  const projectId = search.get('projectId') ?? undefined;
  const report = useApprovalReport(projectId);

  const columns = [
    { key: 'item', title: t('approvals.item'), render: (_: unknown, r: Row) => r.item.name },
    { key: 'limit', title: t('approvals.statutoryDays'), width: 90, responsive: ['md' as const], render: (_: unknown, r: Row) => r.statutoryDays },
    { key: 'approved', title: t('approvals.fig.approved'), width: 80, responsive: ['sm' as const], render: (_: unknown, r: Row) => r.approved },
    {
      key: 'avg', title: t('approvals.averageDays'), width: isMobile ? 130 : 200,
      render: (_: unknown, r: Row) => r.averageDays === null ? <Typography.Text type="secondary">—</Typography.Text> : (
        <WorkingDaysBar used={r.averageDays} limit={r.statutoryDays} light={averageLight(r.averageDays, r.statutoryDays)} />
      ),
    },
    { key: 'saved', title: t('approvals.fig.daysSaved'), width: 90, render: (_: unknown, r: Row) => <Typography.Text type={r.daysSaved > 0 ? 'success' : undefined}>{r.daysSaved}</Typography.Text> },
    { key: 'open', title: t('approvals.open'), width: 80, responsive: ['md' as const], render: (_: unknown, r: Row) => r.open },
    { key: 'stuck', title: t('approvals.fig.stuck'), width: 80, responsive: ['sm' as const], render: (_: unknown, r: Row) => <Typography.Text type={r.stuck ? 'warning' : undefined}>{r.stuck}</Typography.Text> },
  ];
  const stuckColumns = [
    { key: 'project', title: t('approvals.project'), render: (_: unknown, s: Stuck) => <Link to={`/projects/${s.project.id}/approvals`}>{s.project.name}</Link> },
    { key: 'item', title: t('approvals.item'), render: (_: unknown, s: Stuck) => s.item.name },
    { key: 'agent', title: t('approvals.agent'), responsive: ['md' as const], render: (_: unknown, s: Stuck) => s.agent ?? '—' },
    { key: 'status', title: t('approvals.statusField'), responsive: ['md' as const], render: (_: unknown, s: Stuck) => <ApprovalStatusTag status={s.status} /> },
    { key: 'days', title: t('approvals.daysColumn'), width: isMobile ? 120 : 200, render: (_: unknown, s: Stuck) => <WorkingDaysBar used={s.workingDaysUsed} limit={s.statutoryDays} light={s.workingDaysUsed > s.statutoryDays ? 'red' : 'yellow'} /> },
  ];

  return (
    <>
      <PageHeader title={t('approvals.reportTitle')} sub={t('approvals.reportSub')} />
      <SectionNav sections={approvalSections} />
      <Flex vertical gap={12}>
        <ProjectSelect aria-label={t('approvals.project')} value={projectId} placeholder={t('approvals.allProjects')}
          onChange={(v) => setSearch(v ? { projectId: v } : {}, { replace: true })} style={{ width: 320, maxWidth: '100%' }} />
        {report.isPending ? <Skeleton active /> : report.isError ? <ErrorState error={report.error} onRetry={() => void report.refetch()} /> : (
          <>
            <Card size="small">
              <Flex wrap gap="8px 24px">
                <Statistic title={t('approvals.fig.approved')} value={report.data.totals.approved} />
                <Statistic title={t('approvals.open')} value={report.data.totals.open} />
                <Statistic title={t('approvals.fig.stuck')} value={report.data.totals.stuck} styles={{ content: { color: report.data.totals.stuck ? '#d46b08' : undefined } }} />
                <Statistic title={t('approvals.fig.daysSaved')} value={report.data.totals.daysSaved} suffix={t('approvals.daysUnit')} styles={{ content: { color: '#389e0d' } }} />
              </Flex>
            </Card>
            <Card size="small" title={t('approvals.byItem')}>
              <Table<Row> rowKey={(r) => r.item.id} size="small" columns={columns} dataSource={report.data.items} pagination={false}
                locale={{ emptyText: <Empty description={t('approvals.reportEmpty')} /> }} />
            </Card>
            <Card size="small" title={t('approvals.stuckTitle', { count: report.data.stuck.length })}>
              <Table<Stuck> rowKey="id" size="small" columns={stuckColumns} dataSource={report.data.stuck} pagination={false}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('approvals.noStuck')} /> }} />
            </Card>
          </>
        )}
      </Flex>
    </>
  );
}
