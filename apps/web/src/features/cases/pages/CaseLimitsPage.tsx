import { useEffect, useState } from 'react';
import { Alert, Button, Card, InputNumber, Skeleton, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { casePriorities, caseTypes } from '@liaison/contracts';
import { useFeedback } from '../../../shared/api/useFeedback';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useCan } from '../../session/api';
import { useCaseLimits, useSaveCaseLimits, type CaseLimit } from '../api';

const ROWS = [...caseTypes, 'sign'] as const;
type Row = (typeof ROWS)[number];
const keyOf = (type: string, priority: string) => `${type}:${priority}`;

/** 办理时限: working days per case type and priority, and the sign-for limit after dispatch. */
export default function CaseLimitsPage() {
  const { t } = useTranslation();
  const canEdit = useCan('case.limits.manage');
  const limits = useCaseLimits();
  const save = useSaveCaseLimits();
  const feedback = useFeedback();
  const [draft, setDraft] = useState<Record<string, number | null>>({});
  useEffect(() => {
    if (limits.data) setDraft(Object.fromEntries(limits.data.map((l) => [keyOf(l.type, l.priority), l.days])));
  }, [limits.data]);

  if (limits.isError) return <ErrorState error={limits.error} onRetry={() => void limits.refetch()} />;
  if (limits.isPending) return <Skeleton active />;
  const invalid = Object.values(draft).some((d) => d === null || d < 1 || d > 90);
  const dirty = limits.data.some((l) => draft[keyOf(l.type, l.priority)] !== l.days);
  const submit = () => {
    const items: CaseLimit[] = ROWS.flatMap((type) => casePriorities.map((priority) => ({ type, priority, days: draft[keyOf(type, priority)] ?? 1 })));
    save.mutate(items, { onSuccess: () => feedback.success('common.saved'), onError: (e) => feedback.error(e) });
  };

  return (
    <>
      <PageHeader title={t('caseLimits.title')} sub={t('caseLimits.sub')} />
      <Card size="small" style={{ maxWidth: 720 }}>
        {!canEdit ? <Alert type="info" showIcon title={t('caseLimits.readOnly')} style={{ marginBottom: 12 }} /> : null}
        <Table<{ type: Row }>
          rowKey="type"
          size="small"
          pagination={false}
          dataSource={ROWS.map((type) => ({ type }))}
          columns={[
            { key: 'type', title: t('caseLimits.type'), render: (_, r) => (r.type === 'sign' ? t('caseLimits.sign') : t(`caseType.${r.type}`)) },
            ...casePriorities.map((p) => ({
              key: p,
              title: t(`casePriority.${p}`),
              width: 140,
              render: (_: unknown, r: { type: Row }) => {
                const k = keyOf(r.type, p);
                const label = `${r.type === 'sign' ? t('caseLimits.sign') : t(`caseType.${r.type}`)} · ${t(`casePriority.${p}`)}`;
                return canEdit ? (
                  <InputNumber aria-label={label} min={1} max={90} precision={0} value={draft[k] ?? null} status={draft[k] ? undefined : 'error'}
                    onChange={(v) => setDraft((d) => ({ ...d, [k]: v }))} suffix={t('caseLimits.days')} style={{ width: '100%', maxWidth: 120 }} />
                ) : (
                  t('common.workingDays', { count: draft[k] ?? 0 })
                );
              },
            })),
          ]}
        />
        {canEdit ? (
          <>
            {invalid ? <Alert type="error" showIcon title={t('caseLimits.range')} style={{ marginTop: 12 }} /> : null}
            <Button type="primary" disabled={!dirty || invalid} loading={save.isPending} onClick={submit} style={{ marginTop: 12 }}>{t('common.save')}</Button>
          </>
        ) : null}
        <Alert type="warning" showIcon title={t('caseLimits.note')} style={{ marginTop: 12 }} />
      </Card>
    </>
  );
}
