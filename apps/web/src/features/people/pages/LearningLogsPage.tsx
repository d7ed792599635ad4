import { useState } from 'react';
import { Button, Card, Empty, Flex, Input, List, Pagination, Tag, Typography } from 'antd';
import { CommentOutlined, PlusOutlined, StarOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../shared/format';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { useListParams } from '../../../shared/url';
import { useCan, useCurrentSession } from '../../session/api';
import { useEvaluations, useLearningLogs, useMyAssistants, useProjectAssignmentsOfUser, type LearningLog } from '../api';
import { CommentModal } from '../components/CommentModal';
import { EvaluationModal } from '../components/EvaluationModal';
import { LearningLogModal } from '../components/LearningLogModal';

/** 跟班学习记录: assistants write, mentors comment; end-of-term evaluations below. */
export default function LearningLogsPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const session = useCurrentSession();
  const canWrite = useCan('learning.write');
  const isMentor = useCan('learning.mentor');
  const { params, update } = useListParams(['from', 'to']);
  const logs = useLearningLogs({ page: params.page, pageSize: params.pageSize, ...params.filters });
  const evaluations = useEvaluations();
  const mine = useProjectAssignmentsOfUser(session.user.id, canWrite);
  const mentees = useMyAssistants(session.user.id, isMentor);
  const [writing, setWriting] = useState(false);
  const [commenting, setCommenting] = useState<LearningLog | null>(null);
  const [evaluating, setEvaluating] = useState(false);

  if (logs.isError && !logs.data) return <ErrorState error={logs.error} onRetry={() => void logs.refetch()} />;
  return (
    <>
      <PageHeader
        title={t('learning.title')}
        sub={t('learning.sub')}
        extra={
          <>
            {canWrite ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setWriting(true)}>{t('learning.write')}</Button> : null}
            {isMentor && mentees.data?.length ? <Button icon={<StarOutlined />} onClick={() => setEvaluating(true)}>{t('learning.evaluate')}</Button> : null}
          </>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Input type="date" aria-label={t('siteLogs.from')} value={params.filters.from ?? ''} onChange={(e) => update({ from: e.target.value || undefined })} style={{ width: isMobile ? 'calc(50% - 4px)' : 160 }} />
        <Input type="date" aria-label={t('siteLogs.to')} value={params.filters.to ?? ''} onChange={(e) => update({ to: e.target.value || undefined })} style={{ width: isMobile ? 'calc(50% - 4px)' : 160 }} />
      </Flex>
      <Card size="small" title={t('learning.logs')} style={{ marginBottom: 16 }}>
        <List<LearningLog>
          loading={logs.isFetching}
          dataSource={logs.data?.items ?? []}
          locale={{ emptyText: <Empty description={canWrite ? t('learning.emptyWriter') : t('learning.empty')} /> }}
          renderItem={(l) => (
            <List.Item actions={isMentor ? [<Button key="c" size="small" icon={<CommentOutlined />} onClick={() => setCommenting(l)}>{l.mentorComment ? t('learning.editComment') : t('learning.addComment')}</Button>] : undefined}>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Typography.Text strong>{formatDate(l.date)} · {l.assistant.displayName}</Typography.Text>
                <Typography.Text><Tag>{t('learning.activities')}</Tag>{l.activities}</Typography.Text>
                <Typography.Text><Tag color="green">{t('learning.learned')}</Tag>{l.learned}</Typography.Text>
                {l.mentorComment ? (
                  <Typography.Text type="secondary"><Tag color="blue">{t('learning.comment')}</Tag>{l.mentorComment} {l.mentorCommentedAt ? `(${formatDateTime(l.mentorCommentedAt)})` : ''}</Typography.Text>
                ) : <Typography.Text type="secondary">{t('learning.noComment')}</Typography.Text>}
              </Flex>
            </List.Item>
          )}
        />
        {logs.data && logs.data.total > params.pageSize ? (
          <Pagination style={{ marginTop: 12 }} simple={isMobile} current={params.page} pageSize={params.pageSize} total={logs.data.total} onChange={(p) => update({ page: p > 1 ? p : undefined }, false)} />
        ) : null}
      </Card>
      <Card size="small" title={t('learning.evaluations')}>
        <List
          loading={evaluations.isFetching}
          dataSource={evaluations.data ?? []}
          locale={{ emptyText: <Empty description={t('learning.noEvaluations')} /> }}
          renderItem={(e) => (
            <List.Item>
              <Flex vertical gap={4}>
                <Typography.Text strong>{e.assistant.displayName} · <Tag color="gold">{t(`evaluationRating.${e.rating}`)}</Tag></Typography.Text>
                <Typography.Text>{e.comment}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('learning.evaluatedBy', { name: e.mentor.displayName, date: e.termEnd })}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
      {writing ? <LearningLogModal projects={mine.data ?? []} onClose={() => setWriting(false)} /> : null}
      {commenting ? <CommentModal log={commenting} onClose={() => setCommenting(null)} /> : null}
      {evaluating ? <EvaluationModal mentees={mentees.data ?? []} onClose={() => setEvaluating(false)} /> : null}
    </>
  );
}
