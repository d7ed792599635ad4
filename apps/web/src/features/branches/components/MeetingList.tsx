import { Button, Empty, Flex, List, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { useListParams } from '../../../shared/url';
import { useMeetings, type Meeting } from '../api';
import { MeetingStatusTag, MeetingTypeTag, MinutesStatusTag } from './tags';

interface Props {
  branchId?: string;
  /** The branch's "schedule a meeting" link, shown in the empty state when the caller may schedule. */
  scheduleHref?: string;
}

/** Meetings, newest first: of one branch, or of every branch the caller sees (and those they are invited to). */
export function MeetingList({ branchId, scheduleHref }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const { params, update } = useListParams([]);
  const list = useMeetings({ page: params.page, pageSize: params.pageSize, branchId });

  if (list.isError && !list.data) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const empty = (
    <Empty description={scheduleHref ? t('branches.meetingsEmptyCanSchedule') : t('branches.meetingsEmpty')}>
      {scheduleHref ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(scheduleHref)}>
          {t('branches.schedule')}
        </Button>
      ) : null}
    </Empty>
  );
  const resolutionsText = (m: Meeting) => t('branches.resolutionCount', { count: m.resolutions.length });
  const pagination = {
    current: params.page, pageSize: params.pageSize, total: list.data?.total ?? 0, size: 'small' as const,
    onChange: (page: number, pageSize: number) => update({ page, pageSize }, false),
  };

  if (isMobile) {
    return (
      <List
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: empty }}
        pagination={(list.data?.total ?? 0) > params.pageSize ? pagination : false}
        renderItem={(m) => (
          <List.Item key={m.id}>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Link to={`/meetings/${m.id}`}>{m.title}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(m.startsAt)} · {m.place}{branchId ? '' : ` · ${m.branchName}`}
              </Typography.Text>
              <Flex wrap gap={4}>
                <MeetingTypeTag type={m.type} />
                <MeetingStatusTag status={m.status} />
                <MinutesStatusTag status={m.minutesStatus} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{resolutionsText(m)}</Typography.Text>
              </Flex>
            </Flex>
          </List.Item>
        )}
      />
    );
  }

  const columns: TableProps<Meeting>['columns'] = [
    {
      key: 'title', title: t('branches.meetingTitle'),
      render: (_, m) => (
        <Flex vertical>
          <Link to={`/meetings/${m.id}`}>{m.title}</Link>
          {branchId ? null : <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.branchName}</Typography.Text>}
        </Flex>
      ),
    },
    { key: 'type', title: t('branches.meetingTypeLabel'), width: 120, render: (_, m) => <MeetingTypeTag type={m.type} /> },
    { key: 'startsAt', title: t('branches.startsAt'), width: 160, render: (_, m) => formatDateTime(m.startsAt) },
    { key: 'place', title: t('branches.place'), width: 180, responsive: ['lg'], dataIndex: 'place' },
    { key: 'status', title: t('branches.meetingStatusLabel'), width: 100, render: (_, m) => <MeetingStatusTag status={m.status} /> },
    { key: 'minutes', title: t('branches.minutesStatusLabel'), width: 100, render: (_, m) => <MinutesStatusTag status={m.minutesStatus} /> },
    { key: 'resolutions', title: t('branches.resolutions'), width: 90, responsive: ['xl'], render: (_, m) => m.resolutions.length },
  ];
  return (
    <Table<Meeting>
      rowKey="id"
      size="middle"
      loading={list.isFetching}
      columns={columns}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: empty }}
      pagination={pagination}
    />
  );
}
