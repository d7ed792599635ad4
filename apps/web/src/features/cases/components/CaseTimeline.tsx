import { Card, Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../../shared/format';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { useCaseEvents, type CaseEvent } from '../api';

const colorOf = (kind: string) =>
  /rejected|returned|refused|sent-back|escalated|withdrawn/.test(kind) ? 'red' : /closed|approved|answered|signed/.test(kind) ? 'green' : 'blue';

/** The words an event carries: a reason, a reply, a unit, a new deadline… */
export function eventDetail(e: CaseEvent, t: TFunction): string[] {
  const p = e.payload as Record<string, unknown>;
  const out: string[] = [];
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  const unit = p.unit as { name?: string } | undefined;
  if (unit?.name) out.push(t('caseEvent.unit', { name: unit.name }));
  const co = p.coUnits as { name?: string }[] | undefined;
  if (co?.length) out.push(t('caseEvent.coUnits', { names: co.map((u) => u.name).join(t('common.listSeparator')) }));
  if (str(p.reasonCode)) out.push(t('caseEvent.reasonCode', { code: t(`returnReason.${String(p.reasonCode)}`) }));
  for (const k of ['reason', 'text', 'note', 'publicReply', 'reply', 'comment'] as const) if (str(p[k])) out.push(String(p[k]));
  if (str(p.rating)) out.push(t(`caseRating.${String(p.rating)}`));
  if (typeof p.days === 'number') out.push(t('common.workingDays', { count: p.days }));
  if (str(p.deadline)) out.push(t('caseEvent.deadline', { at: formatDateTime(String(p.deadline)) }));
  if (str(p.signDeadline)) out.push(t('caseEvent.signDeadline', { at: formatDateTime(String(p.signDeadline)) }));
  if (typeof p.to === 'number') out.push(t(`supervision.${p.to}`));
  const into = p.into as { number?: string } | undefined;
  if (into?.number) out.push(t('caseEvent.into', { number: into.number }));
  return out;
}

export function CaseTimeline({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const events = useCaseEvents(caseId);
  if (events.isError) return <ErrorState error={events.error} onRetry={() => void events.refetch()} />;
  const items = events.data ?? [];
  return (
    <Card size="small" title={t('cases.timeline')} loading={events.isPending}>
      {items.length === 0 ? (
        <Empty description={t('cases.noEvents')} />
      ) : (
        <Timeline
          items={items.map((e) => ({
            key: e.id,
            color: colorOf(e.kind),
            content: (
              <Flex vertical gap={2} data-event-kind={e.kind}>
                <Flex wrap gap={6} align="center">
                  <Typography.Text strong>{t(`caseEvent.kind.${e.kind}`, { defaultValue: e.kind })}</Typography.Text>
                  {e.internal ? <Tag icon={<LockOutlined />} color="default">{t('caseEvent.internal')}</Tag> : null}
                </Flex>
                {eventDetail(e, t).map((line, i) => (
                  <Typography.Text key={i} style={{ whiteSpace: 'pre-wrap' }}>{line}</Typography.Text>
                ))}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.actor ? e.actor.displayName : t('caseEvent.system')} · {formatDateTime(e.at)}
                </Typography.Text>
              </Flex>
            ),
          }))}
        />
      )}
    </Card>
  );
}
