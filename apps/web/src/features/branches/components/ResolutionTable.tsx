import type { ReactNode } from 'react';
import { Empty, Flex, List, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import type { Meeting, Resolution } from '../api';
import { ResolutionCase, ResolutionStateTag } from './tags';

type Row = Resolution & { meeting?: Pick<Meeting, 'id' | 'title' | 'startsAt'> };

interface Props {
  resolutions: Row[];
  loading?: boolean;
  empty: ReactNode;
  /** agenda item titles by id (on the meeting page) */
  agendaTitles?: Record<string, string>;
}

/** Resolutions: text, owner unit, due date, state, and the case each became (number, live status, link). */
export function ResolutionTable({ resolutions, loading, empty, agendaTitles }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const source = (r: Row) =>
    r.meeting ? (
      <Link to={`/meetings/${r.meeting.id}`} style={{ fontSize: 12 }}>{r.meeting.title}</Link>
    ) : r.agendaItemId && agendaTitles?.[r.agendaItemId] ? (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{agendaTitles[r.agendaItemId]}</Typography.Text>
    ) : null;
  const owner = (r: Row) => (r.needsAction ? (r.ownerUnit?.name ?? '—') : t('branches.noActionNeeded'));

  if (isMobile) {
    return (
      <List
        loading={loading}
        dataSource={resolutions}
        locale={{ emptyText: <Empty description={empty} /> }}
        renderItem={(r) => (
          <List.Item key={r.id} data-testid="resolution">
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Typography.Text>{r.text}</Typography.Text>
              {source(r)}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {owner(r)}{r.dueDate ? ` · ${t('branches.dueOn', { date: formatDate(r.dueDate) })}` : ''}
              </Typography.Text>
              <Flex wrap gap={8} align="center">
                <ResolutionStateTag state={r.state} />
                <ResolutionCase resolution={r} />
              </Flex>
            </Flex>
          </List.Item>
        )}
      />
    );
  }
  const columns: TableProps<Row>['columns'] = [
    { key: 'text', title: t('branches.resolutionText'), render: (_, r) => <Flex vertical><span>{r.text}</span>{source(r)}</Flex> },
    { key: 'owner', title: t('branches.ownerUnit'), width: 150, render: (_, r) => owner(r) },
    { key: 'due', title: t('branches.dueDate'), width: 110, render: (_, r) => formatDate(r.dueDate) },
    { key: 'state', title: t('branches.resolutionStateLabel'), width: 90, render: (_, r) => <ResolutionStateTag state={r.state} /> },
    { key: 'case', title: t('branches.case'), width: 220, render: (_, r) => <ResolutionCase resolution={r} /> },
  ];
  return (
    <Table<Row>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={resolutions}
      pagination={resolutions.length > 20 ? { pageSize: 20, size: 'small' } : false}
      locale={{ emptyText: <Empty description={empty} /> }}
      onRow={() => ({ 'data-testid': 'resolution' }) as React.HTMLAttributes<HTMLElement>}
    />
  );
}
