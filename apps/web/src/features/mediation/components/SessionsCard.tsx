import { useState } from 'react';
import { Button, Card, Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { useMediationSessions, type Dispute } from '../api';
import { SessionModal } from './SessionModal';

const outcomeColor = { agreement: 'success', partial: 'processing', no_agreement: 'error', adjourned: 'default' } as const;

/** The mediation sessions (调解笔录) of a dispute, newest last, and "record a session". */
export function SessionsCard({ dispute: d }: { dispute: Dispute }) {
  const { t } = useTranslation();
  const sessions = useMediationSessions(d.caseId);
  const [open, setOpen] = useState(false);
  const can = d.allowedActions.includes('record-session');
  return (
    <Card size="small" title={t('mediation.sessions', { count: sessions.data?.length ?? d.sessions })}
      extra={can ? <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)}>{t('mediation.sessionNew')}</Button> : null}>
      {sessions.isPending ? <Skeleton active /> : sessions.isError ? <ErrorState error={sessions.error} /> : sessions.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={can ? t('mediation.sessionsEmptyWorker') : t('mediation.sessionsEmpty')} />
      ) : (
        <Timeline items={sessions.data.map((s) => ({
          key: s.id,
          color: s.outcome === 'agreement' ? 'green' : s.outcome === 'no_agreement' ? 'red' : 'blue',
          content: (
            <Flex vertical gap={4} data-session={s.id}>
              <Flex gap={6} wrap align="center">
                <Typography.Text strong>{formatDateTime(s.heldAt)}</Typography.Text>
                <Tag color={outcomeColor[s.outcome]}>{t(`mediation.outcomes.${s.outcome}`)}</Tag>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {s.place} · {t('mediation.mediatorIs', { name: s.mediatorName })} · {t('mediation.recordedBy', { name: s.recordedBy.displayName })}
              </Typography.Text>
              <Typography.Text style={{ fontSize: 13 }}>
                {t('mediation.attendeesAre')}{s.attendees.map((a) => t('approvals.paren', { name: a.name, extra: a.role })).join(t('common.listSeparator'))}
              </Typography.Text>
              {s.statements.map((st, i) => (
                <Typography.Paragraph key={i} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  <Typography.Text strong>{t('mediation.speakerSays', { speaker: st.speaker })}</Typography.Text>{st.text}
                </Typography.Paragraph>
              ))}
              {s.notes ? <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>{s.notes}</Typography.Text> : null}
            </Flex>
          ),
        }))} />
      )}
      {open ? <SessionModal dispute={d} onClose={() => setOpen(false)} /> : null}
    </Card>
  );
}
