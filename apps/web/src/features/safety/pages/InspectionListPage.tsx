import { Button, Empty, Flex, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { useListParams } from '../../../shared/url';
import { SectionNav } from '../../approvals/components/SectionNav';
import { ProjectSelect } from '../../projects/components/ProjectSelect';
import { useCan } from '../../session/api';
import { useInspections, type Inspection } from '../api';
import { safetySections } from '../components/safetySections';

const FILTERS = ['projectId', 'status'] as const;

/** Inspections on the caller's projects, newest first; commissioners start a new one from here. */
export default function InspectionListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const canRun = useCan('inspection.run');
  const canTemplates = useCan('inspection.template.manage');
  const { params, update } = useListParams(FILTERS);
  const list = useInspections({ ...params.filters, page: params.page, pageSize: params.pageSize, sort: '-inspectedAt' });
  const filtered = FILTERS.some((f) => params.filters[f]);

  const columns = [
    {
      key: 'project', title: t('safety.project'),
      render: (_: unknown, i: Inspection) => (
        <Flex vertical>
          <Link to={`/inspections/${i.id}`} onClick={(e) => e.stopPropagation()}>{i.project.name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(i.inspectedAt)} · {i.inspector.displayName}</Typography.Text>
          {isMobile ? <span>{statusTag(i)} {hazardTags(i)}</span> : null}
        </Flex>
      ),
    },
    { key: 'template', title: t('safety.template'), responsive: ['lg' as const], render: (_: unknown, i: Inspection) => i.template.name },
    { key: 'status', title: t('safety.statusColumn'), width: 100, responsive: ['md' as const], render: (_: unknown, i: Inspection) => statusTag(i) },
    { key: 'hazards', title: t('safety.hazardsColumn'), width: 180, responsive: ['md' as const], render: (_: unknown, i: Inspection) => hazardTags(i) },
    { key: 'notice', title: t('safety.noticeNumber'), width: 200, responsive: ['xl' as const], render: (_: unknown, i: Inspection) => i.noticeNumber ?? '—' },
  ];
  function statusTag(i: Inspection) {
    return <Tag color={i.status === 'submitted' ? 'blue' : 'default'}>{t(`safety.status.${i.status}`)}</Tag>;
  }
  function hazardTags(i: Inspection) {
    return (
      <>
        {i.counts.fail ? <Tag color="orange">{t('safety.failTag', { count: i.counts.fail })}</Tag> : i.status === 'submitted' ? <Tag color="success">{t('safety.cleanTag')}</Tag> : null}
        {i.stopWorkOrdered ? <Tag color="red">{t('safety.stopWork')}</Tag> : null}
      </>
    );
  }

  if (list.isError && !list.data) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <PageHeader title={t('safety.title')} sub={t('safety.sub')}
        extra={canRun ? <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => navigate('/inspections/new')}>{t('safety.newButton')}</Button> : undefined} />
      <SectionNav sections={safetySections(true, canTemplates)} />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <ProjectSelect aria-label={t('safety.project')} value={params.filters.projectId} placeholder={t('safety.allProjects')}
          onChange={(v) => update({ projectId: v })} style={{ width: 260, maxWidth: '100%' }} />
        <Select aria-label={t('safety.statusColumn')} allowClear placeholder={t('safety.allStatuses')} value={params.filters.status} style={{ width: 140 }}
          onChange={(v?: string) => update({ status: v })} options={(['draft', 'submitted'] as const).map((s) => ({ value: s, label: t(`safety.status.${s}`) }))} />
      </Flex>
      <Table<Inspection>
        rowKey="id"
        size={isMobile ? 'small' : 'middle'}
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        rowClassName={() => 'liaison-clickable-row'}
        onRow={(i) => ({ onClick: () => navigate(`/inspections/${i.id}`) })}
        locale={{ emptyText: list.isPending ? ' ' : <Empty description={filtered ? t('safety.emptyFiltered') : canRun ? t('safety.emptyRunner') : t('safety.empty')} /> }}
        onChange={(p) => update({ page: p.current && p.current > 1 ? p.current : undefined }, false)}
        pagination={{ current: params.page, pageSize: params.pageSize, total: list.data?.total ?? 0, simple: isMobile, showSizeChanger: false }}
      />
    </>
  );
}
