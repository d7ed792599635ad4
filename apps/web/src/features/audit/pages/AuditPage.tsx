import { useEffect, useState } from 'react';
import { Alert, Button, DatePicker, Flex, Input, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { CloseCircleOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { formatDateTime } from '../../../shared/format';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { sortFromSorter, sortOrderOf, useListParams } from '../../../shared/url';
import { useAudit, useVerifyAudit, type AuditRecord } from '../api';

const FILTERS = ['actorId', 'action', 'entityType', 'entityId', 'from', 'to'] as const;

function TextFilter({
  value,
  placeholder,
  onApply,
  width,
}: {
  value?: string;
  placeholder: string;
  onApply: (v: string | undefined) => void;
  width: number | string;
}) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  return (
    <Input.Search
      allowClear
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => onApply(v.trim() || undefined)}
      placeholder={placeholder}
      aria-label={placeholder}
      style={{ width }}
    />
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const feedback = useFeedback();
  const { params, update, pageSizeOptions } = useListParams(FILTERS);
  const sort = params.sort ?? '-seq';
  const list = useAudit({ ...params.filters, sort, page: params.page, pageSize: params.pageSize });
  const verify = useVerifyAudit();
  const half = isMobile ? 'calc(50% - 4px)' : 180;

  const range: [Dayjs | null, Dayjs | null] = [
    params.filters.from ? dayjs(params.filters.from) : null,
    params.filters.to ? dayjs(params.filters.to) : null,
  ];

  const columns: TableProps<AuditRecord>['columns'] = [
    { key: 'seq', dataIndex: 'seq', title: '#', width: 80, sorter: true, sortOrder: sortOrderOf(sort, 'seq') },
    { key: 'at', dataIndex: 'at', title: t('audit.at'), width: 160, render: (v: string) => formatDateTime(v) },
    {
      key: 'actor',
      title: t('audit.actor'),
      render: (_, r) =>
        r.actorId ? (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => update({ actorId: r.actorId })}>
            {r.actorName ?? r.actorId}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>
        ),
    },
    {
      key: 'role',
      dataIndex: 'actorRole',
      title: t('audit.role'),
      responsive: ['lg'],
      render: (v: string | null) => (v ? t(`role.${v}`, { defaultValue: v }) : '—'),
    },
    { key: 'action', dataIndex: 'action', title: t('audit.action'), render: (v: string) => <Tag>{v}</Tag> },
    {
      key: 'entity',
      title: t('audit.entity'),
      responsive: ['md'],
      render: (_, r) => (
        <Typography.Text ellipsis style={{ maxWidth: 240 }}>
          {r.entityType}
          {r.entityId ? ` · ${r.entityId}` : ''}
        </Typography.Text>
      ),
    },
    { key: 'ip', dataIndex: 'ip', title: t('audit.ip'), responsive: ['lg'], render: (v: string | null) => v ?? '—' },
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        sub={list.data ? t('common.totalItems', { count: list.data.total }) : undefined}
        extra={
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate(undefined, { onError: (e) => void feedback.error(e) })}
          >
            {t('audit.verify')}
          </Button>
        }
      />
      {verify.data ? (
        <Alert
          style={{ marginBottom: 16 }}
          role="status"
          showIcon
          closable={{ onClose: () => verify.reset() }}
          type={verify.data.ok ? 'success' : 'error'}
          title={
            verify.data.ok
              ? t('audit.verifyOk', { count: verify.data.checked })
              : t('audit.verifyBroken', { seq: verify.data.firstBrokenSeq ?? '?', count: verify.data.checked })
          }
          description={verify.data.ok ? undefined : (verify.data.reason ?? undefined)}
        />
      ) : null}
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <TextFilter value={params.filters.action} placeholder={t('audit.action')} onApply={(v) => update({ action: v })} width={half} />
        <TextFilter value={params.filters.entityType} placeholder={t('audit.entityType')} onApply={(v) => update({ entityType: v })} width={half} />
        <TextFilter value={params.filters.entityId} placeholder={t('audit.entityId')} onApply={(v) => update({ entityId: v })} width={isMobile ? '100%' : 220} />
        <DatePicker.RangePicker
          value={range}
          allowEmpty={[true, true]}
          aria-label={t('audit.period')}
          onChange={(v) =>
            update({
              from: v?.[0] ? v[0].startOf('day').toISOString() : undefined,
              to: v?.[1] ? v[1].endOf('day').toISOString() : undefined,
            })
          }
          style={{ width: isMobile ? '100%' : 260 }}
        />
        {params.filters.actorId ? (
          <Tag closable closeIcon={<CloseCircleOutlined />} onClose={() => update({ actorId: undefined })} style={{ alignSelf: 'center' }}>
            {t('audit.actorFilter', { id: params.filters.actorId })}
          </Tag>
        ) : null}
      </Flex>
      {list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<AuditRecord>
          rowKey="id"
          size={isMobile ? 'small' : 'middle'}
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 760 }}
          expandable={{
            expandedRowRender: (r) => (
              <Flex vertical gap={4} style={{ fontSize: 12 }}>
                <div>
                  <Typography.Text type="secondary">{t('audit.userAgent')}: </Typography.Text>
                  {r.userAgent ?? '—'}
                </div>
                <div>
                  <Typography.Text type="secondary">{t('audit.requestId')}: </Typography.Text>
                  {r.requestId ?? '—'}
                </div>
                <div>
                  <Typography.Text type="secondary">{t('audit.hash')}: </Typography.Text>
                  <Typography.Text code style={{ wordBreak: 'break-all' }}>
                    {r.hash}
                  </Typography.Text>
                </div>
                <Typography.Text type="secondary">{t('audit.changes')}:</Typography.Text>
                <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: 320, overflow: 'auto' }}>
                  {r.changes === null || r.changes === undefined ? '—' : JSON.stringify(r.changes, null, 2)}
                </pre>
              </Flex>
            ),
          }}
          onChange={(pagination, _f, sorter, extra) => {
            if (extra.action === 'sort') update({ sort: sortFromSorter(sorter) ?? '-seq' });
            else if (extra.action === 'paginate')
              update(
                {
                  page: pagination.current && pagination.current > 1 ? pagination.current : undefined,
                  pageSize: pagination.pageSize !== 20 ? pagination.pageSize : undefined,
                },
                false,
              );
          }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: !isMobile,
            pageSizeOptions,
            simple: isMobile,
          }}
        />
      )}
    </>
  );
}
