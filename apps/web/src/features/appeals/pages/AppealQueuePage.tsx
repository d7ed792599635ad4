import { useState } from 'react';
import { Button, Card, Empty, Flex, Pagination, Segmented, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useListParams } from '../../../shared/url';
import { useAppeals, type AppealState, type StaffAppeal } from '../api';
import { AppealCategoryTag, AppealFacts, AppealStateTag } from '../components/AppealFacts';
import { DismissModal, TriageModal } from '../components/TriageModals';

const STATES = ['triage', 'case', 'dismissed', 'all'] as const;
type StateFilter = (typeof STATES)[number];
const isStateFilter = (v: string | undefined): v is StateFilter => !!v && (STATES as readonly string[]).includes(v);

function AppealCard({ a, onTriage, onDismiss }: { a: StaffAppeal; onTriage: () => void; onDismiss: () => void }) {
  const { t } = useTranslation();
  const actions =
    a.state === 'triage'
      ? [
          <Button key="triage" type="primary" onClick={onTriage}>{t('appeals.triage')}</Button>,
          <Button key="dismiss" danger onClick={onDismiss}>{t('appeals.dismiss')}</Button>,
        ]
      : a.caseId
        ? [<Link key="case" to={`/cases/${a.caseId}`}>{t('appeals.openCase')}</Link>]
        : [];
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center" wrap style={{ padding: '4px 0' }}>
          <AppealCategoryTag category={a.category} />
          <AppealStateTag state={a.state} />
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>{formatDateTime(a.createdAt)}</Typography.Text>
          {a.project ? <Link to={`/projects/${a.project.id}`} style={{ fontWeight: 'normal' }}>{a.project.name}</Link> : null}
        </Flex>
      }
    >
      <AppealFacts a={a} inList />
      {actions.length ? <Flex gap={8} wrap justify="flex-end" style={{ marginTop: 8 }}>{actions}</Flex> : null}
    </Card>
  );
}

/** 居民诉求分派: appeals filed without a project wait here for the organisation department. */
export default function AppealQueuePage() {
  const { t } = useTranslation();
  const { params, update } = useListParams(['state'], 10);
  const filter: StateFilter = isStateFilter(params.filters.state) ? params.filters.state : 'triage';
  const list = useAppeals({ state: filter === 'all' ? undefined : (filter as AppealState), page: params.page, pageSize: params.pageSize });
  const [open, setOpen] = useState<{ kind: 'triage' | 'dismiss'; a: StaffAppeal } | null>(null);
  const close = () => setOpen(null);
  const stale = () => void list.refetch();

  return (
    <>
      <PageHeader title={t('appeals.queueTitle')} sub={t('appeals.queueSub')} />
      <Flex vertical gap={12}>
        <div style={{ overflowX: 'auto' }}>
          <Segmented<StateFilter>
            value={filter}
            onChange={(v) => update({ state: v === 'triage' ? undefined : v })}
            options={STATES.map((s) => ({ value: s, label: t(`appeals.filter.${s}`) }))}
          />
        </div>
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.isPending ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : list.data.items.length === 0 ? (
          <Empty description={filter === 'triage' ? t('appeals.queueEmpty') : t('appeals.empty')} />
        ) : (
          <>
            <Flex vertical gap={12} style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
              {list.data.items.map((a) => (
                <AppealCard key={a.id} a={a} onTriage={() => setOpen({ kind: 'triage', a })} onDismiss={() => setOpen({ kind: 'dismiss', a })} />
              ))}
            </Flex>
            <Flex justify="flex-end">
              <Pagination
                size="small"
                current={params.page}
                pageSize={params.pageSize}
                total={list.data.total}
                showTotal={(n) => t('common.totalItems', { count: n })}
                pageSizeOptions={[10, 20, 50]}
                onChange={(page, pageSize) => update({ page: page === 1 ? undefined : page, pageSize: pageSize === 10 ? undefined : pageSize }, false)}
              />
            </Flex>
          </>
        )}
      </Flex>
      {open?.kind === 'triage' ? <TriageModal a={open.a} onClose={close} onStale={stale} /> : null}
      {open?.kind === 'dismiss' ? <DismissModal a={open.a} onClose={close} onStale={stale} /> : null}
    </>
  );
}
