import { useState } from 'react';
import { App, Alert, Button, Card, Empty, Flex, Form, List, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { FileExcelOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isoWeekOf, isoWeekRange } from '@liaison/contracts';
import { errorMessage } from '../../../shared/api/errors';
import { formatDateTime } from '../../../shared/format';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { downloadBriefing, useBriefings, type Briefing, type BriefingFormat } from '../api';
import { useWeekLabel, WeekSelect } from '../components/WeekSelect';
import { recentWeeks, todayShanghai } from '../period';

const FORMATS: { format: BriefingFormat; icon: React.ReactNode }[] = [
  { format: 'pdf', icon: <FilePdfOutlined /> },
  { format: 'docx', icon: <FileWordOutlined /> },
  { format: 'xlsx', icon: <FileExcelOutlined /> },
];

function useDownload() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const run = (week: string, format: BriefingFormat) => {
    setBusy(`${week}-${format}`);
    downloadBriefing(week, format).catch((e: unknown) => message.error(errorMessage(e, t))).finally(() => setBusy(null));
  };
  return { busy, run };
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function Downloads({ week, files, download }: { week: string; files?: Briefing['files']; download: ReturnType<typeof useDownload> }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap>
      {FORMATS.map(({ format, icon }) => {
        const f = files?.find((x) => x.format === format);
        return (
          <Button key={format} size={files ? 'small' : 'middle'} icon={icon} loading={download.busy === `${week}-${format}`} onClick={() => download.run(week, format)}>
            {t(`board.briefing.format.${format}`)}{f ? ` · ${sizeText(f.size)}` : ''}
          </Button>
        );
      })}
    </Flex>
  );
}

/** 工作简报: choose an ISO week and download it (PDF, Word, Excel); the archive of past weeks. */
export default function BriefingsPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const weekLabel = useWeekLabel();
  const [search, setSearch] = useSearchParams();
  const lastWeek = recentWeeks(todayShanghai(), 2)[1]!.week;
  const asked = search.get('week');
  const week = asked && isoWeekRange(asked) ? asked : lastWeek;
  const current = isoWeekOf(todayShanghai());
  const range = isoWeekRange(week)!;
  const download = useDownload();
  const [page, setPage] = useState(1);
  const archive = useBriefings({ page, pageSize: 20 });

  const columns: TableProps<Briefing>['columns'] = [
    { key: 'week', title: t('board.briefing.week'), render: (_, b) => weekLabel({ week: b.week, from: b.from, to: b.to }) },
    { key: 'generated', title: t('board.briefing.generated'), width: 220, responsive: ['md'], render: (_, b) => `${formatDateTime(b.generatedAt)} · ${b.generatedBy === 'system' ? t('board.briefing.system') : b.generatedBy}` },
    { key: 'files', title: t('board.briefing.files'), width: 430, render: (_, b) => <Downloads week={b.week} files={b.files} download={download} /> },
  ];

  return (
    <>
      <PageHeader title={t('board.briefing.title')} sub={t('board.briefing.subtitle')} />
      <Card size="small" title={t('board.briefing.choose')} style={{ marginBottom: 16 }}>
        <Form layout="vertical">
          <Form.Item label={t('board.briefing.week')} htmlFor="briefing-week" style={{ marginBottom: 12 }}>
            <WeekSelect id="briefing-week" value={week} onChange={(w) => setSearch(w ? { week: w } : {}, { replace: true })} style={{ width: isMobile ? '100%' : 340 }} />
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('board.briefing.range', { from: range.from, to: range.to })}
        </Typography.Paragraph>
        {week === current ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('board.briefing.draft')} /> : null}
        <Downloads week={week} download={download} />
      </Card>
      <Card size="small" title={t('board.briefing.archive')}>
        {archive.isError && !archive.data ? (
          <ErrorState error={archive.error} onRetry={() => void archive.refetch()} />
        ) : isMobile ? (
          <List
            loading={archive.isFetching}
            dataSource={archive.data?.items ?? []}
            locale={{ emptyText: <Empty description={t('board.briefing.archiveEmpty')} /> }}
            pagination={(archive.data?.total ?? 0) > 20 ? { current: page, pageSize: 20, total: archive.data?.total, size: 'small', onChange: setPage } : false}
            renderItem={(b) => (
              <List.Item key={b.id}>
                <Flex vertical gap={6}>
                  <Typography.Text strong>{weekLabel({ week: b.week, from: b.from, to: b.to })}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(b.generatedAt)}</Typography.Text>
                  <Downloads week={b.week} files={b.files} download={download} />
                </Flex>
              </List.Item>
            )}
          />
        ) : (
          <Table<Briefing>
            rowKey="id"
            size="small"
            loading={archive.isFetching}
            columns={columns}
            dataSource={archive.data?.items ?? []}
            locale={{ emptyText: <Empty description={t('board.briefing.archiveEmpty')} /> }}
            pagination={{ current: page, pageSize: 20, total: archive.data?.total ?? 0, size: 'small', onChange: setPage, hideOnSinglePage: true }}
          />
        )}
      </Card>
    </>
  );
}
