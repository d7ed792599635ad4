import { Button, Empty, Flex, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { disputeCategories, disputeRisks } from '@liaison/contracts';
import { formatDate } from '../../../shared/format';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { useListParams } from '../../../shared/url';
import { CaseStatusTag } from '../../cases/components/CaseTags';
import { ProjectSelect } from '../../projects/components/ProjectSelect';
import { useCan } from '../../session/api';
import { useDisputes, type DisputeSummary } from '../api';
import { RiskTag } from '../components/DisputeTags';

const FILTERS = ['projectId', 'category', 'risk', 'settleOverdue'] as const;

/** Disputes (群众纠纷) the caller sees: risk, parties, the one-month target. */
export default function DisputeListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const canCreate = useCan('dispute.create');
  const { params, update } = useListParams(FILTERS);
  const list = useDisputes({ ...params.filters, page: params.page, pageSize: params.pageSize });
  const filtered = FILTERS.some((f) => params.filters[f]);

  const settle = (d: DisputeSummary) =>
    d.settled ? <Tag color="success">{t('mediation.settled')}</Tag>
      : <Typography.Text type={d.settleOverdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>{t('mediation.settleByShort', { date: formatDate(d.settleBy) })}</Typography.Text>;

  const columns = [
    {
      key: 'title', title: t('mediation.dispute'),
      render: (_: unknown, d: DisputeSummary) => (
        <Flex vertical>
          <Link to={`/disputes/${d.caseId}`} onClick={(e) => e.stopPropagation()}>{d.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{d.number} · {d.project.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{d.partyNames.join(t('common.listSeparator'))}</Typography.Text>
          {isMobile ? <span><RiskTag risk={d.risk} /><CaseStatusTag status={d.status} /> {settle(d)}</span> : null}
        </Flex>
      ),
    },
    { key: 'category', title: t('mediation.category'), width: 110, responsive: ['lg' as const], render: (_: unknown, d: DisputeSummary) => t(`mediation.categories.${d.category}`) },
    { key: 'risk', title: t('mediation.riskLabel'), width: 100, responsive: ['md' as const], render: (_: unknown, d: DisputeSummary) => <RiskTag risk={d.risk} /> },
    { key: 'status', title: t('mediation.status'), width: 100, responsive: ['md' as const], render: (_: unknown, d: DisputeSummary) => <CaseStatusTag status={d.status} /> },
    { key: 'mediator', title: t('mediation.mediator'), width: 100, responsive: ['xl' as const], render: (_: unknown, d: DisputeSummary) => d.mediator?.displayName ?? '—' },
    { key: 'settle', title: t('mediation.settleTarget'), width: 150, responsive: ['md' as const], render: (_: unknown, d: DisputeSummary) => settle(d) },
  ];

  if (list.isError && !list.data) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <PageHeader title={t('mediation.title')} sub={t('mediation.sub')}
        extra={canCreate ? <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(params.filters.projectId ? `/disputes/new?projectId=${params.filters.projectId}` : '/disputes/new')}>{t('mediation.new')}</Button> : undefined} />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <ProjectSelect aria-label={t('mediation.project')} value={params.filters.projectId} placeholder={t('mediation.allProjects')}
          onChange={(v) => update({ projectId: v })} style={{ width: 240, maxWidth: '100%' }} />
        <Select aria-label={t('mediation.category')} allowClear placeholder={t('mediation.category')} value={params.filters.category} style={{ width: 130 }}
          onChange={(v?: string) => update({ category: v })} options={disputeCategories.map((c) => ({ value: c, label: t(`mediation.categories.${c}`) }))} />
        <Select aria-label={t('mediation.riskLabel')} allowClear placeholder={t('mediation.riskLabel')} value={params.filters.risk} style={{ width: 120 }}
          onChange={(v?: string) => update({ risk: v })} options={disputeRisks.map((r) => ({ value: r, label: t(`mediation.risk.${r}`) }))} />
        <Select aria-label={t('mediation.settleTarget')} allowClear placeholder={t('mediation.settleTarget')} value={params.filters.settleOverdue} style={{ width: 150 }}
          onChange={(v?: string) => update({ settleOverdue: v })} options={[{ value: 'true', label: t('mediation.settleOverdue') }, { value: 'false', label: t('mediation.withinMonth') }]} />
      </Flex>
      <Table<DisputeSummary>
        rowKey="caseId"
        size={isMobile ? 'small' : 'middle'}
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        rowClassName={(d) => `liaison-clickable-row${d.settleOverdue ? ' liaison-row-late' : ''}`}
        onRow={(d) => ({ onClick: () => navigate(`/disputes/${d.caseId}`) })}
        locale={{ emptyText: list.isPending ? ' ' : <Empty description={filtered ? t('mediation.emptyFiltered') : canCreate ? t('mediation.emptyCreator') : t('mediation.empty')} /> }}
        onChange={(p) => update({ page: p.current && p.current > 1 ? p.current : undefined }, false)}
        pagination={{ current: params.page, pageSize: params.pageSize, total: list.data?.total ?? 0, simple: isMobile, showSizeChanger: false }}
      />
    </>
  );
}
