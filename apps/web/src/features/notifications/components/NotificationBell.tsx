import { useState } from 'react';
import { Badge, Button, Divider, Flex, Popover } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMarkAllRead, useNotifications, useUnreadCount } from '../api';
import { NoticeList } from './NoticeList';

/** Bell with the unread count (polled every minute) and the latest notices. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const latest = useNotifications({ page: 1, pageSize: 6 });
  const markAll = useMarkAllRead();
  const count = unread.data ?? 0;
  const content = (
    <div style={{ width: 'min(340px, calc(100vw - 32px))' }}>
      <NoticeList items={latest.data?.items ?? []} loading={latest.isFetching && !latest.data} onOpened={() => setOpen(false)} compact />
      <Divider style={{ margin: '8px 0' }} />
      <Flex justify="space-between">
        <Button size="small" type="link" disabled={!count} loading={markAll.isPending} onClick={() => markAll.mutate()}>{t('notifications.markAll')}</Button>
        <Link to="/notifications" onClick={() => setOpen(false)}>{t('notifications.viewAll')}</Link>
      </Flex>
    </div>
  );
  return (
    <Popover trigger="click" open={open} onOpenChange={(o) => { setOpen(o); if (o) void latest.refetch(); }} content={content} title={t('notifications.title')} placement="bottomRight">
      <Button type="text" aria-label={t('notifications.bell', { count })}>
        <Badge count={count} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
