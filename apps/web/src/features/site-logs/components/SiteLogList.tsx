import { Alert, Button, Empty, Flex, Input, Pagination, Select, Skeleton } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { useListParams } from '../../../shared/url';
import { useCan } from '../../session/api';
import { useSiteLogs } from '../api';
import { useOnline } from '../offline/useOutbox';
import { SiteLogCard } from './SiteLogCard';

const FILTERS = ['from', 'to'] as const;

/** Site logs, newest first, filtered by dates (and fixed to a project on the project page). */
export function SiteLogList({ projectId }: { projectId?: string }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const canWrite = useCan('sitelog.write');
  const { params, update } = useListParams(FILTERS, 10);
  const sort = params.sort === 'date' ? 'date' : '-date';
  const list = useSiteLogs({ page: params.page, pageSize: params.pageSize, projectId, sort, ...params.filters });
  const online = useOnline();
  const newLink = projectId ? `/site-logs/new?projectId=${projectId}` : '/site-logs/new';

  if (list.isError && !list.data) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data?.items ?? [];
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center">
        <Input
          type="date"
          aria-label={t('siteLogs.from')}
          value={params.filters.from ?? ''}
          onChange={(e) => update({ from: e.target.value || undefined })}
          style={{ width: isMobile ? 'calc(50% - 4px)' : 160 }}
        />
        <Input
          type="date"
          aria-label={t('siteLogs.to')}
          value={params.filters.to ?? ''}
          onChange={(e) => update({ to: e.target.value || undefined })}
          style={{ width: isMobile ? 'calc(50% - 4px)' : 160 }}
        />
        <Select
          aria-label={t('siteLogs.sort')}
          value={sort}
          onChange={(v) => update({ sort: v === '-date' ? undefined : v })}
          options={[
            { value: '-date', label: t('siteLogs.newestFirst') },
            { value: 'date', label: t('siteLogs.oldestFirst') },
          ]}
          style={{ width: 140 }}
        />
        {canWrite ? (
          <Link to={newLink} style={{ marginInlineStart: 'auto' }}>
            <Button type="primary" icon={<PlusOutlined />}>
              {t('siteLogs.write')}
            </Button>
          </Link>
        ) : null}
      </Flex>
      {!online && !list.data ? (
        <Alert type="warning" showIcon title={t('siteLogs.offlineList')} />
      ) : list.isPending ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty description={params.filters.from || params.filters.to ? t('siteLogs.emptyFiltered') : canWrite ? t('siteLogs.emptyWriter') : t('siteLogs.empty')} />
      ) : (
        items.map((log) => <SiteLogCard key={log.id} log={log} showProject={!projectId} />)
      )}
      {list.data && list.data.total > params.pageSize ? (
        <Pagination
          current={params.page}
          pageSize={params.pageSize}
          total={list.data.total}
          simple={isMobile}
          showSizeChanger={false}
          onChange={(page) => update({ page: page > 1 ? page : undefined }, false)}
        />
      ) : null}
    </Flex>
  );
}
