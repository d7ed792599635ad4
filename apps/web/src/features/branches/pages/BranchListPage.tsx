import { useState } from 'react';
import { Button, Empty, Flex, List, Segmented, Table, Tabs, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { useListParams } from '../../../shared/url';
import { useCan } from '../../session/api';
import { useBranches, type Branch } from '../api';
import { onTimeShare } from '../bodies';
import { BranchFiguresCard } from '../components/BranchFiguresCard';
import { CalendarSubscribe } from '../components/CalendarSubscribe';
import { CreateBranchModal } from '../components/CreateBranchModal';
import { MeetingList } from '../components/MeetingList';
import { BranchStatusTag } from '../components/tags';

function ResolutionSummary({ b }: { b: Branch }) {
  const { t } = useTranslation();
  const share = onTimeShare(b.resolutions);
  if (!b.resolutions.total) return <Typography.Text type="secondary">{t('branches.noResolutions')}</Typography.Text>;
  return (
    <Flex vertical>
      <span>{t('branches.resolutionsDone', { done: b.resolutions.done, total: b.resolutions.total })}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('branches.onTimeShare', { share: share ?? 0 })}
        {b.resolutions.overdue ? <Typography.Text type="danger" style={{ fontSize: 12 }}> · {t('branches.overdueCount', { count: b.resolutions.overdue })}</Typography.Text> : null}
      </Typography.Text>
    </Flex>
  );
}

function BranchTable() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const canManage = useCan('branch.manage');
  const { params, update } = useListParams(['status']);
  const list = useBranches({ page: params.page, pageSize: params.pageSize, status: params.filters.status });
  if (list.isError && !list.data) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;

  const empty = <Empty description={params.filters.status ? t('branches.emptyFiltered') : canManage ? t('branches.emptyManager') : t('branches.empty')} />;
  const pagination = {
    current: params.page, pageSize: params.pageSize, total: list.data?.total ?? 0, size: 'small' as const,
    showTotal: (n: number) => t('branches.total', { count: n }),
    onChange: (page: number, pageSize: number) => update({ page, pageSize }, false),
  };
  const filter = (
    <Segmented
      value={params.filters.status ?? 'all'}
      onChange={(v) => update({ status: v === 'all' ? undefined : String(v) })}
      options={[
        { value: 'all', label: t('common.all') },
        { value: 'active', label: t('branches.status.active') },
        { value: 'closed', label: t('branches.status.closed') },
      ]}
      style={{ marginBottom: 12 }}
    />
  );
  const columns: TableProps<Branch>['columns'] = [
    {
      key: 'name', title: t('branches.name'),
      render: (_, b) => (
        <Flex vertical>
          <Link to={`/branches/${b.id}`}>{b.name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{b.project.name}</Typography.Text>
        </Flex>
      ),
    },
    { key: 'status', title: t('branches.statusLabel'), width: 90, render: (_, b) => <BranchStatusTag status={b.status} /> },
    { key: 'founded', title: t('branches.foundedOn'), width: 110, responsive: ['lg'], render: (_, b) => formatDate(b.foundedOn) },
    {
      key: 'lead', title: t('branches.secretaryDeputy'), width: 160, responsive: ['md'],
      render: (_, b) => <Flex vertical><span>{b.secretary ?? '—'}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{b.deputy ?? ''}</Typography.Text></Flex>,
    },
    { key: 'members', title: t('branches.members'), width: 80, align: 'right', render: (_, b) => b.memberCount },
    { key: 'resolutions', title: t('branches.resolutions'), width: 170, render: (_, b) => <ResolutionSummary b={b} /> },
  ];

  return (
    <>
      {filter}
      {isMobile ? (
        <List
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: empty }}
          pagination={(list.data?.total ?? 0) > params.pageSize ? pagination : false}
          renderItem={(b) => (
            <List.Item key={b.id}>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex justify="space-between" gap={8}>
                  <Link to={`/branches/${b.id}`}>{b.name}</Link>
                  <BranchStatusTag status={b.status} />
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('branches.secretaryIs', { name: b.secretary ?? '—' })} · {t('branches.memberCount', { count: b.memberCount })}
                </Typography.Text>
                <ResolutionSummary b={b} />
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <Table<Branch> rowKey="id" size="middle" loading={list.isFetching} columns={columns} dataSource={list.data?.items ?? []} locale={{ emptyText: empty }} pagination={pagination} />
      )}
    </>
  );
}

/** 项目临时党支部: the branches, the district's meeting figures, and every meeting. */
export default function BranchListPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const canManage = useCan('branch.manage');
  const [search, setSearch] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const tab = search.get('tab') === 'meetings' ? 'meetings' : 'branches';

  return (
    <>
      <PageHeader
        title={t('branches.title')}
        sub={t('branches.subtitle')}
        extra={
          <>
            <CalendarSubscribe compact={isMobile} />
            {canManage ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('branches.create')}</Button> : null}
          </>
        }
      />
      <Tabs
        activeKey={tab}
        destroyOnHidden
        onChange={(key) => setSearch(key === 'branches' ? {} : { tab: key }, { replace: true })}
        items={[
          {
            key: 'branches', label: t('branches.tabBranches'),
            children: (
              <Flex vertical gap={16}>
                <BranchTable />
                <BranchFiguresCard />
              </Flex>
            ),
          },
          { key: 'meetings', label: t('branches.tabMeetings'), children: <MeetingList /> },
        ]}
      />
      {creating ? <CreateBranchModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
