import { Badge, Empty, Flex, List, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import { useMarkRead, type Notice } from '../api';

/** Notices, unread ones marked; clicking one marks it read and opens its link. */
export function NoticeList({ items, loading, onOpened, compact }: { items: Notice[]; loading?: boolean; onOpened?: () => void; compact?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const open = (n: Notice) => {
    if (!n.readAt) markRead.mutate(n.id);
    onOpened?.();
    if (n.link) {
      if (/^https?:\/\//.test(n.link)) window.open(n.link, '_blank', 'noopener');
      else navigate(n.link);
    }
  };
  return (
    <List
      loading={loading}
      dataSource={items}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} /> }}
      renderItem={(n) => (
        <List.Item style={{ cursor: 'pointer', paddingInline: 8, background: n.readAt ? undefined : '#f0f5ff' }} onClick={() => open(n)}>
          <Flex vertical gap={2} style={{ minWidth: 0, width: '100%' }}>
            <Flex gap={6} align="center">
              {n.readAt ? null : <Badge status="processing" aria-label={t('notifications.unreadOne')} />}
              <Typography.Text strong={!n.readAt} ellipsis={compact ? { tooltip: n.title } : false}>{n.title}</Typography.Text>
            </Flex>
            {n.body ? (
              <Typography.Text type="secondary" ellipsis={compact ? { tooltip: n.body } : false} style={{ whiteSpace: compact ? undefined : 'pre-wrap' }}>
                {n.body}
              </Typography.Text>
            ) : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(n.createdAt)}</Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}
