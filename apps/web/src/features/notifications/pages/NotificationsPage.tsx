import { Button, Card, Pagination, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useListParams } from '../../../shared/url';
import { useMarkAllRead, useNotifications } from '../api';
import { NoticeList } from '../components/NoticeList';

export default function NotificationsPage() {
  const { t } = useTranslation();
  const { params, update } = useListParams(['unread']);
  const list = useNotifications({ page: params.page, pageSize: params.pageSize, unread: params.filters.unread });
  const markAll = useMarkAllRead();
  if (list.isError && !list.data) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        sub={list.data ? t('notifications.unreadCount', { count: list.data.unread }) : undefined}
        extra={<Button disabled={!list.data?.unread} loading={markAll.isPending} onClick={() => markAll.mutate()}>{t('notifications.markAll')}</Button>}
      />
      <Segmented
        style={{ marginBottom: 12 }}
        value={params.filters.unread === 'true' ? 'unread' : 'all'}
        onChange={(v) => update({ unread: v === 'unread' ? 'true' : undefined })}
        options={[{ value: 'all', label: t('common.all') }, { value: 'unread', label: t('notifications.unreadOnly') }]}
      />
      <Card size="small">
        <NoticeList items={list.data?.items ?? []} loading={list.isFetching} />
      </Card>
      {list.data && list.data.total > params.pageSize ? (
        <Pagination style={{ marginTop: 12 }} current={params.page} pageSize={params.pageSize} total={list.data.total} onChange={(p) => update({ page: p > 1 ? p : undefined }, false)} />
      ) : null}
    </>
  );
}
