import { useEffect, useState } from 'react';
import { Button, Flex, Input, Popconfirm, Select, Table } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { unitKinds, type Unit } from '@liaison/contracts';
import { useFeedback } from '../../../shared/api/useFeedback';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ActiveTag } from '../../../shared/ui/tags';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { sortFromSorter, sortOrderOf, useListParams } from '../../../shared/url';
import { useUnits, useUpdateUnit } from '../api';
import { UnitFormModal } from '../components/UnitFormModal';

const FILTERS = ['q', 'kind', 'isActive', 'parentId'] as const;

export default function UnitListPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const feedback = useFeedback();
  const { params, update, pageSizeOptions } = useListParams(FILTERS);
  const list = useUnits({ ...params.filters, sort: params.sort, page: params.page, pageSize: params.pageSize });
  const toggle = useUpdateUnit();
  const [editing, setEditing] = useState<Unit | undefined>();
  const [formOpen, setFormOpen] = useState(false);
  const [search, setSearch] = useState(params.filters.q ?? '');
  const urlQ = params.filters.q ?? '';
  useEffect(() => setSearch(urlQ), [urlQ]);

  const setActive = (u: Unit, isActive: boolean) =>
    toggle.mutate(
      { id: u.id, version: u.version, isActive },
      {
        onSuccess: () => feedback.success(isActive ? 'units.enabled' : 'units.disabled'),
        onError: (e) => feedback.error(e, { onStale: () => void list.refetch() }),
      },
    );

  const columns: TableProps<Unit>['columns'] = [
    { key: 'code', dataIndex: 'code', title: t('units.code'), sorter: true, sortOrder: sortOrderOf(params.sort, 'code'), width: 140 },
    { key: 'name', dataIndex: 'name', title: t('units.name'), sorter: true, sortOrder: sortOrderOf(params.sort, 'name') },
    {
      key: 'kind',
      dataIndex: 'kind',
      title: t('units.kind'),
      sorter: true,
      sortOrder: sortOrderOf(params.sort, 'kind'),
      width: 130,
      render: (k: Unit['kind']) => t(`unitKind.${k}`),
    },
    { key: 'parent', dataIndex: 'parentName', title: t('units.parent'), responsive: ['md'], render: (v: string | null) => v ?? '—' },
    { key: 'phone', dataIndex: 'phone', title: t('units.phone'), responsive: ['lg'], render: (v: string | null) => v ?? '—' },
    { key: 'isActive', dataIndex: 'isActive', title: t('units.isActive'), width: 90, render: (v: boolean) => <ActiveTag active={v} /> },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 160,
      render: (_, u) => (
        <Flex gap={4} wrap>
          <Button
            size="small"
            type="link"
            onClick={() => {
              setEditing(u);
              setFormOpen(true);
            }}
          >
            {t('common.edit')}
          </Button>
          {u.isActive ? (
            <Popconfirm
              title={t('units.disableConfirm', { name: u.name })}
              okText={t('common.disable')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => setActive(u, false)}
            >
              <Button size="small" type="link" danger>
                {t('common.disable')}
              </Button>
            </Popconfirm>
          ) : (
            <Button size="small" type="link" onClick={() => setActive(u, true)}>
              {t('common.enable')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  if (list.isError && !list.data) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <>
      <PageHeader
        title={t('units.title')}
        sub={list.data ? t('common.totalItems', { count: list.data.total }) : undefined}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(undefined);
              setFormOpen(true);
            }}
          >
            {t('units.create')}
          </Button>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => update({ q: v.trim() || undefined })}
          placeholder={t('units.searchPlaceholder')}
          aria-label={t('common.search')}
          style={{ width: isMobile ? '100%' : 260 }}
          enterButton
        />
        <Select
          allowClear
          value={params.filters.kind}
          onChange={(v?: string) => update({ kind: v })}
          placeholder={t('units.kind')}
          aria-label={t('units.kind')}
          options={unitKinds.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
          style={{ width: isMobile ? 'calc(50% - 4px)' : 150 }}
        />
        <Select
          allowClear
          value={params.filters.isActive}
          onChange={(v?: string) => update({ isActive: v })}
          placeholder={t('units.isActive')}
          aria-label={t('units.isActive')}
          options={[
            { value: 'true', label: t('common.active') },
            { value: 'false', label: t('common.inactive') },
          ]}
          style={{ width: isMobile ? 'calc(50% - 4px)' : 120 }}
        />
      </Flex>
      <Table<Unit>
        rowKey="id"
        size={isMobile ? 'small' : 'middle'}
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 720 }}
        onChange={(pagination, _f, sorter, extra) => {
          if (extra.action === 'sort') update({ sort: sortFromSorter(sorter) });
          else if (extra.action === 'paginate')
            update({ page: pagination.current && pagination.current > 1 ? pagination.current : undefined, pageSize: pagination.pageSize !== 20 ? pagination.pageSize : undefined }, false);
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
      <UnitFormModal open={formOpen} unit={editing} onClose={() => setFormOpen(false)} />
    </>
  );
}
