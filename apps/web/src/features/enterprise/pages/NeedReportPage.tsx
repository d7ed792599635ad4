import { Card, DatePicker, Empty, Flex, Skeleton, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatWan } from '../../../shared/format';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { SectionNav } from '../../approvals/components/SectionNav';
import { ProjectSelect } from '../../projects/components/ProjectSelect';
import { useNeedsReport, type NeedReport } from '../api';
import { enterpriseSections } from '../components/enterpriseSections';
import { LevelTag, NeedTypeTag } from '../components/NeedFigures';

type ByType = NeedReport['byType'][number];
type ByLevel = NeedReport['byLevel'][number];

/** Needs by type and level: how many, open/closed, amounts arranged, tenants signed, parking approved. */
export default function NeedReportPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const projectId = search.get('projectId') ?? undefined;
  const createdFrom = search.get('createdFrom') ?? undefined;
  const createdTo = search.get('createdTo') ?? undefined;
  const report = useNeedsReport({ projectId, createdFrom, createdTo });
  const set = (changes: Record<string, string | undefined>) => setSearch((prev) => {
    const n = new URLSearchParams(prev);
    for (const [k, v] of Object.entries(changes)) if (v) n.set(k, v); else n.delete(k);
    return n;
  }, { replace: true });

  const figureColumns = [
    { key: 'total', title: t('enterprise.fig.total'), dataIndex: 'total', width: 70 },
    { key: 'open', title: t('enterprise.fig.open'), dataIndex: 'open', width: 70 },
    { key: 'closed', title: t('enterprise.fig.closed'), dataIndex: 'closed', width: 70, responsive: ['sm' as const] },
    { key: 'req', title: t('enterprise.fig.amountRequested'), width: 120, responsive: ['md' as const], render: (_: unknown, r: ByType) => formatWan(r.amountRequested) },
    { key: 'arr', title: t('enterprise.fig.amountArranged'), width: 120, render: (_: unknown, r: ByType) => formatWan(r.amountArranged) },
    { key: 'ten', title: t('enterprise.fig.tenantsSigned'), dataIndex: 'tenantsSigned', width: 90, responsive: ['md' as const] },
    { key: 'park', title: t('enterprise.fig.parkingApproved'), dataIndex: 'parkingApproved', width: 90, responsive: ['md' as const] },
  ];

  return (
    <>
      <PageHeader title={t('enterprise.reportTitle')} sub={t('enterprise.reportSub')} />
      <SectionNav sections={enterpriseSections} />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <ProjectSelect aria-label={t('enterprise.project')} value={projectId} placeholder={t('enterprise.allProjects')} onChange={(v) => set({ projectId: v })} style={{ width: 240, maxWidth: '100%' }} />
        <DatePicker.RangePicker inputReadOnly value={createdFrom && createdTo ? [dayjs(createdFrom), dayjs(createdTo)] : null}
          onChange={(r) => set({ createdFrom: r?.[0]?.format('YYYY-MM-DD'), createdTo: r?.[1]?.format('YYYY-MM-DD') })} />
      </Flex>
      {report.isPending ? <Skeleton active /> : report.isError ? <ErrorState error={report.error} onRetry={() => void report.refetch()} /> : (
        <Flex vertical gap={12}>
          <Card size="small">
            <Flex wrap gap="8px 24px">
              <Statistic title={t('enterprise.fig.total')} value={report.data.totals.total} />
              <Statistic title={t('enterprise.fig.open')} value={report.data.totals.open} />
              <Statistic title={t('enterprise.fig.closed')} value={report.data.totals.closed} styles={{ content: { color: '#389e0d' } }} />
              <Statistic title={t('enterprise.fig.amountArranged')} value={formatWan(report.data.totals.amountArranged)} />
              <Statistic title={t('enterprise.fig.tenantsSigned')} value={report.data.totals.tenantsSigned} />
              <Statistic title={t('enterprise.fig.parkingApproved')} value={report.data.totals.parkingApproved} />
            </Flex>
          </Card>
          <Card size="small" title={t('enterprise.byType')}>
            <Table<ByType> rowKey="needType" size="small" pagination={false} dataSource={report.data.byType}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprise.reportEmpty')} /> }}
              columns={[{ key: 'type', title: t('enterprise.type'), render: (_, r) => <NeedTypeTag type={r.needType} /> }, ...figureColumns]} />
          </Card>
          <Card size="small" title={t('enterprise.byLevel')}>
            <Table<ByLevel> rowKey="level" size="small" pagination={false} dataSource={report.data.byLevel}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprise.reportEmpty')} /> }}
              columns={[{ key: 'level', title: t('enterprise.level'), render: (_, r) => <LevelTag level={r.level} /> }, ...(figureColumns as never[])]} />
          </Card>
        </Flex>
      )}
    </>
  );
}
