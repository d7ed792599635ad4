import { useState } from 'react';
import { Alert, Button, Flex, Modal, Popconfirm, Typography } from 'antd';
import { CalendarOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { useIssueCalendarToken } from '../api';

/** The personal iCalendar feed: issue a token, show the URL to paste into a calendar app (a new one replaces the old). */
export function CalendarSubscribe({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [open, setOpen] = useState(false);
  const issue = useIssueCalendarToken();
  const url = issue.data?.url;
  const webcal = url?.replace(/^https?:/, 'webcal:');
  const run = () => issue.mutate(undefined, { onError: (e) => void feedback.error(e) });

  return (
    <>
      <Button icon={<CalendarOutlined />} onClick={() => setOpen(true)} aria-label={compact ? t('branches.calendar.button') : undefined}>
        {compact ? null : t('branches.calendar.button')}
      </Button>
      <Modal open={open} title={t('branches.calendar.title')} footer={null} onCancel={() => setOpen(false)} destroyOnHidden>
        <Flex vertical gap={12}>
          <Typography.Paragraph style={{ margin: 0 }}>{t('branches.calendar.intro')}</Typography.Paragraph>
          {url ? (
            <>
              <Typography.Text strong>{t('branches.calendar.url')}</Typography.Text>
              <Typography.Paragraph
                copyable={{ text: url, tooltips: [t('common.copy'), t('common.copied')] }}
                code
                style={{ wordBreak: 'break-all', margin: 0 }}
                data-testid="calendar-url"
              >
                {url}
              </Typography.Paragraph>
              {webcal ? (
                <a href={webcal}>{t('branches.calendar.openApp')}</a>
              ) : null}
              <Alert type="warning" showIcon title={t('branches.calendar.secret')} />
              <Popconfirm title={t('branches.calendar.renewConfirm')} okText={t('branches.calendar.renew')} cancelText={t('common.cancel')} onConfirm={run}>
                <Button loading={issue.isPending} style={{ alignSelf: 'flex-start' }}>{t('branches.calendar.renew')}</Button>
              </Popconfirm>
            </>
          ) : (
            <>
              <Alert type="info" showIcon title={t('branches.calendar.replaces')} />
              <Button type="primary" loading={issue.isPending} onClick={run} style={{ alignSelf: 'flex-start' }}>
                {t('branches.calendar.issue')}
              </Button>
            </>
          )}
        </Flex>
      </Modal>
    </>
  );
}
