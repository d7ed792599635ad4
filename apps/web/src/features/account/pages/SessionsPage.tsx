import { Button, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { formatDateTime } from '../../../shared/format';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { useMySessions, useRevokeSession, type SessionItem } from '../api';

export default function SessionsPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const sessions = useMySessions();
  const revoke = useRevokeSession();
  const feedback = useFeedback();

  const columns: TableProps<SessionItem>['columns'] = [
    {
      key: 'device',
      title: t('sessions.device'),
      render: (_, s) => (
        <div>
          <Typography.Text ellipsis style={{ maxWidth: isMobile ? 180 : 360 }} title={s.userAgent ?? undefined}>
            {s.userAgent ?? t('sessions.unknownDevice')}
          </Typography.Text>
          {s.current ? (
            <Tag color="blue" style={{ marginInlineStart: 8 }}>
              {t('sessions.current')}
            </Tag>
          ) : null}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.ip ?? '—'}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { key: 'createdAt', dataIndex: 'createdAt', title: t('sessions.createdAt'), responsive: ['md'], render: (v: string) => formatDateTime(v) },
    { key: 'lastSeenAt', dataIndex: 'lastSeenAt', title: t('sessions.lastSeenAt'), render: (v: string) => formatDateTime(v) },
    { key: 'expiresAt', dataIndex: 'expiresAt', title: t('sessions.expiresAt'), responsive: ['lg'], render: (v: string) => formatDateTime(v) },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 110,
      render: (_, s) =>
        s.current ? (
          <Typography.Text type="secondary">{t('sessions.thisOne')}</Typography.Text>
        ) : (
          <Popconfirm
            title={t('sessions.revokeConfirm')}
            okText={t('sessions.revoke')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              revoke.mutateAsync(s.id).then(
                () => feedback.success('sessions.revoked'),
                (e: unknown) => void feedback.error(e),
              )
            }
          >
            <Button size="small" danger type="link">
              {t('sessions.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  if (sessions.isError) return <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />;

  return (
    <>
      <PageHeader title={t('sessions.title')} sub={t('sessions.hint')} />
      <Table<SessionItem>
        rowKey="id"
        size={isMobile ? 'small' : 'middle'}
        columns={columns}
        dataSource={sessions.data ?? []}
        loading={sessions.isFetching}
        pagination={false}
        scroll={{ x: isMobile ? 480 : undefined }}
      />
    </>
  );
}
