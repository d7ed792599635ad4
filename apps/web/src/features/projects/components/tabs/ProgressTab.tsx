import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Popconfirm, Progress, Skeleton, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../../shared/api/useFeedback';
import { formatDateTime, formatWan } from '../../../../shared/format';
import { ErrorState } from '../../../../shared/ui/ErrorState';
import { FileThumb } from '../../../../shared/ui/FileThumb';
import { useDecideProgressReport, useProgressReports, type ProgressReport, type ProjectDetail } from '../../api';
import { ProgressReportModal } from '../ProgressReportModal';
import { ReturnReportModal } from '../ReturnReportModal';

const statusColor = { submitted: 'processing', confirmed: 'success', returned: 'error' } as const;

export default function ProgressTab({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const list = useProgressReports(project.id);
  const decide = useDecideProgressReport(project.id);
  const feedback = useFeedback();
  const [submitting, setSubmitting] = useState(false);
  const [returning, setReturning] = useState<ProgressReport | null>(null);
  const canReport = project.allowedActions.includes('report-progress');
  const canConfirm = project.allowedActions.includes('confirm-progress');
  const wan = (v: number) => `${formatWan(v)} ${t('common.wanYuan')}`;

  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const reports = list.data ?? [];
  return (
    <Flex vertical gap={12}>
      {canReport ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setSubmitting(true)} style={{ alignSelf: 'flex-start' }}>
          {t('progress.submit')}
        </Button>
      ) : null}
      {list.isPending ? <Skeleton active /> : null}
      {!list.isPending && reports.length === 0 ? (
        <Empty description={canReport ? t('progress.emptyReporter') : t('progress.empty')} />
      ) : null}
      {reports.map((r) => (
        <Card
          key={r.id}
          size="small"
          title={
            <Space wrap>
              <span>{t('progress.reportOf', { period: r.period })}</span>
              <Tag color={statusColor[r.status]}>{t(`progress.status.${r.status}`)}</Tag>
            </Space>
          }
          extra={
            canConfirm && r.status === 'submitted' ? (
              <Space size={4}>
                <Popconfirm
                  title={t('progress.confirmConfirm', { period: r.period })}
                  okText={t('progress.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() =>
                    decide.mutateAsync({ reportId: r.id, confirm: true, version: r.version }).then(
                      () => feedback.success('progress.confirmed'),
                      (e: unknown) => void feedback.error(e, { onStale: () => void list.refetch() }),
                    )
                  }
                >
                  <Button size="small" type="primary">
                    {t('progress.confirm')}
                  </Button>
                </Popconfirm>
                <Button size="small" danger onClick={() => setReturning(r)}>
                  {t('progress.return')}
                </Button>
              </Space>
            ) : null
          }
        >
          <Flex vertical gap={8}>
            <Progress percent={r.percentDone} aria-label={t('progress.percentDone')} />
            <Space wrap size={[16, 4]}>
              <span>{t('progress.investmentPeriod')}: {wan(r.investmentPeriod)}</span>
              <span>{t('progress.investmentToDate')}: {wan(r.investmentToDate)}</span>
            </Space>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.narrative}</Typography.Paragraph>
            {r.photoIds.length ? (
              <Flex wrap gap={8}>
                {r.photoIds.map((id, i) => (
                  <FileThumb key={id} file={{ id, name: t('progress.photoN', { n: i + 1 }), hasThumbnail: true }} size={72} />
                ))}
              </Flex>
            ) : null}
            {r.status === 'returned' && r.returnReason ? <Alert type="error" showIcon title={t('progress.returnedBecause', { reason: r.returnReason })} /> : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('progress.submittedBy', { name: r.submittedBy?.displayName ?? '—', at: formatDateTime(r.submittedAt) })}
              {r.confirmedAt ? ` · ${t('progress.confirmedAt', { at: formatDateTime(r.confirmedAt) })}` : ''}
            </Typography.Text>
          </Flex>
        </Card>
      ))}
      {submitting ? <ProgressReportModal projectId={project.id} onClose={() => setSubmitting(false)} /> : null}
      {returning ? <ReturnReportModal projectId={project.id} report={returning} onClose={() => setReturning(null)} /> : null}
    </Flex>
  );
}
