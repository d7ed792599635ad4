import { useState } from 'react';
import { Flex, Input, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { LightTag, type Light } from '../../../shared/ui/tags';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { useRoster, type RosterItem } from '../api';

/** 专员名册: each commissioner, their project, days on site this month, open items, their assistants. */
export default function RosterPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const roster = useRoster();
  const [q, setQ] = useState('');
  if (roster.isError) return <ErrorState error={roster.error} onRetry={() => void roster.refetch()} />;
  const needle = q.trim();
  const rows = (roster.data ?? []).filter((r) => !needle || r.user.displayName.includes(needle) || (r.project?.name.includes(needle) ?? false));
  return (
    <>
      <PageHeader title={t('roster.title')} sub={roster.data ? t('roster.count', { count: roster.data.length }) : undefined} />
      <Input.Search allowClear placeholder={t('roster.search')} aria-label={t('roster.search')} onChange={(e) => setQ(e.target.value)} style={{ width: isMobile ? '100%' : 280, marginBottom: 12 }} />
      <Table<RosterItem>
        rowKey={(r) => r.user.id}
        size={isMobile ? 'small' : 'middle'}
        loading={roster.isFetching}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        locale={{ emptyText: needle ? t('roster.emptyFiltered') : t('roster.empty') }}
        columns={[
          {
            key: 'user', title: t('roster.commissioner'), sorter: (a, b) => a.user.displayName.localeCompare(b.user.displayName, 'zh-CN'),
            render: (_, r) => (
              <Flex vertical>
                <Typography.Text strong>{r.user.displayName}</Typography.Text>
                {r.user.phone ? <a href={`tel:${r.user.phone}`}>{r.user.phone}</a> : null}
              </Flex>
            ),
          },
          {
            key: 'project', title: t('roster.project'),
            render: (_, r) => r.project ? (
              <Flex vertical gap={2}>
                <Link to={`/projects/${r.project.id}`}>{r.project.name}</Link>
                <span><LightTag light={r.project.light as Light} /></span>
              </Flex>
            ) : <Typography.Text type="secondary">{t('roster.noProject')}</Typography.Text>,
          },
          { key: 'days', title: t('roster.days'), dataIndex: 'daysOnSiteThisMonth', width: 110, align: 'right', sorter: (a, b) => a.daysOnSiteThisMonth - b.daysOnSiteThisMonth },
          { key: 'logs', title: t('roster.logs'), dataIndex: 'siteLogsThisMonth', width: 110, align: 'right', responsive: ['md'], sorter: (a, b) => a.siteLogsThisMonth - b.siteLogsThisMonth },
          { key: 'open', title: t('roster.open'), dataIndex: 'openItems', width: 100, align: 'right', sorter: (a, b) => a.openItems - b.openItems, render: (v: number) => (v ? <Typography.Text type="warning" strong>{v}</Typography.Text> : 0) },
          { key: 'assistants', title: t('roster.assistants'), responsive: ['lg'], render: (_, r) => (r.assistants.length ? r.assistants.map((a) => <Tag key={a.id}>{a.displayName}</Tag>) : '—') },
        ]}
      />
    </>
  );
}
