import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FileThumb } from '../../../shared/ui/FileThumb';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { useCan } from '../../session/api';
import type { SiteLog } from '../api';
import { RaiseProblemModal } from './RaiseProblemModal';

/** One day on site, with its photos and the problems raised from it. */
export function SiteLogCard({ log, showProject = true }: { log: SiteLog; showProject?: boolean }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const canWrite = useCan('sitelog.write');
  const [raising, setRaising] = useState(false);
  const [raised, setRaised] = useState<SiteLog['problems'][number] | null>(null);
  const time = [log.timeIn, log.timeOut].filter(Boolean).join('–');

  return (
    <Card
      size="small"
      title={
        <Flex wrap gap={8} align="center">
          <Link to={`/site-logs/${log.id}`}>{log.date}</Link>
          {showProject ? <Typography.Text type="secondary">{log.projectName}</Typography.Text> : null}
        </Flex>
      }
      extra={
        canWrite ? (
          <Button size="small" icon={<ExclamationCircleOutlined />} onClick={() => setRaising(true)}>
            {isMobile ? t('siteLogs.raiseShort') : t('siteLogs.raiseProblem')}
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={8}>
        <Flex wrap gap={4}>
          {log.duties.map((d) => (
            <Tag key={d} color="blue">
              {t(`duty.${d}`)}
            </Tag>
          ))}
        </Flex>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'author', label: t('siteLogs.author'), children: log.author.displayName },
            ...(time ? [{ key: 'time', label: t('siteLogs.time'), children: time }] : []),
            ...(log.weather ? [{ key: 'weather', label: t('siteLogs.weather'), children: log.weather }] : []),
            ...(log.seen ? [{ key: 'seen', label: t('siteLogs.seen'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{log.seen}</span> }] : []),
            { key: 'done', label: t('siteLogs.done'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{log.done}</span> },
            ...(log.peopleMet ? [{ key: 'peopleMet', label: t('siteLogs.peopleMet'), children: log.peopleMet }] : []),
          ]}
        />
        {log.photos.length ? (
          <Flex wrap gap={8} aria-label={t('siteLogs.photos')}>
            {log.photos.map((p) => (
              <FileThumb key={p.id} file={{ id: p.id, name: p.name, hasThumbnail: true }} size={80} />
            ))}
          </Flex>
        ) : null}
        {log.problems.length ? (
          <Flex vertical gap={4}>
            <Typography.Text strong>{t('siteLogs.problems')}</Typography.Text>
            {log.problems.map((p) => (
              <Flex key={p.id} gap={8} wrap>
                <span>{p.title}</span>
                {p.caseId ? (
                  <Link to={`/cases/${p.caseId}`}>{t('siteLogs.openCase')}</Link>
                ) : (
                  <Tag>{t('siteLogs.problemDraft')}</Tag>
                )}
              </Flex>
            ))}
          </Flex>
        ) : null}
        {raised ? (
          <Alert
            type="success"
            showIcon
            closable
            onClose={() => setRaised(null)}
            title={raised.caseId ? t('siteLogs.raisedAsCase') : t('siteLogs.raisedAsDraft')}
            action={raised.caseId ? <Link to={`/cases/${raised.caseId}`}>{t('siteLogs.openCase')}</Link> : undefined}
          />
        ) : null}
      </Flex>
      {raising ? (
        <RaiseProblemModal
          log={log}
          open={raising}
          onClose={() => setRaising(false)}
          onRaised={(updated) => setRaised(updated.problems[updated.problems.length - 1] ?? null)}
        />
      ) : null}
    </Card>
  );
}
