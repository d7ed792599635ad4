import { useEffect, useState } from 'react';
import { Button, Card, Empty, Flex, Input, List, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { formatDate } from '../../../shared/format';
import { useMeetingChange, type AgendaItem, type Meeting } from '../api';
import { minutesBody } from '../bodies';
import { ResolutionCase, ResolutionStateTag } from './tags';

/** The title without the server's 【续议】 prefix (the tag says it). */
export function agendaTitle(a: AgendaItem): string {
  return a.carried ? a.title.replace(/^【续议】/, '') : a.title;
}

function CarriedInfo({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const r = item.carried!;
  return (
    <Flex wrap gap={8} align="center" style={{ fontSize: 12 }}>
      <ResolutionStateTag state={r.state} />
      <ResolutionCase resolution={r} />
      {r.ownerUnit ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.ownerUnit.name}</Typography.Text> : null}
      {r.dueDate ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('branches.dueOn', { date: formatDate(r.dueDate) })}</Typography.Text> : null}
      <Link to={`/meetings/${r.meetingId}`} style={{ fontSize: 12 }}>{t('branches.fromMeeting')}</Link>
    </Flex>
  );
}

/** The agenda: carried-over resolutions (续议) with their live case status, and the minutes of each item. */
export function AgendaCard({ meeting: m, onResolve }: { meeting: Meeting; onResolve?: (agendaItemId: string) => void }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const change = useMeetingChange(m.id);
  const editable = m.allowedActions.includes('minutes');
  const saved = Object.fromEntries(m.agenda.map((a) => [a.id, a.minutes ?? '']));
  const [texts, setTexts] = useState<Record<string, string>>(saved);
  const savedKey = JSON.stringify(saved);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setTexts(JSON.parse(savedKey) as Record<string, string>), [savedKey]);
  const dirty = m.agenda.some((a) => (texts[a.id] ?? '') !== (saved[a.id] ?? ''));
  const resolutionsOf = (id: string) => m.resolutions.filter((r) => r.agendaItemId === id).length;

  const save = () =>
    change.mutate(
      { kind: 'minutes', body: minutesBody(m.agenda, texts, m.version) },
      { onSuccess: () => feedback.success('branches.minutesSaved'), onError: (e) => void feedback.error(e) },
    );

  return (
    <Card
      size="small"
      title={t('branches.agendaAndMinutes')}
      extra={editable && m.agenda.length ? <Button type="primary" size="small" onClick={save} loading={change.isPending} disabled={!dirty}>{t('branches.saveMinutes')}</Button> : null}
    >
      {m.agenda.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('branches.agendaEmpty')} />
      ) : (
        <List
          itemLayout="vertical"
          dataSource={m.agenda}
          renderItem={(a) => (
            <List.Item key={a.id} data-testid="agenda-item">
              <Flex vertical gap={6}>
                <Flex gap={6} wrap align="center">
                  <Typography.Text strong>{a.position}.</Typography.Text>
                  {a.carried ? <Tag color="orange">{t('branches.carried')}</Tag> : null}
                  <Typography.Text strong>{agendaTitle(a)}</Typography.Text>
                  {!a.carried && a.caseId ? <Link to={`/cases/${a.caseId}`} style={{ fontSize: 12 }}>{t('branches.linkedCase')}</Link> : null}
                </Flex>
                {a.carried ? <CarriedInfo item={a} /> : null}
                {editable ? (
                  <Input.TextArea
                    autoSize={{ minRows: 2, maxRows: 10 }}
                    maxLength={10000}
                    placeholder={t('branches.minutesPlaceholder')}
                    aria-label={t('branches.minutesOf', { title: agendaTitle(a) })}
                    value={texts[a.id] ?? ''}
                    onChange={(e) => setTexts((x) => ({ ...x, [a.id]: e.target.value }))}
                  />
                ) : a.minutes ? (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{a.minutes}</Typography.Paragraph>
                ) : (
                  <Typography.Text type="secondary">{t('branches.noMinutes')}</Typography.Text>
                )}
                <Flex gap={8} align="center" wrap>
                  {resolutionsOf(a.id) ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('branches.resolutionCount', { count: resolutionsOf(a.id) })}</Typography.Text> : null}
                  {onResolve ? (
                    <Button size="small" icon={<PlusOutlined />} onClick={() => onResolve(a.id)}>{t('branches.addResolution')}</Button>
                  ) : null}
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
