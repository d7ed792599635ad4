import { useState } from 'react';
import { App, Badge, Button, Drawer, Empty, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import { CloudUploadOutlined, DisconnectOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import { deleteDraft, saveDraft } from '../offline/drafts';
import { useDrafts, useFlushDrafts, useOnline, useOutboxSync } from '../offline/useOutbox';

/** Header indicator: offline, and the site logs waiting on this device to be sent. */
export function OutboxButton({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  useOutboxSync();
  const drafts = useDrafts();
  const online = useOnline();
  const flush = useFlushDrafts();
  const [open, setOpen] = useState(false);
  const [sending, setSending] = useState(false);

  const sendNow = async () => {
    setSending(true);
    // Drafts the server refused once get another chance when the user asks.
    for (const d of drafts) if (d.status === 'needs-attention') await saveDraft({ ...d, status: 'waiting', error: undefined });
    const sent = await flush();
    setSending(false);
    void message.info(t('outbox.sentCount', { count: sent }));
  };

  return (
    <>
      {!online ? (
        <Tag icon={<DisconnectOutlined />} color="warning" style={{ marginInlineEnd: 0 }}>
          {t('outbox.offline')}
        </Tag>
      ) : null}
      {drafts.length ? (
        <Badge count={drafts.length} size="small" offset={[-4, 4]}>
          <Button
            type="text"
            icon={<CloudUploadOutlined />}
            onClick={() => setOpen(true)}
            aria-label={t('outbox.waiting', { count: drafts.length })}
          >
            {compact ? null : t('outbox.waiting', { count: drafts.length })}
          </Button>
        </Badge>
      ) : null}
      <Drawer open={open} onClose={() => setOpen(false)} title={t('outbox.title')} size={360}>
        <Typography.Paragraph type="secondary">{t('outbox.hint')}</Typography.Paragraph>
        <List
          dataSource={drafts}
          locale={{ emptyText: <Empty description={t('outbox.empty')} /> }}
          renderItem={(d) => (
            <List.Item
              actions={[
                <Popconfirm
                  key="del"
                  title={t('outbox.deleteConfirm')}
                  okText={t('common.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => void deleteDraft(d.key)}
                >
                  <Button size="small" danger type="link">
                    {t('common.delete')}
                  </Button>
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={`${d.body.date} · ${d.projectName}`}
                description={
                  <Flex vertical gap={2}>
                    <span>
                      <Tag color={d.status === 'needs-attention' ? 'error' : d.status === 'sending' ? 'processing' : 'warning'}>
                        {t(`outbox.status.${d.status}`)}
                      </Tag>
                      {t('outbox.photos', { count: d.photos.length })}
                    </span>
                    {d.error ? <Typography.Text type="danger">{d.error}</Typography.Text> : null}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('outbox.savedAt', { at: formatDateTime(d.createdAt) })}
                    </Typography.Text>
                  </Flex>
                }
              />
            </List.Item>
          )}
        />
        <Button type="primary" block disabled={!online || !drafts.length} loading={sending} onClick={() => void sendNow()} style={{ marginTop: 12 }}>
          {t('outbox.sendNow')}
        </Button>
      </Drawer>
    </>
  );
}
