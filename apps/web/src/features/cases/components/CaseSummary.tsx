import { Alert, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import type { CaseDetail } from '../api';
import { CaseLightTag, CaseStatusTag, DaysLeft, SupervisionTag } from './CaseTags';

type CaseUnit = CaseDetail['units'][number];

function SourceLink({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  if (!c.sourceRef) return <>—</>;
  if (c.sourceRef.type === 'site_log') return <Link to={`/site-logs/${c.sourceRef.id}`}>{t('caseLinks.siteLog')}</Link>;
  return <span>{t(`caseLinks.${c.sourceRef.type}`, { defaultValue: c.sourceRef.type })}</span>;
}

/** Status, light, clock, supervision, who handles it, and the links to what it hangs off. */
export function CaseSummary({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const waitingSign = c.clockState === 'sign';
  return (
    <Flex vertical gap={12}>
      {c.extensionRequest ? (
        <Alert type="info" showIcon title={t('cases.extensionPending', { days: c.extensionRequest.days, reason: c.extensionRequest.reason })} />
      ) : null}
      <Card size="small">
        <Descriptions
          size="small"
          column={isMobile ? 1 : 3}
          items={[
            { key: 'status', label: t('cases.status'), children: <CaseStatusTag status={c.status} /> },
            { key: 'light', label: t('cases.light'), children: <CaseLightTag light={c.light} /> },
            { key: 'supervision', label: t('cases.supervision'), children: <SupervisionTag level={c.supervisionLevel} /> },
            {
              key: 'deadline',
              label: waitingSign ? t('cases.signDeadline') : t('cases.deadline'),
              children: (
                <Flex vertical>
                  <span>{formatDateTime(waitingSign ? c.signDeadline : c.deadline)}</span>
                  <DaysLeft c={c} />
                </Flex>
              ),
            },
            { key: 'limit', label: t('cases.limitDays'), children: c.limitDays ? t('common.workingDays', { count: c.limitDays }) : '—' },
            { key: 'type', label: t('cases.type'), children: `${t(`caseType.${c.type}`)}${c.category ? ` · ${c.category}` : ''}` },
            { key: 'priority', label: t('cases.priority'), children: c.priority === 'urgent' ? <Tag color="red">{t('casePriority.urgent')}</Tag> : t('casePriority.normal') },
            { key: 'source', label: t('cases.source'), children: t(`caseSource.${c.source}`) },
            { key: 'reporter', label: t('cases.reporter'), children: [c.reporter?.displayName, c.reporterUnit?.name].filter(Boolean).join(' · ') || '—' },
            { key: 'lead', label: t('cases.leadUnit'), children: c.leadUnit?.name ?? '—' },
            { key: 'assignee', label: t('cases.assignee'), children: c.assignee?.displayName ?? '—' },
            { key: 'createdAt', label: t('cases.createdAt'), children: formatDateTime(c.createdAt) },
            { key: 'project', label: t('cases.project'), children: <Link to={`/projects/${c.project.id}`}>{c.project.name}</Link> },
            { key: 'sourceRef', label: t('cases.origin'), children: <SourceLink c={c} /> },
            ...(c.mergedIntoId ? [{ key: 'merged', label: t('cases.mergedInto'), children: <Link to={`/cases/${c.mergedIntoId}`}>{t('caseLinks.mergedCase')}</Link> }] : []),
            ...(c.closedAt ? [{ key: 'closedAt', label: t('cases.closedAt'), children: formatDateTime(c.closedAt) }] : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('cases.description')}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.description}</Typography.Paragraph>
      </Card>
      {c.publicReply ? (
        <Card size="small" title={t('cases.publicReply')} extra={c.answeredAt ? formatDateTime(c.answeredAt) : null}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.publicReply}</Typography.Paragraph>
          {c.rating ? <Typography.Text type="secondary">{t('cases.ratedAs', { rating: t(`caseRating.${c.rating}`) })}{c.ratingComment ? ` — ${c.ratingComment}` : ''}</Typography.Text> : null}
        </Card>
      ) : null}
      {c.units.length ? (
        <Card size="small" title={t('cases.units')}>
          <Table<CaseUnit>
            rowKey={(u) => `${u.unit.id}-${u.role}`}
            size="small"
            pagination={false}
            dataSource={c.units}
            scroll={{ x: isMobile ? 520 : undefined }}
            columns={[
              { key: 'unit', title: t('cases.unit'), render: (_, u) => <span>{u.unit.name} <Tag>{t(`caseUnitRole.${u.role}`)}</Tag>{u.active ? null : <Tag>{t('cases.inactive')}</Tag>}</span> },
              { key: 'status', title: t('cases.status'), width: 90, render: (_, u) => t(`caseUnitStatus.${u.status}`) },
              { key: 'sign', title: t('cases.signDeadline'), width: 140, render: (_, u) => (u.signedAt ? t('cases.signedAt', { at: formatDateTime(u.signedAt) }) : formatDateTime(u.signDeadline)) },
              { key: 'deadline', title: t('cases.deadline'), width: 140, render: (_, u) => formatDateTime(u.deadline) },
            ]}
          />
        </Card>
      ) : null}
    </Flex>
  );
}
