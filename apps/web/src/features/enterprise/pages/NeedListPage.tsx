import { Button, Empty, Flex, Select, Table, Typography } from 'antd';
import { BarChartOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { approvalLevels, caseStatuses, enterpriseNeedTypes } from '@liaison/contracts';
import { formatWan } from '../../../shared/format';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { useListParams } from '../../../shared/url';
import { SectionNav } from '../../approvals/components/SectionNav';
import { CaseStatusTag, DaysLeft } from '../../cases/components/CaseTags';
import { ProjectSelect } from '../../projects/components/ProjectSelect';
import { useCan } from '../../session/api';
import { useNeeds, type EnterpriseNeed } from '../api';
import { enterpriseSections } from '../components/enterpriseSections';
import { LevelTag, NeedTypeTag } from '../components/NeedFigures';

const FILTERS = ['projectId', 'needType', 'level', 'status'] as const;

function outcome(n: EnterpriseNeed['need'], t: (k: string, o?: Record<string, unknown>) => string): string | null {
  if (n.amountArranged !== null) return t('enterprise.arrangedShort', { amount: formatWan(n.amountArranged) });
  if (n.tenantsSigned !== null) return t('enterprise.tenantsShort', { count: n.tenantsSigned });
  if (n.parkingApproved !== null) return t('enterprise.parkingShort', { count: n.parkingApproved });
  return null;
}

/** Enterprise needs (企业诉求): funding gaps, investment attraction, parking, land, utilities, permits. */
export default function NeedListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const canCreate = useCan('enterprise_need.create');
  const { params, update } = useListParams(FILTERS);
  const list = useNeeds({ ...params.filters, page: params.page, pageSize: params.pageSize });
  const filtered = FILTERS.some((f) => params.filters[f]);

  const columns = [
    {
      key: 'title', title: t('enterprise.need'),
      render: (_: unknown, c: EnterpriseNeed) => (
        <Flex vertical>
          <Link to={`/enterprise-needs/${c.id}`} onClick={(e) => e.stopPropagation()}>{c.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.number} · {c.project.name}</Typography.Text>
          {isMobile ? <span><NeedTypeTag type={c.need.needType} /><LevelTag level={c.need.level} /><CaseStatusTag status={c.status} /></span> : null}
          {outcome(c.need, t) ? <Typography.Text type="success" style={{ fontSize: 12 }}>{outcome(c.need, t)}</Typography.Text> : null}
        </Flex>
      ),
    },
    { key: 'type', title: t('enterprise.type'), width: 100, responsive: ['md' as const], render: (_: unknown, c: EnterpriseNeed) => <NeedTypeTag type={c.need.needType} /> },
    { key: 'level', title: t('enterprise.level'), width: 90, responsive: ['md' as const], render: (_: unknown, c: EnterpriseNeed) => <LevelTag level={c.need.level} /> },
    { key: 'units', title: t('enterprise.units'), responsive: ['xl' as const], render: (_: unknown, c: EnterpriseNeed) => c.need.coordinatingUnits.map((u) => u.name).join(t('common.listSeparator')) || '—' },
    { key: 'status', title: t('enterprise.status'), width: 130, responsive: ['md' as const], render: (_: unknown, c: EnterpriseNeed) => <Flex vertical><CaseStatusTag status={c.status} /><DaysLeft c={c} /></Flex> },
  ];

  if (list.isError && !list.data) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <PageHeader title={t('enterprise.title')} sub={t('enterprise.sub')}
        extra={<>
          {isMobile ? null : <Button icon={<BarChartOutlined />} onClick={() => navigate('/enterprise-needs/report')}>{t('enterprise.tabReport')}</Button>}
          {canCreate ? <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(params.filters.projectId ? `/enterprise-needs/new?projectId=${params.filters.projectId}` : '/enterprise-needs/new')}>{t('enterprise.new')}</Button> : null}
        </>} />
      <SectionNav sections={enterpriseSections} />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <ProjectSelect aria-label={t('enterprise.project')} value={params.filters.projectId} placeholder={t('enterprise.allProjects')}
          onChange={(v) => update({ projectId: v })} style={{ width: 240, maxWidth: '100%' }} />
        <Select aria-label={t('enterprise.type')} allowClear placeholder={t('enterprise.type')} value={params.filters.needType} style={{ width: 130 }}
          onChange={(v?: string) => update({ needType: v })} options={enterpriseNeedTypes.map((x) => ({ value: x, label: t(`enterprise.types.${x}`) }))} />
        <Select aria-label={t('enterprise.level')} allowClear placeholder={t('enterprise.level')} value={params.filters.level} style={{ width: 110 }}
          onChange={(v?: string) => update({ level: v })} options={approvalLevels.map((l) => ({ value: l, label: t(`enterprise.levels.${l}`) }))} />
        <Select aria-label={t('enterprise.status')} allowClear placeholder={t('enterprise.status')} value={params.filters.status} style={{ width: 120 }}
          onChange={(v?: string) => update({ status: v })} options={caseStatuses.map((s) => ({ value: s, label: t(`caseStatus.${s}`) }))} />
      </Flex>
      <Table<EnterpriseNeed>
        rowKey="id"
        size={isMobile ? 'small' : 'middle'}
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        rowClassName={(c) => `liaison-clickable-row${c.overdue ? ' liaison-row-late' : ''}`}
        onRow={(c) => ({ onClick: () => navigate(`/enterprise-needs/${c.id}`) })}
        locale={{ emptyText: list.isPending ? ' ' : <Empty description={filtered ? t('enterprise.emptyFiltered') : canCreate ? t('enterprise.emptyCreator') : t('enterprise.empty')} /> }}
        onChange={(p) => update({ page: p.current && p.current > 1 ? p.current : undefined }, false)}
        pagination={{ current: params.page, pageSize: params.pageSize, total: list.data?.total ?? 0, simple: isMobile, showSizeChanger: false }}
      />
    </>
  );
}
