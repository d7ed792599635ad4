import { Card, DatePicker, Empty, Flex, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { SectionNav } from '../../approvals/components/SectionNav';
import { ProjectSelect } from '../../projects/components/ProjectSelect';
import { useCan } from '../../session/api';
import { useSafetyLedger, type SafetyLedger } from '../api';
import { safetySections } from '../components/safetySections';
import { SeverityTag } from '../components/SeverityTag';

type Cat = SafetyLedger['byCategory'][number];
type Site = SafetyLedger['stopWorkSites'][number];
type Row = SafetyLedger['items'][number];

/** The safety ledger (安全台账) for the district or one project: hazards by category, open/closed, days to rectify, stop-work sites. */
export default function SafetyLedgerPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const canTemplates = useCan('inspection.template.manage');
  const [search, setSearch] = useSearchParams();
  const projectId = search.get('projectId') ?? undefined;
  const from = search.get('from') ?? undefined;
  const to = search.get('to') ?? undefined;
  const ledger = useSafetyLedger({ projectId, from, to });
  const set = (k: string, v: string | undefined) => setSearch((prev) => {
    const n = new URLSearchParams(prev);
    if (v) n.set(k, v); else n.delete(k);
    return n;
  }, { replace: true });

  const d = ledger.data;
  return (
    <>
      <PageHeader title={projectId ? t('safety.ledgerProject') : t('safety.ledgerTitle')} sub={t('safety.ledgerSub')} />
      <SectionNav sections={safetySections(true, canTemplates)} />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <ProjectSelect aria-label={t('safety.project')} value={projectId} placeholder={t('safety.wholeDistrict')} onChange={(v) => set('projectId', v)} style={{ width: 260, maxWidth: '100%' }} />
        <DatePicker.RangePicker inputReadOnly aria-label={t('safety.period')} value={from && to ? [dayjs(from), dayjs(to)] : null}
          onChange={(r) => setSearch((prev) => {
            const n = new URLSearchParams(prev);
            if (r?.[0] && r[1]) { n.set('from', r[0].format('YYYY-MM-DD')); n.set('to', r[1].format('YYYY-MM-DD')); } else { n.delete('from'); n.delete('to'); }
            return n;
          }, { replace: true })} />
      </Flex>
      {ledger.isPending ? <Skeleton active /> : ledger.isError ? <ErrorState error={ledger.error} onRetry={() => void ledger.refetch()} /> : d ? (
        <Flex vertical gap={12}>
          <Card size="small">
            <Flex wrap gap="8px 24px">
              <Statistic title={t('safety.fig.inspections')} value={d.inspections} />
              <Statistic title={t('safety.fig.hazards')} value={d.hazards.total} />
              <Statistic title={t('safety.fig.open')} value={d.hazards.open} styles={{ content: { color: d.hazards.open ? '#cf1322' : undefined } }} />
              <Statistic title={t('safety.fig.closed')} value={d.hazards.closed} styles={{ content: { color: '#389e0d' } }} />
              <Statistic title={t('safety.fig.major')} value={d.hazards.major} />
              <Statistic title={t('safety.fig.overdue')} value={d.hazards.overdue} styles={{ content: { color: d.hazards.overdue ? '#cf1322' : undefined } }} />
              <Statistic title={t('safety.fig.avgDays')} value={d.avgWorkingDaysToRectify ?? '—'} precision={d.avgWorkingDaysToRectify === null ? undefined : 1} />
            </Flex>
          </Card>
          <Card size="small" title={t('safety.stopWorkSites', { count: d.stopWorkSites.length })}>
            {d.stopWorkSites.length ? (
              <Table<Site> rowKey={(s) => s.project.id} size="small" pagination={false} dataSource={d.stopWorkSites} columns={[
                { key: 'p', title: t('safety.project'), render: (_, s) => <Flex gap={6} align="center"><Tag color="red">{t('safety.stopWork')}</Tag><Link to={`/projects/${s.project.id}`}>{s.project.name}</Link></Flex> },
                { key: 'since', title: t('safety.since'), responsive: ['sm'], render: (_, s) => formatDateTime(s.since) },
                { key: 'm', title: t('safety.fig.major'), width: 80, render: (_, s) => s.openMajorHazards },
              ]} />
            ) : <Typography.Text type="secondary">{t('safety.noStopWork')}</Typography.Text>}
          </Card>
          <Card size="small" title={t('safety.byCategory')}>
            <Table<Cat> rowKey="category" size="small" pagination={false} dataSource={d.byCategory}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('safety.ledgerEmpty')} /> }}
              columns={[
                { key: 'c', title: t('safety.category'), dataIndex: 'category' },
                { key: 't', title: t('safety.fig.hazards'), dataIndex: 'total', width: 70 },
                { key: 'o', title: t('safety.fig.open'), width: 70, render: (_, c) => <Typography.Text type={c.open ? 'danger' : undefined}>{c.open}</Typography.Text> },
                { key: 'cl', title: t('safety.fig.closed'), dataIndex: 'closed', width: 70, responsive: ['sm'] },
                { key: 'm', title: t('safety.fig.major'), dataIndex: 'major', width: 70, responsive: ['md'] },
                { key: 'g', title: t('safety.fig.general'), dataIndex: 'general', width: 70, responsive: ['md'] },
              ]} />
          </Card>
          {projectId ? (
            <Card size="small" title={t('safety.hazardList', { count: d.items.length })}>
              <Table<Row> rowKey="itemId" size="small" dataSource={d.items} pagination={{ pageSize: 20, simple: isMobile, hideOnSinglePage: true }}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('safety.ledgerEmpty')} /> }}
                columns={[
                  { key: 'h', title: t('safety.hazard'), render: (_, h) => (
                    <Flex vertical gap={2}>
                      <span><SeverityTag severity={h.severity} />{h.category}</span>
                      <Typography.Text>{h.text}</Typography.Text>
                      <Link to={`/inspections/${h.inspectionId}`} style={{ fontSize: 12 }}>{h.noticeNumber ?? t('safety.inspection')}</Link>
                    </Flex>
                  ) },
                  { key: 'case', title: t('safety.case'), width: isMobile ? 110 : 200, render: (_, h) => h.case ? (
                    <Flex vertical gap={2}>
                      <Link to={`/cases/${h.case.id}`}>{h.case.number}</Link>
                      <span>{h.open ? <Tag color={h.case.overdue ? 'red' : 'orange'}>{h.case.overdue ? t('safety.overdue') : t('safety.openTag')}</Tag> : <Tag color="success">{t('safety.rectified')}</Tag>}</span>
                    </Flex>
                  ) : '—' },
                  { key: 'by', title: t('safety.rectifyByColumn'), width: 150, responsive: ['md'], render: (_, h) => formatDateTime(h.rectifyBy) },
                ]} />
            </Card>
          ) : null}
        </Flex>
      ) : null}
    </>
  );
}
